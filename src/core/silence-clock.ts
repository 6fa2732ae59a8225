/**
 * How long an engine has been silent, judged on the lab's own clock: time in which the lab itself
 * could not run (a starved machine, a VM paused by its host) does not count against the engine.
 * A ping unanswered for 1 s means a hung engine only if the lab was awake for that second; when
 * the lab's own timer fires late, the whole machine stalled, and the engine's silence is no news.
 */

/** The silence one tick adds: what really passed, but never more than two ticks' worth. */
export function silenceCredit(elapsedMs: number, tickMs: number): number {
  return Math.max(0, Math.min(elapsedMs, 2 * tickMs));
}

/** Adds up ticks' silence; `done` once the credited silence reaches `limitMs`. */
export class SilenceClock {
  private credited = 0;
  constructor(
    private readonly limitMs: number,
    private readonly tickMs: number,
  ) {}

  /** Records a tick `elapsedMs` after the previous one; true once the engine has been silent long enough. */
  tick(elapsedMs: number): boolean {
    this.credited += silenceCredit(elapsedMs, this.tickMs);
    return this.done;
  }

  get done(): boolean {
    return this.credited >= this.limitMs;
  }

  get silentMs(): number {
    return this.credited;
  }
}
