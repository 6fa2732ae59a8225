import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Recording } from '../core/recording.js';
import type { RunEvent } from '../core/run-events.js';
import { PACKAGE_ROOT } from './package-paths.js';
import { loadRecording, newestRecording, replaySource } from './replay-source.js';

const rec: Recording = {
  format: 'zombie-lab-recording',
  version: 1,
  recordedAt: '2026-11-29T01:00:00.000Z',
  startedAtMs: 1_000,
  engine: 'test',
  options: {},
  events: [
    { at: 0, event: { type: 'source', source: 'host-proc', detail: 'live words' } },
    { at: 0, event: { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 1_000 } } },
    { at: 10, event: { type: 'sample', mode: 'no-init', sample: { t: 10, zombies: 1, live: 1, pidsUsed: 2, pidsLimit: 8, forkFailures: 0, costUs: 1 } } },
    // A long gap the stop must skip over.
    { at: 60_000, event: { type: 'lane', mode: 'no-init', state: { kind: 'stopping', since: 61_000, deadline: 71_000, timeoutS: 10 } } },
    { at: 60_010, event: { type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 10, exitCode: 137 } } },
    { at: 60_020, event: { type: 'done', results: [] } },
  ],
};

describe('replaySource', () => {
  it('says it is a replay and jumps to the recorded stop when stopped', async () => {
    const signal = new AbortController();
    const stop = new AbortController();
    const seen: RunEvent[] = [];
    const t0 = Date.now();
    for await (const e of replaySource(rec)({ signal: signal.signal, stop: stop.signal })) {
      seen.push(e);
      if (e.type === 'sample') stop.abort();
    }
    expect(seen[0]).toMatchObject({ type: 'source', source: 'replay', detail: expect.stringContaining('not live') });
    // The recorded (live) source line is not passed on.
    expect(seen.filter((e) => e.type === 'source')).toHaveLength(1);
    expect(seen.map((e) => e.type)).toEqual(['source', 'lane', 'sample', 'lane', 'lane', 'done']);
    // The stopping lane's deadline moved to about now + 10 s (it was 10 s after its recorded stop).
    const stopping = seen[3];
    if (stopping?.type !== 'lane' || stopping.state.kind !== 'stopping') throw new Error('expected stopping');
    expect(stopping.state.deadline - Date.now()).toBeGreaterThan(9_000);
    expect(stopping.state.deadline - t0).toBeLessThan(11_000);
  });
  it('ends at once when aborted', async () => {
    const signal = new AbortController();
    const seen: RunEvent[] = [];
    for await (const e of replaySource(rec)({ signal: signal.signal, stop: new AbortController().signal })) {
      seen.push(e);
      if (e.type === 'sample') signal.abort();
    }
    expect(seen.at(-1)?.type).toBe('sample');
  });
  it('asked for the pods (the pods slide), plays no demo as pods: one problem saying they run live only', async () => {
    const seen: RunEvent[] = [];
    for await (const e of replaySource(rec)({ signal: new AbortController().signal, stop: new AbortController().signal, runOf: 'pods' })) seen.push(e);
    expect(seen).toEqual([{ type: 'problem', problem: expect.objectContaining({ key: { id: 'pods-need-engine' } }) }]);
  });
});

describe('replaySource: a recording with a pods run (record --pods)', () => {
  const withPods: Recording = {
    ...rec,
    version: 2,
    pods: {
      startedAtMs: 500_000,
      options: {},
      events: [
        { at: 0, event: { type: 'pod', mode: 'no-init', pod: 'app-pid1', file: 'images/pods/01-app-pid1.yaml', emulated: false } },
        { at: 0, event: { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 500_000 } } },
        { at: 10, event: { type: 'sample', mode: 'no-init', sample: { t: 10, zombies: 3, live: 0, pidsUsed: null, pidsLimit: 256, forkFailures: null, costUs: 0, probeZombies: 1 } } },
        { at: 20, event: { type: 'lane', mode: 'no-init', state: { kind: 'stopping', since: 500_020, deadline: 505_020, timeoutS: 5 } } },
        { at: 30, event: { type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 5000, exitCode: 137 } } },
      ],
    },
  };
  const play = async (runOf?: 'pods' | 'demo'): Promise<RunEvent[]> => {
    const seen: RunEvent[] = [];
    // Stopped from the start: the demo's recorded minute plays at once up to its stop.
    const stop = new AbortController();
    stop.abort();
    for await (const e of replaySource(withPods)({ signal: new AbortController().signal, stop: stop.signal, ...(runOf ? { runOf } : {}) })) seen.push(e);
    return seen;
  };

  it('the pods slide plays the recorded pods run, said to be a replay, its lane times moved to now', async () => {
    const t0 = Date.now();
    const seen = await play('pods');
    expect(seen.map((e) => e.type)).toEqual(['source', 'pod', 'lane', 'sample', 'lane', 'lane']);
    expect(seen[0]).toMatchObject({ type: 'source', source: 'replay' });
    expect(seen[1]).toMatchObject({ type: 'pod', pod: 'app-pid1' });
    expect(seen[3]).toMatchObject({ type: 'sample', sample: { probeZombies: 1 } });
    // Shifted by the pods run's own start, not the demo's.
    const running = seen[2];
    if (running?.type !== 'lane' || running.state.kind !== 'running') throw new Error('expected running');
    expect(Math.abs(running.state.startedAt - t0)).toBeLessThan(1_000);
  });
  it('the demo slide of the same recording plays the demo, never the pods', async () => {
    const seen = await play();
    expect(seen.some((e) => e.type === 'pod')).toBe(false);
    expect(seen.at(-1)?.type).toBe('done');
  });
});

describe('the committed recordings', () => {
  it('the newest one loads and validates, and has all three modes', async () => {
    const file = newestRecording(path.join(PACKAGE_ROOT, 'recordings'));
    if (!file || !existsSync(file)) throw new Error('no recording committed under recordings/');
    const r = await loadRecording(file);
    const modes = new Set(r.events.flatMap((e) => (e.event.type === 'sample' ? [e.event.mode] : [])));
    expect([...modes].sort()).toEqual(['dumb-init', 'init', 'no-init']);
  });
});
