import { describe, expect, it } from 'vitest';
import { defaultRecordingName, parseRecording, shiftEvent } from './recording.js';

const good = {
  format: 'zombie-lab-recording',
  version: 1,
  recordedAt: '2026-11-29T01:00:00.000Z',
  startedAtMs: 1000,
  engine: 'unix:///var/run/docker.sock (Docker 26)',
  options: { pidsLimit: 256 },
  events: [
    { at: 0, event: { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 1000 } } },
    { at: 100, event: { type: 'sample', mode: 'no-init', sample: { t: 100, zombies: 1, live: 2, pidsUsed: 3, pidsLimit: 256, forkFailures: 0, costUs: 50 } } },
  ],
};

describe('parseRecording', () => {
  it('accepts a valid recording', () => {
    const rec = parseRecording(JSON.stringify(good), 'r.json');
    expect(rec.events).toHaveLength(2);
    expect(rec.events[1]?.event.type).toBe('sample');
  });
  it('names the file and the path of the first problem', () => {
    const bad = structuredClone(good);
    (bad.events[1]!.event as { mode: string }).mode = 'tini';
    expect(() => parseRecording(JSON.stringify(bad), 'r.json')).toThrow(/^r\.json: not a valid recording at events\.1\.event\.mode/);
  });
  it('rejects other JSON and non-JSON with a fix', () => {
    expect(() => parseRecording('{"format":"x"}', 'a.json')).toThrow(/a\.json: not a valid recording at format.*zombie-lab record/);
    expect(() => parseRecording('nope', 'b.json')).toThrow(/b\.json: not JSON/);
  });
  it('rejects an empty event list', () => {
    expect(() => parseRecording(JSON.stringify({ ...good, events: [] }), 'c.json')).toThrow(/events/);
  });
});

describe('parseRecording: the pods run (version 2)', () => {
  const podsRun = {
    startedAtMs: 50_000,
    options: { pidsLimit: 256 },
    events: [
      { at: 0, event: { type: 'pod', mode: 'no-init', pod: 'app-pid1', file: 'images/pods/01-app-pid1.yaml', emulated: true } },
      { at: 5, event: { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 50_005 } } },
      { at: 900, event: { type: 'sample', mode: 'no-init', sample: { t: 900, zombies: 9, live: 0, pidsUsed: null, pidsLimit: 256, forkFailures: null, costUs: 0, probeZombies: 1 } } },
    ],
  };
  const withPods = { ...good, version: 2, pods: podsRun };

  it('a version 1 recording (made before pods were recorded) still loads, with no pods run', () => {
    const rec = parseRecording(JSON.stringify(good), 'old.json');
    expect(rec.version).toBe(1);
    expect(rec.pods).toBeUndefined();
  });
  it('loads the pods run with its own start, and keeps the probe’s share of a pod’s zombies', () => {
    const rec = parseRecording(JSON.stringify(withPods), 'p.json');
    expect(rec.pods?.startedAtMs).toBe(50_000);
    expect(rec.pods?.events[0]?.event).toMatchObject({ type: 'pod', pod: 'app-pid1', emulated: true });
    expect(rec.pods?.events[2]?.event).toMatchObject({ type: 'sample', sample: { zombies: 9, probeZombies: 1 } });
  });
  it('names the file and the field of a bad pods event', () => {
    const bad = structuredClone(withPods);
    (bad.pods.events[0]!.event as { emulated: unknown }).emulated = 'yes';
    expect(() => parseRecording(JSON.stringify(bad), 'p.json')).toThrow(/^p\.json: not a valid recording at pods\.events\.0\.event\.emulated/);
    expect(() => parseRecording(JSON.stringify({ ...withPods, pods: { ...podsRun, events: [] } }), 'e.json')).toThrow(/^e\.json: not a valid recording at pods\.events/);
  });
  it('the version says whether pods are there: pods in a version 1 file, or a version 2 file without them, are refused at version', () => {
    expect(() => parseRecording(JSON.stringify({ ...good, pods: podsRun }), 'v1.json')).toThrow(/^v1\.json: not a valid recording at version: a recording with pods is version 2/);
    expect(() => parseRecording(JSON.stringify({ ...good, version: 2 }), 'v2.json')).toThrow(/^v2\.json: not a valid recording at version/);
    expect(() => parseRecording(JSON.stringify({ ...withPods, version: 3 }), 'v3.json')).toThrow(/^v3\.json: not a valid recording at version/);
  });
});

describe('shiftEvent', () => {
  it('moves wall-clock fields of running and stopping lanes and nothing else', () => {
    expect(shiftEvent({ type: 'lane', mode: 'init', state: { kind: 'running', startedAt: 5 } }, 10)).toEqual({ type: 'lane', mode: 'init', state: { kind: 'running', startedAt: 15 } });
    expect(shiftEvent({ type: 'lane', mode: 'init', state: { kind: 'stopping', since: 1, deadline: 2, timeoutS: 10 } }, 10)).toEqual({
      type: 'lane',
      mode: 'init',
      state: { kind: 'stopping', since: 11, deadline: 12, timeoutS: 10 },
    });
    const stopped = { type: 'lane' as const, mode: 'init' as const, state: { kind: 'stopped' as const, stopMs: 100, exitCode: 143 } };
    expect(shiftEvent(stopped, 10)).toEqual(stopped);
  });
});

describe('defaultRecordingName', () => {
  it('names the day and the engine’s major.minor, so the newest sorts last', () => {
    const t0 = Date.UTC(2026, 10, 29, 4, 50);
    expect(defaultRecordingName(t0, '20.10.24+dfsg1')).toBe('2026-11-29-docker-20.10.json');
    expect(defaultRecordingName(t0, 'weird')).toBe('2026-11-29-docker-unknown.json');
    expect(defaultRecordingName(Date.UTC(2026, 11, 1), '27.3.1') > defaultRecordingName(t0, '27.3.1')).toBe(true);
  });
});
