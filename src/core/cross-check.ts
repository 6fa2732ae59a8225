/**
 * Judging the fast path against /proc, the ground truth. A /proc scan takes time, so it is
 * only comparable when the fast path's count was the same before and after the scan (the
 * container was quiet meanwhile). Even then a scan can catch a child between its exit and its
 * parent's wait (fork.py reaps its own child at once): a zombie for a moment, which the fast
 * path's two reads of pids.current leave out. That is the difference of one scan, never the
 * same one scan after scan. A cgroup count that cannot be trusted here (an unusual cgroup layout,
 * a kernel that charges differently) is off by the same amount every time: three quiet
 * disagreements in a row by the same difference, and the target falls back to /proc.
 * (With two of any difference, one app run in three fell back on a loaded 2-core host, and the
 * app's sampler line then said "this host's /proc" on one run and "pids cgroup" on the next.)
 */
export type CheckVerdict = 'agreed' | 'busy' | 'differed' | 'fall-back';

export const MISSES_BEFORE_FALLBACK = 3;

/** The disagreement behind a fall-back, so the lab can say why it fell back. */
export interface Disagreement {
  fast: number;
  proc: number;
  times: number;
}

export class CrossCheck {
  private misses = 0;
  private difference = 0;
  private last: Disagreement | null = null;

  judge(fastBefore: number, fastAfter: number, procZombies: number): CheckVerdict {
    if (fastBefore !== fastAfter) return 'busy';
    if (fastAfter === procZombies) {
      this.misses = 0;
      return 'agreed';
    }
    const difference = procZombies - fastAfter;
    this.misses = difference === this.difference ? this.misses + 1 : 1;
    this.difference = difference;
    this.last = { fast: fastAfter, proc: procZombies, times: this.misses };
    return this.misses >= MISSES_BEFORE_FALLBACK ? 'fall-back' : 'differed';
  }

  /** The last quiet disagreement: after a fall-back, the one that made it. */
  get disagreement(): Disagreement | null {
    return this.last;
  }
}
