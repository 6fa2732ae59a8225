import { afterAll, describe, expect, it } from 'vitest';
import type { ModeId } from '../core/modes.js';
import type { ModeResult, RunEvent } from '../core/run-events.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { removeLabContainers, listLabContainers } from './cleanup.js';
import type { DemoOptions } from './demo/demo-options.js';
import { runDemo } from './demo/run-demo.js';
import { newRunId } from './run-id.js';

const conn = await dockerForTests();
const runIds: string[] = [];

afterAll(async () => {
  if (!conn) return;
  for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
});

/** Runs a demo, stopping it once `until` holds for the events so far (or after maxMs). */
async function demo(opts: Partial<DemoOptions>, until: (events: RunEvent[]) => boolean, maxMs = 30_000) {
  const runId = newRunId('test-demo');
  runIds.push(runId);
  const stop = new AbortController();
  const abort = new AbortController();
  const guard = setTimeout(() => stop.abort(), maxMs);
  const events: RunEvent[] = [];
  const full: DemoOptions = { runId, modes: ['no-init', 'dumb-init', 'init'], pidsLimit: 256, memoryMb: 128, stopTimeoutS: 3, zombieRate: 25, ...opts };
  for await (const e of runDemo(conn!.docker, full, { signal: abort.signal, stop: stop.signal })) {
    events.push(e);
    if (!stop.signal.aborted && until(events)) stop.abort();
  }
  clearTimeout(guard);
  const done = events.find((e): e is Extract<RunEvent, { type: 'done' }> => e.type === 'done');
  const samples = (mode: ModeId) => events.filter((e): e is Extract<RunEvent, { type: 'sample' }> => e.type === 'sample' && e.mode === mode).map((e) => e.sample);
  const result = (mode: ModeId) => done?.results.find((r) => r.mode === mode) as ModeResult;
  return { runId, events, done, samples, result };
}

const zombiesOf = (events: RunEvent[], mode: ModeId) => {
  const last = events.findLast((e) => e.type === 'sample' && e.mode === mode);
  return last?.type === 'sample' ? last.sample.zombies : 0;
};

describe.runIf(conn)('a demo run on the real engine', () => {
  it('no init piles up zombies while dumb-init and --init reap; PID 1 names, stop times and exit codes differ', async () => {
    const r = await demo({}, (ev) => zombiesOf(ev, 'no-init') >= 30);
    expect(r.done, 'the run ends with results').toBeDefined();

    const pid1 = Object.fromEntries(r.events.filter((e) => e.type === 'pid1').map((e) => [e.mode, e.name]));
    expect(pid1).toEqual({ 'no-init': 'python3', 'dumb-init': 'dumb-init', init: 'docker-init' });

    expect(r.result('no-init').zombiesPeak).toBeGreaterThanOrEqual(30);
    for (const mode of ['dumb-init', 'init'] as const) {
      const zs = r.samples(mode).map((s) => s.zombies);
      expect(zs.length).toBeGreaterThan(5);
      // An init reaps within microseconds; a sample may catch one between exit and reap, never a pile.
      // The fast path (pids.current minus listed tasks) also counts a process between exit and
      // reap, or a fork in flight, so a single sample may read 1 or 2. What must hold is no pile:
      // never more than 2, about 0 on average, while no-init has 30 and more.
      expect(Math.max(...zs), `${mode} zombies`).toBeLessThanOrEqual(2);
      expect(zs.reduce((a, b) => a + b, 0) / zs.length, `${mode} mean zombies`).toBeLessThanOrEqual(1);
      expect(r.result(mode).zombiesEnd).toBeLessThanOrEqual(2);
    }

    // The lesson of docker stop: python3 as PID 1 ignores SIGTERM, so the stop takes the whole timeout.
    const noInit = r.result('no-init');
    expect(noInit.exitCode).toBe(137);
    expect(noInit.stopMs).toBeGreaterThanOrEqual(2900);
    for (const mode of ['dumb-init', 'init'] as const) {
      expect(r.result(mode).exitCode).toBe(143);
      expect(r.result(mode).stopMs).toBeLessThan(1500);
    }
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === r.runId)).toEqual([]);
  });

  it('with a small PID limit the no-init run fills it and the kernel refuses forks', async () => {
    const limit = 24;
    const r = await demo({ modes: ['no-init'], pidsLimit: limit, zombieRate: 60, stopTimeoutS: 1 }, (ev) => {
      const last = ev.findLast((e) => e.type === 'sample');
      return last?.type === 'sample' && (last.sample.forkFailures ?? 0) >= 3;
    });
    const res = r.result('no-init');
    expect(res.forkFailures).toBeGreaterThanOrEqual(3);
    // The kernel refused forks at the limit; a sample may land just after one PID came free.
    expect(res.pidsPeak).toBeLessThanOrEqual(limit);
    expect(res.pidsPeak).toBeGreaterThanOrEqual(limit - 2);
    expect(res.pidsLimit).toBe(limit);
    // Nearly every PID is held by a zombie: PID 1 plus a child or two are alive.
    expect(res.zombiesPeak).toBeGreaterThanOrEqual(limit - 4);
  });
});
