import { describe, expect, it } from 'vitest';
import { applyEvent, emptySummary, resultsOf, resultsSoFar } from './run-summary.js';
import type { Sample } from './sample.js';

const sample = (t: number, zombies: number, pidsUsed: number | null, forkFailures: number | null = 0): Sample => ({
  t,
  zombies,
  live: 2,
  pidsUsed,
  pidsLimit: 64,
  forkFailures,
  costUs: 100,
});

describe('run summary', () => {
  it('tracks end and peak zombies, PIDs and refused forks per mode', () => {
    const s = emptySummary(['no-init', 'init']);
    applyEvent(s, { type: 'pid1', mode: 'no-init', name: 'python3' });
    applyEvent(s, { type: 'sample', mode: 'no-init', sample: sample(100, 5, 8) });
    applyEvent(s, { type: 'sample', mode: 'no-init', sample: sample(200, 9, 12, 3) });
    applyEvent(s, { type: 'sample', mode: 'no-init', sample: sample(300, 0, 2, 3) });
    applyEvent(s, { type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 10_020, exitCode: 137 } });
    const [r] = resultsOf(s);
    expect(r).toMatchObject({ mode: 'no-init', pid1: 'python3', zombiesEnd: 0, zombiesPeak: 9, pidsPeak: 12, pidsUsedEnd: 2, forkFailures: 3, stopMs: 10_020, exitCode: 137, pidsLimit: 64 });
    expect(s.series['no-init']?.map((p) => p.zombies)).toEqual([5, 9, 0]);
    expect(s.results.init?.zombiesPeak).toBe(0);
  });

  it("takes the kernel's PID peak when the sample carries one: a fill between two samples still counts", () => {
    const s = emptySummary(['no-init']);
    applyEvent(s, { type: 'sample', mode: 'no-init', sample: { ...sample(100, 22, 23, 4), pidsPeak: 24 } });
    expect(resultsOf(s)[0]?.pidsPeak).toBe(24);
  });

  it('ignores events for modes that are not in the run', () => {
    const s = emptySummary(['init']);
    applyEvent(s, { type: 'sample', mode: 'no-init', sample: sample(1, 50, 1) });
    expect(resultsOf(s).map((r) => r.mode)).toEqual(['init']);
    expect(s.series['no-init']).toBeUndefined();
  });
});

describe('results so far', () => {
  it("the app's lanes fold with the same reducer: mid-run results carry the PID peak; 'done' gives the final ones", async () => {
    const { initialState, reduce } = await import('./app-state.js');
    let s = initialState({ slideCount: 1, replay: false });
    s = reduce(s, { type: 'event', event: { type: 'pid1', mode: 'no-init', name: 'python3' } });
    s = reduce(s, { type: 'event', event: { type: 'sample', mode: 'no-init', sample: { ...sample(100, 7, 20, 1), pidsPeak: 24 } } });
    s = reduce(s, { type: 'event', event: { type: 'sample', mode: 'no-init', sample: sample(200, 3, 9, 2) } });
    const summary = emptySummary();
    for (const e of [
      { type: 'pid1', mode: 'no-init', name: 'python3' },
      { type: 'sample', mode: 'no-init', sample: { ...sample(100, 7, 20, 1), pidsPeak: 24 } },
      { type: 'sample', mode: 'no-init', sample: sample(200, 3, 9, 2) },
    ] as const) applyEvent(summary, e);
    const soFar = resultsSoFar(s.results, s.lanes);
    expect(soFar).toEqual(resultsOf(summary));
    expect(soFar[0]).toMatchObject({ mode: 'no-init', pid1: 'python3', zombiesEnd: 3, zombiesPeak: 7, pidsPeak: 24, pidsUsedEnd: 9, forkFailures: 2 });
    const final = [{ ...soFar[0]!, stopMs: 5 }];
    expect(resultsSoFar(final, s.lanes)).toBe(final);
  });
});
