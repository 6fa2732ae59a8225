/**
 * The host-wide PID budget: every lab container's PID limit, added up over all runs on one
 * engine, must leave a margin of the host's pid_max free, or one more run is refused. Several
 * classroom runs at the defaults fit (compare: 3 x 1024; the app: 3 x 256 plus its standby).
 */
import { problemOf } from './problem-text.js';
import type { Problem } from './run-events.js';

export interface PidBudgetInput {
  pidMax: number;
  /** Sum of the PID limits of our live containers on this engine. */
  inUse: number;
  /** How many runs those belong to. */
  runs: number;
  /** The limits of what is about to start. */
  wanted: number;
}

/** PIDs always left free: a quarter of pid_max, and never fewer than 4096. */
export function pidMargin(pidMax: number): number {
  return Math.max(4096, Math.floor(pidMax / 4));
}

/** null when it fits; else the one line that says how much is in use, by how many runs, and what to do. */
export function pidBudgetRefusal(b: PidBudgetInput): Problem | null {
  const margin = pidMargin(b.pidMax);
  const free = b.pidMax - b.inUse - b.wanted;
  if (free >= margin) return null;
  return problemOf({ id: 'pid-budget', inUse: b.inUse, runs: b.runs, wanted: b.wanted, free: Math.max(0, free), pidMax: b.pidMax, margin });
}
