/**
 * Runs demo event sources on behalf of the app, outside React so signal handlers can reach it.
 * Events are batched and handed over at 10 Hz: one redraw per tick however many lanes report.
 * Every run's cleanup is tracked so quitting waits until the containers are gone.
 */
import type { EventSource, RunOf } from '../core/event-source.js';
import { problemCarriedBy, problemOf } from '../core/problem-text.js';
import type { Problem, RunEvent } from '../core/run-events.js';
import { settleWithin } from '../engine/timeout.js';

export type RunnerListener = (msg: { type: 'events'; events: RunEvent[] } | { type: 'run-ended' }) => void;

export const NO_SOURCE_PROBLEM: Problem = problemOf({ id: 'no-source' });

function toProblem(err: unknown): Problem {
  return problemCarriedBy(err) ?? problemOf({ id: 'unexpected', detail: err instanceof Error ? err.message : String(err) });
}

export class DemoRunner {
  private listener: RunnerListener | null = null;
  private buffer: RunEvent[] = [];
  private timer: ReturnType<typeof setInterval> | null = null;
  private current: { abort: AbortController; stop: AbortController } | null = null;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    /** A promise while the app is still finding out whether an engine answers. */
    private readonly source: EventSource | null | Promise<EventSource | null>,
    private readonly flushMs = 100,
  ) {}

  subscribe(listener: RunnerListener | null): void {
    this.listener = listener;
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Start a run (the demo, or the pods); a run already going is aborted (containers force-removed) first. */
  start(runOf: RunOf = 'demo'): void {
    this.current?.abort.abort();
    this.buffer = [];
    const abort = new AbortController();
    const stop = new AbortController();
    const run = { abort, stop };
    this.current = run;
    this.ensureTimer();
    const p = this.consume(abort, stop, runOf).finally(() => {
      this.pending.delete(p);
      if (this.current === run) this.current = null;
      if (!abort.signal.aborted || this.current === null) {
        this.flush();
        this.listener?.({ type: 'run-ended' });
      }
      if (this.pending.size === 0) this.clearTimer();
    });
    this.pending.add(p);
  }

  /** Ask for the graceful, timed `docker stop` of the current run. */
  stop(): void {
    this.current?.stop.abort();
  }

  /** Abort everything and wait (up to `timeoutMs`) for the runs to clean up. */
  async shutdown(timeoutMs = 20_000): Promise<void> {
    this.current?.abort.abort();
    this.current = null;
    if (this.pending.size > 0) {
      await settleWithin(Promise.allSettled([...this.pending]), timeoutMs, undefined);
    }
    this.clearTimer();
    this.listener = null;
  }

  private async consume(abort: AbortController, stop: AbortController, runOf: RunOf): Promise<void> {
    const source = await this.source;
    if (abort.signal.aborted) return;
    if (!source) {
      this.buffer.push({ type: 'problem', problem: NO_SOURCE_PROBLEM });
      return;
    }
    try {
      for await (const e of source({ signal: abort.signal, stop: stop.signal, runOf })) {
        // Events of a run that was replaced must not paint over the new run's lanes.
        if (abort.signal.aborted) continue;
        this.buffer.push(e);
      }
    } catch (err) {
      if (!abort.signal.aborted) this.buffer.push({ type: 'problem', problem: toProblem(err) });
    }
  }

  private ensureTimer(): void {
    if (!this.timer) this.timer = setInterval(() => this.flush(), this.flushMs);
  }

  private clearTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    const events = this.buffer;
    this.buffer = [];
    this.listener?.({ type: 'events', events });
  }
}
