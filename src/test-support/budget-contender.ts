/**
 * One lab process of the cross-process PID-budget test (engine/pid-budget.test.ts), bundled and
 * run by it: against a fake engine whose containers are files in a shared folder, it waits for
 * the start file, reserves its PIDs, takes its time "creating" (the window a per-process
 * reservation left open), and prints one JSON line with what happened. `hold` takes the host
 * lock and keeps it until killed.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { LABEL_PIDS_LIMIT, LABEL_RUN } from '../core/labels.js';
import { acquireHostLock } from '../engine/host-lock.js';
import { reservePids } from '../engine/pid-budget.js';

const [mode = '', dir = '', limitArg = '0', createMsArg = '0'] = process.argv.slice(2);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The engine: a container is a file c-<pid>.json holding its labels, listed as just created. */
const engine = {
  info: () => Promise.resolve({ KernelVersion: 'fake', Name: 'fake-engine' }),
  listContainers: () =>
    Promise.resolve(
      readdirSync(dir)
        .filter((f) => f.startsWith('c-'))
        .map((f) => ({ Id: f, State: 'created', Labels: JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Record<string, string> })),
    ),
} as unknown as Docker;

if (mode === 'hold') {
  await acquireHostLock('pid-budget');
  console.log(JSON.stringify({ held: process.pid }));
  setInterval(() => undefined, 60_000);
} else {
  const limit = Number(limitArg);
  for (const deadline = Date.now() + 20_000; !existsSync(path.join(dir, 'go')); ) {
    if (Date.now() > deadline) throw new Error('no start file');
    await pause(2);
  }
  try {
    const budget = await reservePids(engine, limit);
    await pause(Number(createMsArg));
    writeFileSync(path.join(dir, `c-${process.pid}.json`), JSON.stringify({ [LABEL_RUN]: `budget-${process.pid}`, [LABEL_PIDS_LIMIT]: String(limit) }));
    budget.release();
    console.log(JSON.stringify({ ok: true }));
  } catch (err) {
    console.log(JSON.stringify({ ok: false, message: (err as Error).message }));
  }
}
