/**
 * Pacing of the /proc scan: it costs 10-19 µs per process, so at 20,000 processes a scan is
 * hundreds of ms. It runs at most at the tick rate and otherwise as often as a CPU budget
 * (a share of one core) allows, and the rate it reaches is shown, never hidden.
 */

/** Delay from the start of one scan to the start of the next, in ms. */
export function nextScanDelayMs(costMs: number, budget: number, minIntervalMs: number): number {
  if (!(budget > 0)) return Number.POSITIVE_INFINITY;
  return Math.max(minIntervalMs, Math.ceil(costMs / budget));
}

/** A smoothed delivery rate, so one late tick does not make the shown rate jump. */
export class RateMeter {
  private last: number | null = null;
  private intervalMs: number | null = null;

  /** Records a delivery at `now` (ms) and returns the rate in Hz (null until two deliveries). */
  tick(now: number): number | null {
    if (this.last !== null) {
      const dt = Math.max(1, now - this.last);
      this.intervalMs = this.intervalMs === null ? dt : this.intervalMs * 0.7 + dt * 0.3;
    }
    this.last = now;
    return this.rateHz();
  }

  rateHz(): number | null {
    return this.intervalMs === null ? null : Math.round((10_000 / this.intervalMs)) / 10;
  }
}
