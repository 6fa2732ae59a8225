/** An event source for the app's tests: scripted, no engine (test-only, so not in dist/). */
import type { EventSource } from '../core/event-source.js';
import type { RunEvent } from '../core/run-events.js';

/** Yields `events`, then holds the run open until it is stopped or aborted (like a live run). */
export function scriptedSource(events: RunEvent[], onStop: RunEvent[] = []): EventSource {
  return async function* scripted(ctl) {
    yield* events;
    await new Promise<void>((resolve) => {
      if (ctl.signal.aborted || ctl.stop.aborted) return resolve();
      ctl.signal.addEventListener('abort', () => resolve(), { once: true });
      ctl.stop.addEventListener('abort', () => resolve(), { once: true });
    });
    if (!ctl.signal.aborted) yield* onStop;
  };
}
