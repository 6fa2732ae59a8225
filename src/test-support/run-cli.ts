/**
 * Runs the shipped CLI (the bundle users run) as a child process and collects what it printed:
 * the one way every integration, matrix and kill test starts `zombie-lab`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_ENTRY, PACKAGE_ROOT } from '../engine/package-paths.js';

export interface CliRun {
  /** The child's process id (its process group's too, with `detached`). */
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as they came, interleaved (what a terminal would have shown). */
  output: string;
}

export interface RunCliOptions {
  /** Laid over this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Variables removed from this process's environment before `env` is laid over it. */
  unset?: readonly string[];
  cwd?: string;
  /** A program that runs the CLI for the test, with its arguments (e.g. `setpriv --reuid 65534 …`): node and the CLI follow them. */
  via?: readonly string[];
  /** Another copy of the CLI to run instead of this checkout's bundle (e.g. the one `npm install -g` put in a prefix). */
  entry?: string;
  /**
   * In a process group of its own, as a shell runs a job: a test can signal the whole group
   * (`process.kill(-pid, …)`, as a terminal's Ctrl-C or hang-up does); at the timeout the group is
   * SIGKILLed, so nothing of it outlives the test.
   */
  detached?: boolean;
  /** SIGTERM after this long (SIGKILL to the group with `detached`), so a hung CLI fails its test instead of the whole run (default 10 min). */
  timeoutMs?: number;
  onSpawn?: (child: ChildProcess) => void;
  /** Called with all of stderr so far, each time more arrives (e.g. to signal the CLI mid-run). */
  onStderr?: (text: string, child: ChildProcess) => void;
  /** Called with all of stdout and stderr so far, interleaved, each time more of either arrives. */
  onOutput?: (text: string, child: ChildProcess) => void;
}

export function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliRun> {
  const base = { ...process.env };
  for (const k of opts.unset ?? []) delete base[k];
  return new Promise((resolve, reject) => {
    const [program, ...before] = [...(opts.via ?? []), process.execPath, opts.entry ?? CLI_ENTRY, ...args] as [string, ...string[]];
    const child = spawn(program, before, { env: { ...base, ...opts.env }, cwd: opts.cwd ?? PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: !!opts.detached });
    const pid = child.pid;
    if (pid === undefined) {
      child.on('error', reject);
      return;
    }
    opts.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      output += d.toString();
      opts.onOutput?.(output, child);
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      output += d.toString();
      opts.onStderr?.(stderr, child);
      opts.onOutput?.(output, child);
    });
    const timer = setTimeout(() => {
      if (!opts.detached) child.kill('SIGTERM');
      else {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // the group is gone already
        }
      }
    }, opts.timeoutMs ?? 10 * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ pid, code, signal, stdout, stderr, output });
    });
  });
}
