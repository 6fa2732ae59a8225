/**
 * One demo run: build what is missing, start one container per mode, sample their zombies
 * at 10 Hz, stop them on request (timing each `docker stop`), and remove everything on
 * every way out. Emits typed RunEvents; the CLI and the app only consume them.
 */
import type Docker from 'dockerode';
import { demoSpec, type Limits } from '../core/container-spec.js';
import type { ModeId } from '../core/modes.js';
import type { Problem, RunEvent } from '../core/run-events.js';
import { applyEvent, emptySummary, resultsOf } from '../core/run-summary.js';
import { createAndStart, removeQuietly, stopTimed, type Started } from './containers.js';
import { explainEngineError } from './docker-connect.js';
import { EventQueue } from './event-queue.js';
import { checkHostProc, commOf, pidsCgroupOf } from './host-proc.js';
import { ensureImages, type WayChoice } from './images.js';
import { isLabError } from './lab-error.js';
import { ownerFor } from './run-id.js';
import { sampleContainers, type SampleTarget } from './sampler.js';

export interface DemoOptions {
  runId: string;
  modes: ModeId[];
  pidsLimit: number;
  memoryMb: number;
  stopTimeoutS: number;
  zombieRate: number;
  withTree?: boolean;
  way?: WayChoice;
  /** Containers end by themselves after this long even if the lab is killed (default 15 min). */
  ttlS?: number;
  intervalMs?: number;
}

export interface DemoControl {
  /** Abort: force-remove everything now. */
  signal: AbortSignal;
  /** Stop: `docker stop` every container, timing it, then finish with 'done'. */
  stop: AbortSignal;
}

function problemOf(err: unknown, doing: string): Problem {
  return (isLabError(err) ? err : explainEngineError(err, doing)).problem;
}

function untilAborted(...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    for (const s of signals) s.addEventListener('abort', () => resolve(), { once: true });
  });
}

export async function* runDemo(docker: Docker, opts: DemoOptions, ctl: DemoControl): AsyncGenerator<RunEvent> {
  const inner = new AbortController();
  const onOuterAbort = () => inner.abort(ctl.signal.reason);
  ctl.signal.addEventListener('abort', onOuterAbort, { once: true });
  if (ctl.signal.aborted) inner.abort();
  const q = new EventQueue<RunEvent>();
  const summary = emptySummary(opts.modes);
  const push = (e: RunEvent) => {
    applyEvent(summary, e);
    q.push(e);
  };
  const started = new Map<ModeId, Started>();

  const produce = async () => {
    for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'building', detail: 'checking images' } });
    let zombieImage: string;
    try {
      const gen = ensureImages(docker, { signal: inner.signal, ...(opts.way ? { way: opts.way } : {}) });
      for (;;) {
        const r = await gen.next();
        if (r.done) {
          zombieImage = r.value.zombie;
          break;
        }
        push(r.value);
      }
    } catch (err) {
      if (inner.signal.aborted) return;
      const problem = problemOf(err, 'building the images');
      push({ type: 'problem', problem });
      for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'error', problem } });
      return;
    }

    const owner = ownerFor(opts.runId);
    const limits: Limits = { pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb };
    for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'starting' } });
    const settled = await Promise.allSettled(
      opts.modes.map((mode) =>
        createAndStart(docker, demoSpec(owner, mode, zombieImage, limits, { zombieRate: opts.zombieRate, ttlS: opts.ttlS ?? 900 }), inner.signal),
      ),
    );
    const targets: SampleTarget[] = [];
    settled.forEach((r, i) => {
      const mode = opts.modes[i] as ModeId;
      if (r.status === 'rejected') {
        push({ type: 'lane', mode, state: { kind: 'error', problem: problemOf(r.reason, `starting the ${mode} container`) } });
        return;
      }
      started.set(mode, r.value);
      const verdict = checkHostProc(r.value.initPid, r.value.id);
      if (!verdict.ok) {
        push({
          type: 'lane',
          mode,
          state: {
            kind: 'error',
            problem: { message: `cannot count zombies here: ${verdict.reason}`, fix: 'run the lab on the machine the Docker engine runs on (remote engines: see zombie-lab doctor)' },
          },
        });
        return;
      }
      targets.push({ key: mode, ns: verdict.ns, cgroup: pidsCgroupOf(r.value.initPid), pidsLimit: opts.pidsLimit });
      push({ type: 'pid1', mode, name: commOf(r.value.initPid) ?? '?' });
    });
    if (inner.signal.aborted) return;
    if (targets.length > 0) push({ type: 'source', source: 'host-proc', detail: "this host's /proc (the engine runs on this kernel)" });

    const t0 = Date.now();
    for (const t of targets) push({ type: 'lane', mode: t.key as ModeId, state: { kind: 'running', startedAt: t0 } });
    const sampling = new AbortController();
    const stopSampling = () => sampling.abort();
    inner.signal.addEventListener('abort', stopSampling, { once: true });
    let active = [...targets];
    const sampler = (async () => {
      for await (const batch of sampleContainers(() => active, {
        signal: sampling.signal,
        t0,
        ...(opts.withTree ? { withTree: true } : {}),
        ...(opts.intervalMs ? { intervalMs: opts.intervalMs } : {}),
      })) {
        for (const ts of batch) {
          // A container always has a live PID 1; none means it is already gone, and its 0 would be a lie.
          if (ts.sample.live === 0) continue;
          push({ type: 'sample', mode: ts.key as ModeId, sample: ts.sample, ...(ts.tree ? { tree: ts.tree } : {}) });
        }
      }
    })();

    await untilAborted(ctl.stop, inner.signal);
    if (!inner.signal.aborted) {
      const since = Date.now();
      const running = [...started.entries()];
      for (const [mode] of running) {
        push({ type: 'lane', mode, state: { kind: 'stopping', since, deadline: since + opts.stopTimeoutS * 1000, timeoutS: opts.stopTimeoutS } });
      }
      await Promise.all(
        running.map(async ([mode, s]) => {
          try {
            const r = await stopTimed(s, opts.stopTimeoutS);
            active = active.filter((t) => t.key !== mode);
            started.delete(mode);
            push({ type: 'lane', mode, state: { kind: 'stopped', stopMs: Math.round(r.stopMs), exitCode: r.exitCode } });
          } catch (err) {
            if (!inner.signal.aborted) push({ type: 'lane', mode, state: { kind: 'error', problem: problemOf(err, `stopping the ${mode} container`) } });
          }
        }),
      );
    }
    sampling.abort();
    await sampler;
    if (!inner.signal.aborted) push({ type: 'done', results: resultsOf(summary) });
  };

  const producer = produce()
    .catch((err: unknown) => {
      if (!inner.signal.aborted) push({ type: 'problem', problem: problemOf(err, 'running the demo') });
    })
    .finally(async () => {
      await Promise.all([...started.values()].map((s) => removeQuietly(s.container)));
      q.close();
    });

  try {
    yield* q.drain();
  } finally {
    // Also reached when the consumer stops early: end the run and remove what it made.
    inner.abort();
    await producer;
    ctl.signal.removeEventListener('abort', onOuterAbort);
  }
}
