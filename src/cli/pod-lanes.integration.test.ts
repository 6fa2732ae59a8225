/**
 * The app's pods lanes on Docker: the live source asked for the pods (the pods slide's `r`) runs
 * the Pod YAML files emulated, and its events plot on the demo's lanes — each pod named, said to
 * be emulated, its zombies (the probe's among them) counted, stopped by `s` with the pod's grace
 * period and exit code — and nothing of the run is left.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { applyEvent, initialState, type AppState } from '../core/app-state.js';
import type { RunEvent } from '../core/run-events.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { liveSource } from './live-source.js';

const conn = await dockerForTests();
const prefix = `h28podlanes-${randomBytes(3).toString('hex')}`;

async function ours(): Promise<string[]> {
  const list = await conn!.docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
  return list.filter((c) => (c.Labels['zombie-lab'] ?? '').includes(prefix)).map((c) => c.Names[0] ?? c.Id);
}

describe.skipIf(!conn)('the app\'s pods lanes on Docker (emulated)', () => {
  it('plot each pod on a lane, say it is emulated, stop on s with the grace period and exit codes, and leave nothing', async () => {
    const live = liveSource(conn!.docker, prefix);
    const signal = new AbortController();
    const stop = new AbortController();
    const events: RunEvent[] = [];
    let s: AppState = initialState({ slideCount: 1, replay: false });
    try {
      for await (const e of live.source({ signal: signal.signal, stop: stop.signal, runOf: 'pods' })) {
        events.push(e);
        s = applyEvent(s, e);
        // The app as PID 1 has a pile, the probe's zombies among it: the presenter presses s.
        if (!stop.signal.aborted && s.lanes['no-init'].zombies >= 15 && (s.lanes['no-init'].probeZombies ?? 0) >= 1) stop.abort();
      }
    } finally {
      signal.abort();
      await live.close();
    }
    expect(events.filter((e) => e.type === 'problem')).toEqual([]);
    expect(stop.signal.aborted).toBe(true);
    const [alone, shared, tini] = (['no-init', 'dumb-init', 'init'] as const).map((m) => s.lanes[m]);
    expect([alone?.pod?.name, shared?.pod?.name, tini?.pod?.name]).toEqual(['app-pid1', 'shared-pid-ns', 'tini']);
    expect([alone?.pid1, shared?.pid1, tini?.pid1]).toEqual(['python3', 'catatonit', 'tini']);
    expect(alone?.pod?.emulated).toBe(true);
    expect(alone?.series.length).toBeGreaterThan(5);
    expect(alone?.peak).toBeGreaterThanOrEqual(15);
    // The stop counted down from the pod's own grace period (5 s), then its exit code.
    expect(events).toContainEqual(expect.objectContaining({ type: 'lane', mode: 'no-init', state: expect.objectContaining({ kind: 'stopping', timeoutS: 5 }) }));
    expect(alone?.state).toMatchObject({ kind: 'stopped', exitCode: 137 });
    for (const l of [shared, tini]) {
      expect(l?.peak, l?.pod?.name).toBeLessThanOrEqual(2);
      expect(l?.state, l?.pod?.name).toMatchObject({ kind: 'stopped', exitCode: 143 });
    }
    expect(await ours()).toEqual([]);
  }, 240_000);
});
