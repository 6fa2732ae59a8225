/**
 * One demo run: build what is missing, start one container per mode, sample their zombies
 * at 10 Hz, stop them on request (timing each `docker stop`), and remove everything on
 * every way out. Emits typed RunEvents; the CLI and the app only consume them.
 */
import type Docker from 'dockerode';
import { demoSpec, type Limits } from '../core/container-spec.js';
import type { Owner } from '../core/labels.js';
import type { ModeId } from '../core/modes.js';
import type { Doing } from '../core/problem-text.js';
import type { Problem, RunEvent } from '../core/run-events.js';
import type { SampleSource } from '../core/sample.js';
import type { SamplerChoice } from '../core/sampler-choice.js';
import { applyEvent, emptySummary, resultsOf } from '../core/run-summary.js';
import { removeQuietly, startWaiting, stopTimed, type Waiting } from './containers.js';
import { explainEngineError } from './docker-connect.js';
import { assertPidLimitHolds } from './engine-facts.js';
import { EventQueue } from './event-queue.js';
import { watchEngine } from './engine-watch.js';
import { pid1NameOf } from './host-proc.js';
import { ensureImages, imageTags, type ImageTags, type WayChoice } from './images.js';
import { isLabError } from './lab-error.js';
import { ownerFor } from './run-id.js';
import { sampleContainers } from './sampler/sample-containers.js';
import type { SampleTarget } from './sampler/sampler-options.js';
import { planCounting, samplerChoiceFromEnv } from './zombie-count.js';
import { sampleFromReading, startSidecar, treeFromReading, type Sidecar } from './sidecar.js';
import { settleWithin } from './timeout.js';

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
  /** Which sampler (default: ZOMBIE_LAB_SAMPLER, else 'auto'). */
  sampler?: SamplerChoice;
}

/** What the lab tells the user about each source, in `compare` and the app. */
export const SOURCE_DETAIL: Record<Exclude<SampleSource, 'replay'>, string> = {
  cgroup: "the pids cgroup (pids.current minus the threads it lists) every tick, cross-checked against this host's /proc",
  'host-proc': "this host's /proc, scanned on a worker thread within a quarter of a core",
  sidecar: "a sampler container inside each demo's PID namespace (sidecar, through the Docker API)",
  'sidecar-cgroup': "a sampler container inside each demo's PID namespace that reads the demo's pids cgroup every tick (cgroup v2, the engine's cgroup tree read-only), cross-checked against /proc",
};

export interface DemoControl {
  /** Abort: force-remove everything now. */
  signal: AbortSignal;
  /** Stop: `docker stop` every container, timing it, then finish with 'done'. */
  stop: AbortSignal;
}

function problemOf(err: unknown, doing: Doing): Problem {
  return (isLabError(err) ? err : explainEngineError(err, doing)).problem;
}

function untilAborted(...signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve();
    for (const s of signals) s.addEventListener('abort', () => resolve(), { once: true });
  });
}

/** A run's containers, started and waiting for their start line (see `startWaiting`). */
export interface PreparedDemo {
  owner: Owner;
  baseImage: string;
  lanes: Map<ModeId, PromiseSettledResult<Waiting>>;
}

export interface PrepareOptions {
  signal: AbortSignal;
  /** Build progress and lane states, for a run that prepares itself. */
  onEvent?: (e: RunEvent) => void;
  /** Ahead of time: give up (null) rather than build a missing image, whose progress nobody would see. */
  onlyIfBuilt?: boolean;
}

/**
 * Builds what is missing and starts one waiting container per mode. Used by a run itself, and
 * ahead of time by the app, so that pressing r plots at once: starting three containers takes
 * the engine about half a second, longer than anything else on the way to the first sample.
 */
export async function prepareDemo(docker: Docker, opts: DemoOptions, p: PrepareOptions): Promise<PreparedDemo | null> {
  const onEvent = p.onEvent ?? (() => undefined);
  let images: ImageTags;
  if (p.onlyIfBuilt) {
    // No inspect round trips: a missing image shows as the create's 404 below.
    images = await imageTags();
  } else {
    // Refused before any build: where a PID limit would not hold, no demo runs at all.
    await assertPidLimitHolds(docker);
    for (const mode of opts.modes) onEvent({ type: 'lane', mode, state: { kind: 'building', detail: 'checking images', note: { id: 'checking' } } });
    const gen = ensureImages(docker, { signal: p.signal, ...(opts.way ? { way: opts.way } : {}) });
    for (;;) {
      const r = await gen.next();
      if (r.done) {
        images = r.value;
        break;
      }
      onEvent(r.value);
    }
  }
  const owner = ownerFor(opts.runId);
  const limits: Limits = { pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb };
  for (const mode of opts.modes) onEvent({ type: 'lane', mode, state: { kind: 'starting' } });
  const workload = { zombieRate: opts.zombieRate, ttlS: opts.ttlS ?? 900, waitForGo: true };
  const settled = await Promise.allSettled(opts.modes.map((mode) => startWaiting(docker, demoSpec(owner, mode, images.zombie, limits, workload), p.signal)));
  const prepared: PreparedDemo = { owner, baseImage: images.base, lanes: new Map(opts.modes.map((m, i) => [m, settled[i] as PromiseSettledResult<Waiting>])) };
  if (p.onlyIfBuilt && settled.some((r) => r.status === 'rejected' && (r.reason as { statusCode?: number }).statusCode === 404)) {
    await discardPrepared(prepared);
    return null;
  }
  return prepared;
}

/** Usable when every lane's container started and is still waiting. */
function usable(prepared: PreparedDemo, modes: ModeId[]): boolean {
  return modes.every((m) => {
    const r = prepared.lanes.get(m);
    return r?.status === 'fulfilled' && !r.value.gone;
  });
}

/** Removes the containers of a prepared run that will not be used. */
export async function discardPrepared(prepared: PreparedDemo): Promise<void> {
  const waiting = [...prepared.lanes.values()].flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  await Promise.all(
    waiting.map((w) => {
      w.release();
      return removeQuietly(w.container);
    }),
  );
}

/**
 * `ready`: containers prepared ahead of time for this run (same options, same run id); used if
 * they are all still waiting, else the run starts its own.
 */
export async function* runDemo(docker: Docker, opts: DemoOptions, ctl: DemoControl, ready?: Promise<PreparedDemo | null>): AsyncGenerator<RunEvent> {
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
  const started = new Map<ModeId, Waiting>();
  const allSidecars: Sidecar[] = [];
  let sidecarWhy = '';

  // An engine that goes away ends the run on every lane, with the cause and the fix, at once.
  const watching = new AbortController();
  let engineLost = false;
  const lost = watchEngine(docker, { signal: AbortSignal.any([watching.signal, inner.signal]) }).then((err) => {
    if (!err || inner.signal.aborted) return new Promise<never>(() => undefined);
    engineLost = true;
    push({ type: 'problem', problem: err.problem, engineLost: true });
    for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'error', problem: err.problem } });
    inner.abort(err);
    // A hung engine may never answer what the run still awaits: the run ends anyway, soon.
    return new Promise<void>((r) => setTimeout(r, 200).unref());
  });

  const produce = async () => {
    let choice: SamplerChoice;
    try {
      choice = opts.sampler ?? samplerChoiceFromEnv();
    } catch (err) {
      const problem = problemOf(err, { id: 'choose-sampler' });
      push({ type: 'problem', problem });
      for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'error', problem } });
      return;
    }

    // Containers started ahead of time are used if they are all still waiting; else start afresh.
    let prepared: PreparedDemo | null = null;
    if (ready) {
      for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'starting' } });
      prepared = await ready.catch(() => null);
      if (prepared && !usable(prepared, opts.modes)) {
        await discardPrepared(prepared);
        prepared = null;
      }
      if (inner.signal.aborted) {
        if (prepared) await discardPrepared(prepared);
        return;
      }
    }
    if (!prepared) {
      try {
        prepared = await prepareDemo(docker, opts, { signal: inner.signal, onEvent: push });
      } catch (err) {
        if (inner.signal.aborted) return;
        const problem = problemOf(err, { id: 'build-images' });
        push({ type: 'problem', problem });
        for (const mode of opts.modes) push({ type: 'lane', mode, state: { kind: 'error', problem } });
        return;
      }
      if (!prepared) return;
    }
    const { baseImage, owner, lanes } = prepared;
    const settled = opts.modes.map((mode) => lanes.get(mode) as PromiseSettledResult<Waiting>);
    const targets: SampleTarget[] = [];
    const remote: { mode: ModeId; why: string }[] = [];
    const sources = new Set<SampleSource>();
    settled.forEach((r, i) => {
      const mode = opts.modes[i] as ModeId;
      if (r.status === 'rejected') {
        push({ type: 'lane', mode, state: { kind: 'error', problem: problemOf(r.reason, { id: 'start-container', mode }) } });
        return;
      }
      started.set(mode, r.value);
      const plan = planCounting(r.value, choice);
      if (plan.source === 'sidecar') {
        remote.push({ mode, why: plan.why });
        return;
      }
      targets.push({ key: mode, ns: plan.ns as string, cgroup: plan.cgroup, pidsLimit: opts.pidsLimit, source: plan.source });
      sources.add(plan.source);
    });
    // No lane started (refused by the PID budget, say): each says why, and there is nothing to run or stop.
    if (started.size === 0) {
      push({ type: 'problem', problem: problemOf((settled[0] as PromiseRejectedResult).reason, { id: 'start-containers' }) });
      return;
    }
    await Promise.all(
      targets.map(async (t) => {
        const s = started.get(t.key as ModeId) as Waiting;
        push({ type: 'pid1', mode: t.key as ModeId, name: (await pid1NameOf(s.initPid)) ?? '?' });
      }),
    );
    if (inner.signal.aborted) return;

    // Where this host's /proc is not the containers' (or when forced): a sidecar per container.
    const sidecars = new Map<ModeId, Sidecar>();
    await Promise.all(
      remote.map(async ({ mode, why }) => {
        const s = started.get(mode) as Waiting;
        try {
          const sc = await startSidecar(docker, {
            owner,
            image: baseImage,
            targetId: s.id,
            ttlS: opts.ttlS ?? 900,
            ...(opts.intervalMs ? { intervalMs: opts.intervalMs } : {}),
            ...(opts.withTree ? { treeLimit: 400 } : {}),
            signal: inner.signal,
          });
          sidecars.set(mode, sc);
          allSidecars.push(sc);
          sidecarWhy = why;
        } catch (err) {
          push({ type: 'lane', mode, state: { kind: 'error', problem: problemOf(err, { id: 'start-sidecar', mode, why }) } });
        }
      }),
    );
    if (inner.signal.aborted) return;
    for (const source of sources) push({ type: 'source', source, detail: SOURCE_DETAIL[source as keyof typeof SOURCE_DETAIL] });
    const sidecarWays = new Map([...sidecars.values()].map((sc) => [sc.way.way, sc.way.why] as const));
    for (const [way, whyNot] of sidecarWays) {
      const source = way === 'cgroup' ? 'sidecar-cgroup' : 'sidecar';
      push({ type: 'source', source, detail: `${SOURCE_DETAIL[source]}: ${sidecarWhy}${whyNot ? ` (/proc: ${whyNot})` : ''}` });
    }

    // One t0 for every lane: the workloads begin together, when their start lines go out.
    const t0 = Date.now();
    await Promise.all([...started.values()].map((s) => s.go()));
    for (const mode of [...targets.map((t) => t.key as ModeId), ...sidecars.keys()]) push({ type: 'lane', mode, state: { kind: 'running', startedAt: t0 } });
    const sampling = new AbortController();
    const stopSampling = () => sampling.abort();
    inner.signal.addEventListener('abort', stopSampling, { once: true });
    let active = [...targets];
    const sidecarLoops = [...sidecars.entries()].map(async ([mode, sc]) => {
      let named = false;
      let fellBack = false;
      const wasCgroup = sc.way.way === 'cgroup';
      for await (const r of sc.readings) {
        if (sampling.signal.aborted) break;
        if (!named) {
          named = true;
          push({ type: 'pid1', mode, name: r.pid1 ?? '?' });
        }
        if (r.live === 0) continue;
        const tree = treeFromReading(r);
        const sample = sampleFromReading(r, Date.now() - t0, opts.pidsLimit);
        if (wasCgroup && sc.way.way === 'proc' && !fellBack) {
          fellBack = true; // the sidecar went back to /proc: say so once
          push({ type: 'source', source: 'sidecar', detail: `${SOURCE_DETAIL.sidecar} (for ${mode}: the cgroup count disagreed with /proc on a quiet container)` });
        }
        push({ type: 'sample', mode, sample, ...(tree ? { tree } : {}) });
      }
      // Ended while its container should still run: say so, rather than let the lane go quiet.
      const demo = started.get(mode); // gone from the map once it was stopped
      const demoEnded =
        !demo ||
        (await settleWithin(demo.exited.then(() => true), 1000, false));
      if (!demoEnded && !sampling.signal.aborted && !ctl.stop.aborted && !inner.signal.aborted) {
        const why = sc.stderrTail().split('\n').at(-1) ?? '';
        push({
          type: 'lane',
          mode,
          state: { kind: 'error', problem: { message: `the sampler next to the ${mode} container ended${why ? `: ${why}` : ''}`, fix: 'zombie-lab doctor checks the sampler; then run again' } },
        });
      }
    });
    const announced = new Set<SampleSource>(sources);
    const sampler = (async () => {
      if (targets.length === 0) return;
      for await (const batch of sampleContainers(() => active, {
        signal: sampling.signal,
        t0,
        ...(opts.withTree ? { withTree: true } : {}),
        ...(opts.intervalMs ? { intervalMs: opts.intervalMs } : {}),
      })) {
        for (const ts of batch) {
          const src = ts.sample.source;
          if (src && src !== 'sidecar' && src !== 'replay' && !announced.has(src)) {
            // Only when the cross-check made a container fall back from the cgroup count to /proc.
            announced.add(src);
            push({ type: 'source', source: src, detail: `${SOURCE_DETAIL[src]} (for ${ts.key}: the cgroup count disagreed with /proc on a quiet container)` });
          }
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
      // Quitting while no-init sits out its stop timeout must not wait for it: an abort moves on
      // to the forced removal below, which also ends the stop still in flight.
      const stopping = Promise.all(
        running.map(async ([mode, s]) => {
          try {
            const r = await stopTimed(s, opts.stopTimeoutS);
            active = active.filter((t) => t.key !== mode);
            started.delete(mode);
            push({ type: 'lane', mode, state: { kind: 'stopped', stopMs: Math.round(r.stopMs), exitCode: r.exitCode } });
          } catch (err) {
            if (!inner.signal.aborted) push({ type: 'lane', mode, state: { kind: 'error', problem: problemOf(err, { id: 'stop-container', mode }) } });
          }
        }),
      );
      await Promise.race([stopping, untilAborted(inner.signal)]);
    }
    sampling.abort();
    await Promise.all(allSidecars.map((sc) => sc.close()));
    await Promise.all([sampler, ...sidecarLoops]);
    if (!inner.signal.aborted) push({ type: 'done', results: resultsOf(summary) });
  };

  const producer = Promise.race([
    produce().catch((err: unknown) => {
      if (!inner.signal.aborted) push({ type: 'problem', problem: problemOf(err, { id: 'run-demo' }) });
    }),
    lost,
  ]).finally(async () => {
      watching.abort();
      const removals = Promise.all([
        ...allSidecars.map((sc) => sc.close()),
        ...[...started.values()].map((s) => {
          s.release();
          return removeQuietly(s.container);
        }),
      ]);
      // A lost engine may not answer the removals at all; they are remembered and retried (containers.ts).
      await (engineLost ? settleWithin(removals, 200, undefined) : removals);
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
