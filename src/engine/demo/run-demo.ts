/**
 * One demo run, in phases over a shared run context: prepare (build what is missing, start one
 * waiting container per mode, or take those started ahead of time), attach sources (a counting
 * plan a lane: the host sampler or a sidecar), sample at 10 Hz, stop on request (timing each
 * `docker stop`), summarise ('done' with the results); everything is removed on every way out.
 * Emits typed RunEvents; the CLI and the app only consume them.
 */
import type Docker from 'dockerode';
import type { RunEvent } from '../../core/run-events.js';
import { applyEvent, emptySummary, resultsOf } from '../../core/run-summary.js';
import type { SamplerChoice } from '../../core/sampler-choice.js';
import { removeQuietly } from '../containers.js';
import { watchEngine } from '../engine-watch.js';
import { EventQueue } from '../event-queue.js';
import { settleWithin } from '../timeout.js';
import { samplerChoiceFromEnv } from '../zombie-count.js';
import { attachSources, startedLanes } from './attach-sources.js';
import type { DemoControl, DemoOptions } from './demo-options.js';
import { discardPrepared, prepareDemo, usable, type PreparedDemo } from './prepare.js';
import { failRun, problemOf, sidecarsOf, untilAborted, type RunContext } from './run-context.js';
import { sampleLanes } from './sample-lanes.js';
import { stopLanes } from './stop-lanes.js';

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
  const ctx: RunContext = {
    docker,
    opts,
    ctl,
    signal: inner.signal,
    push: (e) => {
      applyEvent(summary, e);
      q.push(e);
    },
    lanes: new Map(),
  };

  // An engine that goes away ends the run on every lane, with the cause and the fix, at once.
  const watching = new AbortController();
  let engineLost = false;
  const lost = watchEngine(docker, { signal: AbortSignal.any([watching.signal, inner.signal]) }).then((err) => {
    if (!err || inner.signal.aborted) return new Promise<never>(() => undefined);
    engineLost = true;
    failRun(ctx, err.problem, true);
    inner.abort(err);
    // A hung engine may never answer what the run still awaits: the run ends anyway, soon (a
    // timer that holds the process: what is awaited may hold nothing open any more).
    return new Promise<void>((r) => setTimeout(r, 200));
  });

  const produce = async () => {
    let choice: SamplerChoice;
    try {
      choice = opts.sampler ?? samplerChoiceFromEnv();
    } catch (err) {
      failRun(ctx, problemOf(err, { id: 'choose-sampler' }));
      return;
    }
    const prepared = await prepare(ctx, ready);
    if (!prepared || !startedLanes(ctx, prepared)) return;
    const attached = await attachSources(ctx, choice, prepared);
    if (!attached) return;

    // One t0 for every lane: the workloads begin together, when their start lines go out.
    const t0 = Date.now();
    await Promise.all([...ctx.lanes.values()].map((l) => l.waiting.go()));
    for (const { mode } of [...attached.hostLanes, ...attached.sidecarLanes]) ctx.push({ type: 'lane', mode, state: { kind: 'running', startedAt: t0 } });
    const sampling = new AbortController();
    inner.signal.addEventListener('abort', () => sampling.abort(), { once: true });
    const loops = sampleLanes(ctx, attached, t0, sampling.signal);

    await untilAborted(ctl.stop, inner.signal);
    if (!inner.signal.aborted) await stopLanes(ctx);
    sampling.abort();
    await Promise.all(sidecarsOf(ctx).map((sc) => sc.close()));
    await Promise.all(loops);
    if (!inner.signal.aborted) ctx.push({ type: 'done', results: resultsOf(summary) });
  };

  const producer = Promise.race([
    produce().catch((err: unknown) => {
      if (!inner.signal.aborted) ctx.push({ type: 'problem', problem: problemOf(err, { id: 'run-demo' }) });
    }),
    lost,
  ]).finally(async () => {
    watching.abort();
    const removals = Promise.all([
      ...sidecarsOf(ctx).map((sc) => sc.close()),
      ...[...ctx.lanes.values()]
        .filter((l) => !l.stopped)
        .map((l) => {
          l.waiting.release();
          return removeQuietly(l.waiting.container);
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

/** Containers started ahead of time are used if they are all still waiting; else the run starts its own. Null: nothing to run. */
async function prepare(ctx: RunContext, ready: Promise<PreparedDemo | null> | undefined): Promise<PreparedDemo | null> {
  const { opts } = ctx;
  let prepared: PreparedDemo | null = null;
  if (ready) {
    for (const mode of opts.modes) ctx.push({ type: 'lane', mode, state: { kind: 'starting' } });
    prepared = await ready.catch(() => null);
    if (prepared && !usable(prepared, opts.modes)) {
      await discardPrepared(prepared);
      prepared = null;
    }
    if (ctx.signal.aborted) {
      if (prepared) await discardPrepared(prepared);
      return null;
    }
  }
  if (prepared) return prepared;
  try {
    return await prepareDemo(ctx.docker, opts, { signal: ctx.signal, onEvent: ctx.push });
  } catch (err) {
    if (!ctx.signal.aborted) failRun(ctx, problemOf(err, { id: 'build-images' }));
    return null;
  }
}
