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

describe('the committed recordings', () => {
  it('the newest one loads and validates, and has all three modes', async () => {
    const file = newestRecording(path.join(PACKAGE_ROOT, 'recordings'));
    if (!file || !existsSync(file)) throw new Error('no recording committed under recordings/');
    const r = await loadRecording(file);
    const modes = new Set(r.events.flatMap((e) => (e.event.type === 'sample' ? [e.event.mode] : [])));
    expect([...modes].sort()).toEqual(['dumb-init', 'init', 'no-init']);
  });
});
