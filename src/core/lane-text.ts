/** The words a lane shows for its state. Pure, so every state's text is unit-tested. */
import type { LaneState } from './run-events.js';

const secs = (ms: number, digits = 1): string => `${(Math.max(0, ms) / 1000).toFixed(digits)} s`;

/** One short line: what the lane is doing now. `now` is epoch ms (for countdowns). */
export function laneStateText(s: LaneState, now: number, compact = false): string {
  switch (s.kind) {
    case 'idle':
      return 'idle · press r to run';
    case 'building':
      return `building image: ${s.detail}`;
    case 'starting':
      return 'starting…';
    case 'running':
      return `running ${secs(now - s.startedAt, 0)}`;
    case 'stopping':
      return `stopping · SIGKILL in ${secs(s.deadline - now)}${compact ? '' : ` (timeout ${s.timeoutS} s)`}`;
    case 'stopped':
      return `stopped in ${secs(s.stopMs, 2)} · exit ${s.exitCode ?? '?'}`;
    case 'error':
      return `ERROR: ${s.problem.message}`;
  }
}
