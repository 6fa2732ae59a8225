/** What every phase of a demo run shares: its options, its way to emit, its end, and one state a lane. */
import type Docker from 'dockerode';
import type { ModeId } from '../../core/modes.js';
import type { Doing } from '../../core/problem-text.js';
import type { Problem, RunEvent } from '../../core/run-events.js';
import type { Waiting } from '../containers.js';
import { explainEngineError } from '../docker-connect.js';
import type { SampleTarget } from '../sampler/sampler-options.js';
import type { Sidecar } from '../sidecar.js';
import type { CountingPlan } from '../zombie-count.js';
import type { DemoControl, DemoOptions } from './demo-options.js';

/** One mode whose container started. */
export interface Lane {
  mode: ModeId;
  waiting: Waiting;
  /** How its zombies are counted (zombie-count.ts planCounting); null until the sources are attached. */
  plan: CountingPlan | null;
  /** Its target for the host sampler, where this host's /proc sees it. */
  target: SampleTarget | null;
  /** Its sampler container, where this host's /proc does not see it (or when forced). */
  sidecar: Sidecar | null;
  /** Stopped by `docker stop` and removed by the engine: nothing left to remove. */
  stopped: boolean;
}

export interface RunContext {
  docker: Docker;
  opts: DemoOptions;
  ctl: DemoControl;
  /** Aborted by the caller's signal, a lost engine, or the consumer leaving: everything ends now. */
  signal: AbortSignal;
  push: (e: RunEvent) => void;
  /** The lanes whose container started, in the order of `opts.modes`. */
  lanes: Map<ModeId, Lane>;
}

export function problemOf(err: unknown, doing: Doing): Problem {
  return explainEngineError(err, doing).problem;
}

/** The run cannot go on: the problem once, and every lane ends on it. */
export function failRun(ctx: RunContext, problem: Problem, engineLost?: true): void {
  ctx.push(engineLost ? { type: 'problem', problem, engineLost } : { type: 'problem', problem });
  for (const mode of ctx.opts.modes) ctx.push({ type: 'lane', mode, state: { kind: 'error', problem } });
}

export function untilAborted(...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    for (const s of signals) s.addEventListener('abort', () => resolve(), { once: true });
  });
}

export function sidecarsOf(ctx: RunContext): Sidecar[] {
  return [...ctx.lanes.values()].flatMap((l) => (l.sidecar ? [l.sidecar] : []));
}
