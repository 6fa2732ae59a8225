/**
 * Runs the scorecard: three independent runs per PID 1 variant (zombies + docker stop, exit
 * code, signal forwarding), a bounded number at a time, each measured on the real engine.
 */
import { LABEL_VARIANT, LABEL_JOB } from '../core/labels.js';
import type Docker from 'dockerode';
import { containerSpec, type Limits } from '../core/container-spec.js';
import {
  emptyRow,
  isStopFast,
  JOB_KINDS,
  SETTLE_GAP_MS,
  SETTLE_SAMPLES,
  settledCount,
  VARIANTS,
  type JobKind,
  type ScoreRow,
  type ScorecardSettings,
  type VariantId,
} from '../core/scorecard.js';
import { logsOf } from './container-logs.js';
import { createAndStart, removeQuietly, stopTimed, type Started } from './containers.js';
import { explainEngineError } from './docker-connect.js';
import { countNow, planCounting } from './zombie-count.js';
import { ownerFor } from './run-id.js';
import { abortableDelay, settleWithin } from './timeout.js';

export type ScorecardEvent =
  | { type: 'job-start'; variant: VariantId; job: JobKind }
  | { type: 'job-done'; variant: VariantId; job: JobKind; done: number; total: number }
  | { type: 'done'; rows: ScoreRow[]; ms: number };

export interface ScorecardRun {
  runId: string;
  image: string;
  variants: VariantId[];
  settings: ScorecardSettings;
  /** Which of the three runs to do (default: all). */
  jobs?: JobKind[];
  signal: AbortSignal;
  onEvent?: (e: ScorecardEvent) => void;
}

function describe(err: unknown): string {
  return explainEngineError(err, { id: 'scorecard' }).problem.message;
}

/** Polls the logs until `text` shows up (true) or the deadline passes (false). */
export async function waitForLog(container: Docker.Container, text: string, ms: number, signal: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!signal.aborted) {
    try {
      if ((await logsOf(container)).includes(text)) return true;
    } catch {
      return false; // the container is gone
    }
    if (Date.now() > deadline) return false;
    await abortableDelay(50, signal);
  }
  return false;
}

async function startVariant(docker: Docker, run: ScorecardRun, variant: VariantId, job: JobKind, env: Record<string, string>, autoRemove: boolean): Promise<Started> {
  const v = VARIANTS[variant];
  const limits: Limits = { pidsLimit: run.settings.pidsLimit, memoryMb: run.settings.memoryMb };
  return createAndStart(
    docker,
    containerSpec({
      owner: ownerFor(run.runId),
      kind: 'probe',
      image: run.image,
      cmd: v.cmd,
      ...(v.entrypoint ? { entrypoint: v.entrypoint } : {}),
      init: v.init,
      env: { ZOMBIE_LAB_TTL: '120', ...v.env, ...env },
      limits,
      labels: { [LABEL_VARIANT]: variant, [LABEL_JOB]: job },
      autoRemove,
    }),
    run.signal,
  );
}

async function zombiesAndStop(docker: Docker, run: ScorecardRun, variant: VariantId, row: ScoreRow): Promise<void> {
  const s = await startVariant(docker, run, variant, 'zombies-stop', { ZOMBIE_RATE: String(run.settings.rate) }, true);
  try {
    const settleMs = (SETTLE_SAMPLES - 1) * SETTLE_GAP_MS;
    await abortableDelay(Math.max(0, run.settings.windowMs - settleMs), run.signal);
    run.signal.throwIfAborted();
    // Counted the way every feature counts: this host's /proc here, a sidecar where the engine runs
    // elsewhere; several readings at the end of the window, and the zombies that stayed through all.
    const plan = planCounting(s);
    const counts: number[] = [];
    for (let i = 0; i < SETTLE_SAMPLES; i++) {
      if (i) await abortableDelay(SETTLE_GAP_MS, run.signal);
      run.signal.throwIfAborted();
      const m = await countNow(s, { docker, owner: ownerFor(run.runId), sidecarImage: run.image, signal: run.signal, plan });
      // Read after the window: right after start the init PID may still be runc's "runc:[2:INIT]".
      row.pid1 = m.pid1;
      row.countedBy = m.source;
      counts.push(m.zombies);
    }
    row.zombies = settledCount(counts);
    const r = await stopTimed(s, run.settings.stopTimeoutS);
    row.stopMs = Math.round(r.stopMs);
    row.stopFast = isStopFast(r.stopMs, run.settings.stopTimeoutS);
    row.stopExitCode = r.exitCode;
  } finally {
    await removeQuietly(s.container);
  }
}

async function exitCode(docker: Docker, run: ScorecardRun, variant: VariantId, row: ScoreRow): Promise<void> {
  const s = await startVariant(docker, run, variant, 'exit-code', { APP_EXIT_AFTER: '0.3', APP_EXIT_CODE: '3' }, true);
  try {
    const code = await settleWithin(s.exited, run.settings.exitWaitMs, 'timeout' as const);
    run.signal.throwIfAborted();
    row.appExitStayedUp = code === 'timeout';
    row.appExitCode = code === 'timeout' ? null : code;
  } finally {
    await removeQuietly(s.container);
  }
}

async function forward(docker: Docker, run: ScorecardRun, variant: VariantId, row: ScoreRow): Promise<void> {
  // Not auto-removed: the logs must outlive an init that exits on the probe signal.
  const s = await startVariant(docker, run, variant, 'forward', { APP_HELPER: '1' }, false);
  try {
    if (!(await waitForLog(s.container, 'helper: ready', 10_000, run.signal))) {
      run.signal.throwIfAborted();
      throw new Error('the helper process never started');
    }
    await s.container.kill({ signal: 'SIGUSR1' });
    row.reachesGroup = await waitForLog(s.container, 'helper: got SIGUSR1', run.settings.forwardWaitMs, run.signal);
    run.signal.throwIfAborted();
    // When the helper got it the app's line may still be on its way; otherwise the wait above was long enough.
    row.reachesApp = await waitForLog(s.container, 'app: got SIGUSR1', row.reachesGroup ? 500 : 0, run.signal);
  } finally {
    await removeQuietly(s.container);
  }
}

const JOBS: Record<JobKind, typeof forward> = { 'zombies-stop': zombiesAndStop, 'exit-code': exitCode, forward };

/** Runs every job with at most `settings.concurrency` at once; each job's failure lands in its row. */
export async function runScorecard(docker: Docker, run: ScorecardRun): Promise<ScoreRow[]> {
  const t0 = Date.now();
  const rows = new Map<VariantId, ScoreRow>(run.variants.map((v) => [v, emptyRow(v)]));
  // Longest first: the zombie/stop runs, so the slow stops overlap the short runs.
  const queue = (run.jobs ?? [...JOB_KINDS]).flatMap((job) => run.variants.map((variant) => ({ variant, job })));
  const total = queue.length;
  let done = 0;
  const worker = async () => {
    for (;;) {
      const next = queue.shift();
      if (!next || run.signal.aborted) return;
      const row = rows.get(next.variant) as ScoreRow;
      run.onEvent?.({ type: 'job-start', ...next });
      try {
        await JOBS[next.job](docker, run, next.variant, row);
      } catch (err) {
        if (!run.signal.aborted) row.errors.push(`${next.job}: ${describe(err)}`);
      }
      done++;
      run.onEvent?.({ type: 'job-done', ...next, done, total });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, run.settings.concurrency) }, worker));
  run.signal.throwIfAborted();
  const out = run.variants.map((v) => rows.get(v) as ScoreRow);
  run.onEvent?.({ type: 'done', rows: out, ms: Date.now() - t0 });
  return out;
}
