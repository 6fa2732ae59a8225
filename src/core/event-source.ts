import type { RunEvent } from './run-events.js';

/** What a run runs: the demo's three modes, or the pods of images/pods/ on the same lanes (`::: lanes pods`). */
export type RunOf = 'demo' | 'pods';

/**
 * Control of one demo run. `stop` asks for a graceful `docker stop` (the lesson's timed stop);
 * `signal` aborts everything at once (quit, restart).
 */
export interface RunControl {
  signal: AbortSignal;
  stop: AbortSignal;
  /** Absent: the demo. A source that runs no pods (a recording) plays what it has. */
  runOf?: RunOf;
}

/** Where a run's events come from: the live engine or a recording. Injected into the app. */
export type EventSource = (ctl: RunControl) => AsyncIterable<RunEvent>;
