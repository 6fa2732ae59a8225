/**
 * Runs a host command (the offline build's mmdebstrap) so that nothing it starts or mounts can
 * outlive the lab: in its own PID and mount namespaces where we are root (the kernel then ends
 * every process and unmounts every mount of the build when its first process dies), tied to our
 * life by PR_SET_PDEATHSIG (setpriv), and in a process group of its own, so a Ctrl-C reaches
 * only the lab, which then kills the whole build at once instead of waiting for it to tidy up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
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
}

/** Runs cmd to its end; an abort kills the whole build at once and rejects with the abort's reason. */
export function runContained(cmd: string, args: string[], opts: ContainedOptions): Promise<void> {
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
    createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', feed);
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
      else reject(new LabError(`${cmd} failed (exit ${code}): ${tail.at(-1) ?? ''}`, `run it by hand to see why: ${cmd} ${args.join(' ')}`));
    });
  });
}
