/**
 * Judging the fast path against /proc, the ground truth. A /proc scan takes time, so it is
 * only comparable when the fast path's count was the same before and after the scan (the
 * container was quiet meanwhile). Two quiet disagreements in a row mean the cgroup count
 * cannot be trusted here (an unusual cgroup layout, a kernel that charges differently), and
 * the target falls back to /proc as its source.
 */
export type CheckVerdict = 'agreed' | 'busy' | 'differed' | 'fall-back';

export const MISSES_BEFORE_FALLBACK = 2;

export class CrossCheck {
  private misses = 0;

  judge(fastBefore: number, fastAfter: number, procZombies: number): CheckVerdict {
    if (fastBefore !== fastAfter) return 'busy';
    if (fastAfter === procZombies) {
      this.misses = 0;
      return 'agreed';
    }
    this.misses++;
    return this.misses >= MISSES_BEFORE_FALLBACK ? 'fall-back' : 'differed';
  }
}
