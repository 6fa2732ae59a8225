/** Event sources for the app's tests and the render benchmark: scripted, no engine. */
import type { EventSource } from '../core/event-source.js';
import { MODE_IDS } from '../core/modes.js';
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

/** Events of a run `seconds` long at 10 Hz: no-init gains `rate` zombies a second, the others stay at 0. */
export function syntheticRun(seconds: number, rate = 10, pidsLimit = 256): RunEvent[] {
  const out: RunEvent[] = [];
  const now = Date.now();
  for (const m of MODE_IDS) out.push({ type: 'lane', mode: m, state: { kind: 'running', startedAt: now - seconds * 1000 } });
  out.push({ type: 'pid1', mode: 'no-init', name: 'python3' }, { type: 'pid1', mode: 'dumb-init', name: 'dumb-init' }, { type: 'pid1', mode: 'init', name: 'docker-init' });
  for (let t = 0; t <= seconds * 1000; t += 100) {
    for (const m of MODE_IDS) {
      const zombies = m === 'no-init' ? Math.min(pidsLimit - 2, Math.floor((t / 1000) * rate)) : 0;
      out.push({ type: 'sample', mode: m, sample: { t, zombies, live: 2, pidsUsed: zombies + 2, pidsLimit, forkFailures: 0, costUs: 100 } });
    }
  }
  return out;
}
