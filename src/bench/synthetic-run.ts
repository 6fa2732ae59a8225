/** A made-up run for the render benchmark and the app's tests: no engine, the same events every time. */
import { MODE_IDS } from '../core/modes.js';
import type { RunEvent } from '../core/run-events.js';

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
