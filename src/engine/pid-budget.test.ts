/**
 * The PID budget between processes: four lab processes reserving 8192 PIDs each at the same
 * moment, on a host whose pid_max is 32768 (budget: 24576 after the margin), against one fake
 * engine. Each takes 300 ms to "create" its container after the check: a reservation that
 * only one process knew about let all four through. The processes run this source, bundled.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'rolldown';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_PIDS_LIMIT } from '../core/labels.js';
import { pidMargin } from '../core/pid-budget.js';
import { PACKAGE_ROOT } from './package-paths.js';
import { acquireHostLock, HostLockBusy } from './host-lock.js';
import { DEFAULT_PID_MAX, reservePids } from './pid-budget.js';
import type { BudgetEngine } from './engine-api.js';
import { LABEL_RUN } from '../core/labels.js';

let work = '';
let contender = '';
const children: ChildProcess[] = [];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'zombie-lab-test-budget-'));
  contender = path.join(work, 'contender.mjs');
  await build({
    cwd: PACKAGE_ROOT,
    input: 'src/test-support/budget-contender.ts',
    platform: 'node',
    logLevel: 'warn',
    output: { file: contender, format: 'esm' },
  });
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await rm(work, { recursive: true, force: true });
});

/** Starts a contender; resolves with its first line of output, and its exit. */
function start(args: string[]): { child: ChildProcess; firstLine: Promise<string>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [contender, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`contender exited ${code} before a line: ${err.slice(-500)}`)));
  });
  child.stderr.on('data', (d) => (err += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, firstLine, exited };
}

describe('the PID budget between lab processes', () => {
  it('lets exactly as many of four simultaneous 8192-PID runs through as fit, never more', { timeout: 60_000 }, async () => {
    const engine = await mkdtemp(path.join(work, 'engine-'));
    const limit = 8192;
    const budget = DEFAULT_PID_MAX - pidMargin(DEFAULT_PID_MAX);
    const runs = [0, 1, 2, 3].map(() => start(['reserve', engine, String(limit), '300']));
    // All four are waiting for the start file before it appears.
    await writeFile(path.join(engine, 'go'), '');
    const said = (await Promise.all(runs.map((r) => r.firstLine))).map((l) => JSON.parse(l) as { ok: boolean; message?: string });
    await Promise.all(runs.map((r) => r.exited));

    const made = (await readdir(engine)).filter((f) => f.startsWith('c-'));
    let sum = 0;
    for (const f of made) sum += Number((JSON.parse(await readFile(path.join(engine, f), 'utf8')) as Record<string, string>)[LABEL_PIDS_LIMIT]);
    expect(sum).toBeLessThanOrEqual(budget);
    expect(said.filter((s) => s.ok)).toHaveLength(budget / limit);
    expect(made).toHaveLength(budget / limit);
    const refused = said.filter((s) => !s.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.message).toBe(
      'not enough PIDs left on this host: 24576 are reserved by 3 lab runs, and 8192 more would leave 0 of pid_max 32768 free (the lab keeps 8192 free)',
    );
  });

  it('is released by the kernel when its holder is killed, and a waiter meanwhile is told who holds it', { timeout: 30_000 }, async () => {
    const holder = start(['hold']);
    const { held } = JSON.parse(await holder.firstLine) as { held: number };
    expect(held).toBe(holder.child.pid);
    const busy = await acquireHostLock('pid-budget', { waitMs: 300 }).then(
      (l) => {
        l.release();
        return null;
      },
      (err: unknown) => err,
    );
    expect(busy).toBeInstanceOf(HostLockBusy);
    expect((busy as HostLockBusy).holderPid).toBe(held);

    holder.child.kill('SIGKILL');
    await holder.exited;
    // No cleanup ran in the holder: only the kernel can have let go of it.
    const lock = await acquireHostLock('pid-budget', { waitMs: 5000 });
    lock.release();
  });

  it('holds within one process too: four reservations at once, each created 50 ms after its check', async () => {
    const made: Record<string, string>[] = [];
    const engine: BudgetEngine = {
      info: () => Promise.resolve({ KernelVersion: 'fake', Name: 'fake-engine' }),
      version: () => Promise.resolve({ Version: 'fake' }),
      listContainers: () => Promise.resolve(made.map((Labels, i) => ({ Id: String(i), State: 'created', Labels }))),
      // Every container here carries its limit in a label: the engine is never asked for one.
      getContainer: () => ({ inspect: () => Promise.reject(new Error('not asked')) }),
    };
    const said = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        try {
          const r = await reservePids(engine, 8192);
          await new Promise((resolve) => setTimeout(resolve, 50));
          made.push({ [LABEL_RUN]: `in-process-${i}`, [LABEL_PIDS_LIMIT]: '8192' });
          r.release();
          return 'ok';
        } catch {
          return 'refused';
        }
      }),
    );
    expect(said.filter((s) => s === 'ok')).toHaveLength(3);
    expect(made).toHaveLength(3);
  });

  it('gives up waiting when the signal aborts', async () => {
    const first = await acquireHostLock('pid-budget-abort-test');
    const ctl = new AbortController();
    const second = acquireHostLock('pid-budget-abort-test', { signal: ctl.signal });
    ctl.abort(new Error('stopped by the user'));
    await expect(second).rejects.toThrow('stopped by the user');
    first.release();
    (await acquireHostLock('pid-budget-abort-test', { waitMs: 1000 })).release();
  });
});
