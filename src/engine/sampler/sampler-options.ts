/** What the host sampler is asked to sample, how, and what it yields. */
import type { Disagreement } from '../../core/cross-check.js';
import type { ProcEntry } from '../../core/run-events.js';
import type { Sample } from '../../core/sample.js';
import type { PidsCgroup } from '../host-proc.js';

export interface SampleTarget {
  key: string;
  /** PID namespace link of the container's init, e.g. "pid:[4026532180]". */
  ns: string;
  cgroup: PidsCgroup | null;
  pidsLimit: number;
  /** The plan's source (zombie-count.ts planCounting); without it, the `source` option decides. */
  source?: 'cgroup' | 'host-proc';
}

export interface TargetSample {
  key: string;
  sample: Sample;
  tree?: ProcEntry[];
  /** On the first /proc sample after the cross-check gave up on the cgroup count: the disagreement that made it. */
  fellBack?: Disagreement;
}

/** Share of one core for /proc when it is the source, and when it only cross-checks the fast path. */
export const DEFAULT_PROC_BUDGET = 0.25;
export const DEFAULT_CHECK_BUDGET = 0.005;
export const DEFAULT_CHECK_EVERY_MS = 1000;

/** 'auto': the cgroup fast path where readable, /proc elsewhere; 'proc': /proc only (to compare, or to teach it). */
export type HostSourceChoice = 'auto' | 'proc';

export interface SamplerOptions {
  intervalMs?: number;
  signal: AbortSignal;
  /** Time zero of the run, so samples of containers started at different moments line up. */
  t0?: number;
  withTree?: boolean;
  treeLimit?: number;
  source?: HostSourceChoice;
  /** Share of one core the /proc scan may use when it is the source (default 0.25). */
  procBudget?: number;
  /** Share of one core the /proc cross-check may use next to the fast path (default 0.005: the live sampler stays under 1 %). */
  checkBudget?: number;
  /** Cross-check no more often than this, in ms (default 1000). */
  checkEveryMs?: number;
  /** Scan /proc on a worker thread (default true). */
  threaded?: boolean;
}
