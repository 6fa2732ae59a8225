/**
 * Helpers for the engine matrix (`npm run test:matrix`): start a rig from scripts/, run the real
 * CLI against it with the rig's environment, and stop the rig again by the PIDs it recorded.
 * Each matrix file owns one engine; nothing here talks to the shared engine.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { applyAttempt, loadAttempts } from '../engine/labs/attempts.js';
import { runCli, type CliRun, type RunCliOptions } from '../test-support/run-cli.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';

const run = promisify(execFile);

export interface Rig {
  name: string;
  dir: string;
  /** What the rig wrote to DIR/env (DOCKER_HOST and the rig's own extras). */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1] as string] = m[2] as string;
  }
  return env;
}

/** Starts `scripts/rig-<name>.sh start <dir>`; the dir is short (unix socket paths) and unique per run. */
export async function startRig(name: string, instance: string, opts: number | { timeoutMs?: number; args?: string[] } = {}): Promise<Rig> {
  const { timeoutMs = 10 * 60_000, args = [] } = typeof opts === 'number' ? { timeoutMs: opts } : opts;
  const dir = `/tmp/zombie-lab-rigs/${instance}`;
  const script = path.join(PACKAGE_ROOT, 'scripts', `rig-${name}.sh`);
  try {
    await run('bash', [script, 'start', dir, ...args], { timeout: timeoutMs, maxBuffer: 16 << 20 });
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    // A half-started rig is stopped by what it recorded, so nothing outlives the failure.
    await run('bash', [script, 'stop', dir]).catch(() => undefined);
    throw new Error(`rig ${name} did not start: ${(e.stderr ?? e.message).trim().split('\n').slice(-5).join(' | ')}`);
  }
  const env = parseEnvFile(readFileSync(path.join(dir, 'env'), 'utf8'));
  let stopped: Promise<void> | null = null;
  return {
    name,
    dir,
    env,
    stop() {
      stopped ??= run('bash', [script, 'stop', dir], { timeout: 120_000 }).then(() => undefined);
      return stopped;
    },
  };
}

export type { CliRun };

/** Runs the real CLI (the shipped bundle) with the given environment on top of a clean one. */
export function cli(args: string[], env: Record<string, string>, opts: { timeoutMs?: number; cwd?: string; onSpawn?: (pid: number) => void; onStderr?: RunCliOptions['onStderr'] } = {}): Promise<CliRun> {
  return runCli(args, {
    // The shared engine must never be reached by accident: only the rig's endpoint counts.
    unset: ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'],
    env: { NO_COLOR: '1', ...env },
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
    onSpawn: (child) => {
      if (child.pid) opts.onSpawn?.(child.pid);
    },
    ...(opts.onStderr ? { onStderr: opts.onStderr } : {}),
  });
}

/** What a `--json` run printed, or a failure that shows the run (a run that printed nothing says why). */
export function jsonOf<T>(r: CliRun): T {
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new Error(`no JSON on stdout\n${explain(r)}`);
  }
}

/** The failure message a test shows when a CLI run went wrong: its exit and the end of its output. */
export function explain(r: CliRun): string {
  return `exit ${r.code ?? r.signal}\n--- stdout (end)\n${r.stdout.slice(-3000)}\n--- stderr (end)\n${r.stderr.slice(-3000)}`;
}

/** Whether the matrix may run at all here: it starts engines, so it needs root and the scripts. */
export function matrixPossible(name: string): boolean {
  return process.getuid?.() === 0 && existsSync(path.join(PACKAGE_ROOT, 'scripts', `rig-${name}.sh`));
}

export interface LabCheckRun {
  run: CliRun;
  passed: boolean;
  /** The `what` of every failed item. */
  failed: string[];
}

/**
 * `lab <id> --check --json` in a workspace of the test's own: on the starting files (attempt
 * null), or with an attempt from the corpus (labs/attempts/<id>/<attempt>/) applied over them;
 * `extra` writes files on top (an engine's own answers). Progress goes to a state folder beside
 * the workspace, never the user's.
 */
export async function checkLabOn(env: Record<string, string>, id: string, root: string, attempt: string | null, extra: Record<string, string> = {}): Promise<LabCheckRun> {
  const ws = path.join(root, attempt ?? 'start');
  const base = { ...env, XDG_STATE_HOME: path.join(root, 'state') };
  if (attempt) {
    // A first run lays out the starting files; the attempt then goes over them.
    const first = await cli(['lab', id, '--workspace', ws], base);
    if (first.code !== 0) return { run: first, passed: false, failed: ['the starting files were laid out'] };
    const dir = path.join(ws, readdirSync(ws).find((d) => d.endsWith(`-${id}`)) ?? id);
    const a = (await loadAttempts()).find((x) => x.lab === id && x.name === attempt);
    if (!a) throw new Error(`no attempt labs/attempts/${id}/${attempt}`);
    await applyAttempt(a, dir, readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim());
    for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  }
  const run = await cli(['lab', id, '--check', '--json', '--workspace', ws, '--run-id', `${path.basename(root)}-${id}`], base);
  try {
    const out = JSON.parse(run.stdout) as { passed: boolean; items: { ok: boolean; what: string }[] };
    return { run, passed: out.passed, failed: out.items.filter((i) => !i.ok).map((i) => i.what) };
  } catch {
    return { run, passed: false, failed: ['the check printed its JSON'] };
  }
}
