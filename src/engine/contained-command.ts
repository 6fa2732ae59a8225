/**
 * Runs a host command (the offline build's mmdebstrap) so that nothing it starts or mounts can
 * outlive the lab: in its own PID and mount namespaces where we are root (the kernel then ends
 * every process and unmounts every mount of the build when its first process dies), tied to our
 * life by PR_SET_PDEATHSIG (setpriv), and in a process group of its own, so a Ctrl-C reaches
 * only the lab, which then kills the whole build at once instead of waiting for it to tidy up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { LabError } from './lab-error.js';

const found = new Map<string, boolean>();
function hasCommand(cmd: string): boolean {
  let v = found.get(cmd);
  if (v === undefined) {
    v = spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
    found.set(cmd, v);
  }
  return v;
}

/** How the command will be contained here, for the build's progress line. */
export function containment(): { argv: string[]; how: string } {
  const argv: string[] = [];
  const hows: string[] = [];
  if (hasCommand('setpriv')) {
    argv.push('setpriv', '--pdeathsig', 'SIGKILL', '--');
    hows.push('killed with the lab');
  }
  // Unprivileged, mmdebstrap makes its own user and mount namespaces: its mounts never reach the host.
  if (process.getuid?.() === 0 && hasCommand('unshare')) {
    argv.push('unshare', '--mount', '--propagation', 'private', '--pid', '--fork', '--kill-child=SIGKILL', '--');
    hows.push('in its own PID and mount namespaces');
  }
  return { argv, how: hows.join(', ') || 'not contained (no setpriv or unshare here)' };
}

function notInstalled(cmd: string): LabError {
  return new LabError(
    `${cmd} is not installed, and no registry is reachable to build the base image the usual way`,
    `install it (Debian/Ubuntu: sudo apt-get install ${cmd}), or make Docker Hub reachable and run: zombie-lab prepare`,
  );
}

export interface ContainedOptions {
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  onLine: (line: string) => void;
  /** The command as a person would run it, for the error message (when cmd is a wrapper such as inScratchTmpfs's). */
  shownAs?: { cmd: string; args: readonly string[] };
}

/**
 * Whether a build's scratch space can live in a tmpfs of its own mount namespace (root with
 * unshare here): then the kernel frees it when the build's last process ends, SIGKILL of the
 * lab included, and nothing is left on the host's disk for a later start to sweep.
 */
export function scratchDiesWithBuild(): boolean {
  return process.getuid?.() === 0 && hasCommand('unshare') && hasCommand('mount');
}

/**
 * `sh -c` that mounts a fresh tmpfs on /tmp (seen only inside the build's private mount
 * namespace), then runs the command with TMPDIR=/tmp from /: a working directory below /tmp (a
 * checkout there) would be hidden by the mount, and mmdebstrap stops when it cannot stat it.
 * `mark` is its $0, so the shell's command line names its owner while it runs (ps, and the leak
 * checks, find it by that). The command's arguments must not name files below /tmp.
 */
export function inScratchTmpfs(cmd: string, args: readonly string[], mark: string): { cmd: string; args: string[] } {
  const script = `cd / && mount -t tmpfs -o mode=0700 ${mark} /tmp && TMPDIR=/tmp ${cmd} "$@"`;
  return { cmd: 'sh', args: ['-c', script, mark, ...args] };
}

/**
 * Runs cmd with its stdout as a stream (a tarball going straight into the engine's import):
 * lines of stderr go to onLine. The stream holds back its last bytes until cmd has exited 0, so
 * a reader never sees a whole stream from a command that failed or was killed: it sees an error
 * instead (a tar cut short is no image). `done` settles like runContained's promise.
 */
export function streamContained(cmd: string, args: string[], opts: ContainedOptions): { stdout: Readable; done: Promise<void> } {
  const out = new PassThrough();
  let held: Buffer | null = null;
  /** Enough for a tar's end-of-archive (two 512-byte blocks) and then some. */
  const HOLD = 64 * 1024;
  const done = spawnContained(cmd, args, opts, (stdout) => {
    stdout.on('data', (chunk: Buffer) => {
      held = held ? Buffer.concat([held, chunk]) : chunk;
      if (held.length > HOLD) {
        const pass = held.subarray(0, held.length - HOLD);
        held = Buffer.from(held.subarray(held.length - HOLD));
        if (!out.write(pass)) {
          stdout.pause();
          out.once('drain', () => stdout.resume());
        }
      }
    });
  });
  done.then(
    () => out.end(held ?? Buffer.alloc(0)),
    (err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))),
  );
  return { stdout: out, done };
}

/** Runs cmd to its end; an abort kills the whole build at once and rejects with the abort's reason. */
export function runContained(cmd: string, args: string[], opts: ContainedOptions): Promise<void> {
  return spawnContained(cmd, args, opts, null);
}

function spawnContained(cmd: string, args: string[], opts: ContainedOptions, takeStdout: ((stdout: Readable) => void) | null): Promise<void> {
  const { signal, onLine } = opts;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (!hasCommand(cmd)) return reject(notInstalled(cmd));
    const [file, ...rest] = [...containment().argv, cmd, ...args] as [string, ...string[]];
    const child = spawn(file, rest, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(opts.env ? { env: opts.env } : {}) });
    let tail: string[] = [];
    // Whole lines only: a chunk can end mid-line (or mid-character), readline joins it with the next.
    const feed = (l: string) => {
      if (!l.trim()) return;
      tail = [...tail.slice(-5), l];
      onLine(l);
    };
    if (takeStdout) takeStdout(child.stdout);
    else createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', feed);
    createInterface({ input: child.stderr, crlfDelay: Infinity }).on('line', feed);
    const kill = () => {
      try {
        // The group: setpriv/unshare and anything outside the namespaces. Inside, the kernel ends the rest.
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    signal?.addEventListener('abort', kill, { once: true });
    child.on('error', (err: NodeJS.ErrnoException) => {
      signal?.removeEventListener('abort', kill);
      reject(err.code === 'ENOENT' ? notInstalled(file) : err);
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', kill);
      if (code === 0) resolve();
      else if (signal?.aborted) reject(signal.reason);
      else reject(new LabError(`${opts.shownAs?.cmd ?? cmd} failed (exit ${code}): ${tail.at(-1) ?? ''}`, `run it by hand to see why: ${opts.shownAs ? `${opts.shownAs.cmd} ${opts.shownAs.args.join(' ')}` : `${cmd} ${args.join(' ')}`}`));
    });
  });
}
