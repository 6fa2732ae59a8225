import { describe, expect, it } from 'vitest';
import { NOT_REAPED_AFTER_MS, NOTHING_TO_JUDGE_AFTER_MS, REAP_READ_EVERY_MS, ZombieTracker } from './reaping.js';
import type { ProcInfo } from './snapshot.js';

const live = (pid: number, ppid: number, comm = 'app'): ProcInfo => ({ pid, ppid, comm, state: 'S' });
const z = (pid: number, ppid = 1, startTicks = pid * 10): ProcInfo => ({ pid, ppid, comm: 'python3', state: 'Z', startTicks });

/** Feeds reads every REAP_READ_EVERY_MS until the tracker is done; `at(t)` gives the processes at t. */
function follow(at: (t: number) => ProcInfo[], limitMs = 20_000): { t: number; tracker: ZombieTracker } {
  const tracker = new ZombieTracker();
  let t = 0;
  for (; t <= limitMs; t += REAP_READ_EVERY_MS) {
    tracker.observe(t, at(t), 100_000 + t / 10);
    if (t > 0 && tracker.done()) break;
  }
  return { t, tracker };
}

describe('ZombieTracker', () => {
  it('a parent that reaps every 5 s (runsvdir) reaps; judged once the first zombies go', () => {
    // A zombie a second; every 5 s the parent reaps them all.
    const at = (t: number) => [live(1, 0, 'runsvdir'), ...Array.from({ length: Math.floor((t % 5000) / 1000) }, (_, i) => z(100 + Math.floor(t / 5000) * 10 + i))];
    const { t, tracker } = follow((x) => at(x + 1500));
    const r = tracker.result();
    expect(r.parents[0]).toMatchObject({ pid: 1, isPid1: true, verdict: 'reaps' });
    expect(r.parents[0]!.longestSeenMs).toBeLessThan(NOT_REAPED_AFTER_MS);
    expect(t).toBeLessThanOrEqual(5000);
  });

  it('one that never reaps is judged after NOT_REAPED_AFTER_MS, whatever the reads', () => {
    const at = (t: number) => [live(1, 0), ...Array.from({ length: 3 + Math.floor(t / 1000) }, (_, i) => z(100 + i))];
    const { t, tracker } = follow(at);
    expect(tracker.result().parents[0]).toMatchObject({ isPid1: true, verdict: 'does-not-reap' });
    expect(t).toBeGreaterThanOrEqual(NOT_REAPED_AFTER_MS);
    expect(t).toBeLessThan(NOT_REAPED_AFTER_MS + 2 * REAP_READ_EVERY_MS);
  });

  it('a zombie in flight under a fast reaper is no pile, whenever the reads fall', () => {
    for (const phase of [0, 100, 200]) {
      // Each 300 ms a child exits and lives 150 ms as a zombie.
      const at = (t: number) => [live(1, 0, 'catatonit'), ...((t + phase) % 300 < 150 ? [z(200 + Math.floor((t + phase) / 300))] : [])];
      const { tracker } = follow(at);
      expect(tracker.result().parents.every((p) => p.verdict !== 'does-not-reap'), `phase ${phase}`).toBe(true);
    }
  });

  it('no zombies: done after a second, with nothing to judge', () => {
    const { t, tracker } = follow(() => [live(1, 0)]);
    expect(t).toBe(Math.ceil(NOTHING_TO_JUDGE_AFTER_MS / REAP_READ_EVERY_MS) * REAP_READ_EVERY_MS);
    expect(tracker.result().parents).toEqual([]);
  });

  it('a PID reused by a new zombie is a new zombie (start time is part of the identity)', () => {
    const tracker = new ZombieTracker();
    tracker.observe(0, [live(1, 0), z(50, 1, 1000)]);
    tracker.observe(4000, [live(1, 0), z(50, 1, 5000)]);
    tracker.observe(7000, [live(1, 0), z(50, 1, 5000)]);
    const p = tracker.result().parents[0]!;
    expect(p).toMatchObject({ seen: 2, gone: 1, verdict: 'reaps' });
    expect(p.longestSeenMs).toBe(3000);
  });

  it('tells a live parent that never waits apart from PID 1, and gives the oldest age', () => {
    const tracker = new ZombieTracker();
    const procs = [live(1, 0, 'tini'), live(7, 1, 'python3'), z(20, 7, 100_000 - 4200)];
    tracker.observe(0, procs, 100_000);
    tracker.observe(NOT_REAPED_AFTER_MS, procs, 100_000 + NOT_REAPED_AFTER_MS / 10);
    const r = tracker.result();
    expect(r.parents).toEqual([{ pid: 7, comm: 'python3', isPid1: false, verdict: 'does-not-reap', seen: 1, gone: 0, longestSeenMs: NOT_REAPED_AFTER_MS }]);
    expect(r.oldestAgeS).toBeCloseTo(42 + NOT_REAPED_AFTER_MS / 1000, 1);
  });
});
