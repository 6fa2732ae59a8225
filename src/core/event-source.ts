import type { RunEvent } from './run-events.js';

/**
 * Control of one demo run. `stop` asks for a graceful `docker stop` (the lesson's timed stop);
 * `signal` aborts everything at once (quit, restart).
 */
export interface RunControl {
  signal: AbortSignal;
  stop: AbortSignal;
}

/** Where a run's events come from: the live engine or a recording. Injected into the app. */
export type EventSource = (ctl: RunControl) => AsyncIterable<RunEvent>;
