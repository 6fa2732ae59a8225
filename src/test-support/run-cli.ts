/**
 * Runs the shipped CLI (the bundle users run) as a child process and collects what it printed:
 * the one way every integration and matrix test starts `zombie-lab`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CLI_ENTRY, PACKAGE_ROOT } from '../engine/package-paths.js';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Laid over this process's environment. */
  env?: NodeJS.ProcessEnv;
  /** Variables removed from this process's environment before `env` is laid over it. */
  unset?: readonly string[];
  cwd?: string;
  /** A program that runs the CLI for the test, with its arguments (e.g. `setpriv --reuid 65534 …`): node and the CLI follow them. */
  via?: readonly string[];
  /** SIGTERM after this long, so a hung CLI fails its test instead of the whole run (default 10 min). */
  timeoutMs?: number;
  onSpawn?: (child: ChildProcess) => void;
  /** Called with all of stderr so far, each time more arrives (e.g. to signal the CLI mid-run). */
  onStderr?: (text: string, child: ChildProcess) => void;
}

export function runCli(args: string[], opts: RunCliOptions = {}): Promise<CliRun> {
  const base = { ...process.env };
  for (const k of opts.unset ?? []) delete base[k];
  return new Promise((resolve) => {
    const [program, ...before] = [...(opts.via ?? []), process.execPath, CLI_ENTRY, ...args] as [string, ...string[]];
    const child = spawn(program, before, { env: { ...base, ...opts.env }, cwd: opts.cwd ?? PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    opts.onSpawn?.(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      opts.onStderr?.(stderr, child);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), opts.timeoutMs ?? 10 * 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
