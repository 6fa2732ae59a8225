import { afterAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/run-events.js';
import type { SamplerChoice } from '../core/sampler-choice.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from './cleanup.js';
import { runDemo } from './demo/run-demo.js';
import { newRunId } from './run-id.js';

const conn = await dockerForTests();
const runIds: string[] = [];

afterAll(async () => {
  if (!conn) return;
  for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
});

async function demo(sampler: SamplerChoice) {
  const runId = newRunId('sampler-demo');
  runIds.push(runId);
  const stop = new AbortController();
  const guard = setTimeout(() => stop.abort(), 30_000);
  const events: RunEvent[] = [];
  for await (const e of runDemo(
    conn!.docker,
    { runId, modes: ['no-init', 'init'], pidsLimit: 128, memoryMb: 128, stopTimeoutS: 1, zombieRate: 30, sampler },
    { signal: new AbortController().signal, stop: stop.signal },
  )) {
    events.push(e);
    // Both lanes must have sampled before the stop, or a slow sidecar start would be mistaken for a missing one.
    const counts = (m: string) => events.filter((x) => x.type === 'sample' && x.mode === m).length;
    if (e.type === 'sample' && e.mode === 'no-init' && e.sample.zombies >= 15 && counts('init') >= 3 && counts('no-init') >= 3) stop.abort();
  }
  clearTimeout(guard);
  const samples = events.filter((e): e is Extract<RunEvent, { type: 'sample' }> => e.type === 'sample');
  const left = (await listLabContainers(conn!.docker)).filter((c) => c.runId === runId);
  return { events, samples, left };
}

describe.runIf(conn)('a demo run picks its sampler and says which', () => {
  it('auto on a local engine: the cgroup fast path at about 10 Hz, cross-checked by /proc', async () => {
    const r = await demo('auto');
    expect(r.events.filter((e) => e.type === 'source').map((e) => e.type === 'source' && e.source)).toEqual(['cgroup']);
    const noInit = r.samples.filter((e) => e.mode === 'no-init').map((e) => e.sample);
    expect(noInit.every((s) => s.source === 'cgroup')).toBe(true);
    expect(noInit.some((s) => s.procCheck !== undefined)).toBe(true);
    expect(noInit.at(-1)?.rateHz).toBeGreaterThan(5);
    expect(r.events.some((e) => e.type === 'done')).toBe(true);
    expect(r.left).toEqual([]);
  });

  it('forced sidecar (as on a remote engine): same lesson, PID 1 names from inside, no container left', async () => {
    const r = await demo('sidecar');
    const source = r.events.find((e) => e.type === 'source');
    expect(source?.type === 'source' && source.source).toBe('sidecar');
    const pid1 = Object.fromEntries(r.events.filter((e) => e.type === 'pid1').map((e) => [e.mode, e.name]));
    expect(pid1).toEqual({ 'no-init': 'python3', init: 'docker-init' });
    expect(r.samples.every((e) => e.sample.source === 'sidecar')).toBe(true);
    expect(Math.max(...r.samples.filter((e) => e.mode === 'no-init').map((e) => e.sample.zombies))).toBeGreaterThanOrEqual(15);
    expect(Math.max(...r.samples.filter((e) => e.mode === 'init').map((e) => e.sample.zombies))).toBeLessThanOrEqual(2);
    expect(r.events.some((e) => e.type === 'done')).toBe(true);
    expect(r.left).toEqual([]);
  });
});
