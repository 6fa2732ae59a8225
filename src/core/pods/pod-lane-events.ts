/**
 * A pods run on the app's lanes: each PodEvent becomes the RunEvents the demo's lanes already
 * fold (app-state.ts, run-summary.ts), so a pod's lane is a demo lane with the pod's name on it —
 * one state, one fold, one view. Pure but for the clock it is given.
 */
import { MODE_IDS, type ModeId } from '../modes.js';
import type { RunEvent } from '../run-events.js';
import type { PodEvent } from './pod-run.js';

export interface PodLaneEventsOptions {
  /** Docker: the pods are emulated with a pause container, and each lane says so. */
  emulated: boolean;
  /** Epoch ms now: lane states carry wall-clock times (the countdown of a stop is drawn from them). */
  now?: () => number;
}

/**
 * A mapper for one pods run. The pods take the lane slots in the order they start (the files'
 * order, images/pods/01-…); a pod beyond the lanes there are is left out rather than drawn over
 * another. The stop's countdown is the pod's own terminationGracePeriodSeconds.
 */
export function podLaneEvents(o: PodLaneEventsOptions): (e: PodEvent) => RunEvent[] {
  const now = o.now ?? Date.now;
  const slots = new Map<string, ModeId>();
  const limits = new Map<string, number>();
  return (e) => {
    if (e.type === 'note') return [];
    if (e.type === 'started') {
      const mode = MODE_IDS[slots.size];
      if (!mode || slots.has(e.lane.pod)) return [];
      slots.set(e.lane.pod, mode);
      limits.set(e.lane.pod, e.lane.pidsLimit);
      return [
        { type: 'pod', mode, pod: e.lane.pod, file: e.lane.file, emulated: o.emulated },
        { type: 'pid1', mode, name: e.lane.pid1 },
        { type: 'lane', mode, state: { kind: 'running', startedAt: now() } },
      ];
    }
    const mode = slots.get(e.pod);
    if (!mode) return [];
    switch (e.type) {
      case 'sample':
        // No PIDs reading comes with a pod's sample (its lane shows its file instead); `live` is
        // not known either and nothing on a lane shows it.
        return [
          {
            type: 'sample',
            mode,
            sample: { t: e.t, zombies: e.zombies, live: 0, pidsUsed: null, pidsLimit: limits.get(e.pod) ?? 0, forkFailures: null, costUs: 0, probeZombies: e.probeZombies },
          },
        ];
      case 'stopping': {
        const since = now();
        return [{ type: 'lane', mode, state: { kind: 'stopping', since, deadline: since + e.graceS * 1000, timeoutS: e.graceS } }];
      }
      case 'stopped':
        return [{ type: 'lane', mode, state: { kind: 'stopped', stopMs: e.stopMs, exitCode: e.exitCode } }];
      case 'probe':
        return [];
    }
  };
}
