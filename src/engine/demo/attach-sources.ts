/**
 * The second phase of a run: each started lane gets its counting plan (the one choice every
 * feature makes, zombie-count.ts planCounting) and with it a host sampler target or a sidecar;
 * the sources are announced before the workloads begin.
 */
import type { ModeId } from '../../core/modes.js';
import type { SampleSource } from '../../core/sample.js';
import type { SamplerChoice } from '../../core/sampler-choice.js';
import type { Waiting } from '../containers.js';
import { pid1NameOf } from '../host-proc.js';
import { startSidecar } from '../sidecar.js';
import { planCounting } from '../zombie-count.js';
import type { PreparedDemo } from './prepare.js';
import { problemOf, type Lane, type RunContext } from './run-context.js';
import { SOURCE_DETAIL } from './source-detail.js';

/** The lanes whose container started, into the context; false (and why) when none did. */
export function startedLanes(ctx: RunContext, prepared: PreparedDemo): boolean {
  const settled = ctx.opts.modes.map((mode) => prepared.lanes.get(mode) as PromiseSettledResult<Waiting>);
  settled.forEach((r, i) => {
    const mode = ctx.opts.modes[i] as ModeId;
    if (r.status === 'rejected') {
      ctx.push({ type: 'lane', mode, state: { kind: 'error', problem: problemOf(r.reason, { id: 'start-container', mode }) } });
      return;
    }
    ctx.lanes.set(mode, { mode, waiting: r.value, plan: null, target: null, sidecar: null, stopped: false });
  });
  // No lane started (refused by the PID budget, say): each says why, and there is nothing to run or stop.
  if (ctx.lanes.size === 0) {
    ctx.push({ type: 'problem', problem: problemOf((settled[0] as PromiseRejectedResult).reason, { id: 'start-containers' }) });
    return false;
  }
  return true;
}

export interface Attached {
  /** The host sources in use, announced already. */
  hostSources: Set<SampleSource>;
  /** The lanes counted by the host sampler, and those by a sidecar (in the order their sidecars came up). */
  hostLanes: Lane[];
  sidecarLanes: Lane[];
}

/** Plans every lane, names the host lanes' PID 1, starts the sidecars; null when the run was aborted meanwhile. */
export async function attachSources(ctx: RunContext, choice: SamplerChoice, prepared: PreparedDemo): Promise<Attached | null> {
  const { opts, push } = ctx;
  const hostLanes: Lane[] = [];
  const remote: { lane: Lane; why: string }[] = [];
  const hostSources = new Set<SampleSource>();
  for (const lane of ctx.lanes.values()) {
    const plan = (lane.plan = planCounting(lane.waiting, choice));
    if (plan.source === 'sidecar') {
      remote.push({ lane, why: plan.why });
      continue;
    }
    lane.target = { key: lane.mode, ns: plan.ns as string, cgroup: plan.cgroup, pidsLimit: opts.pidsLimit, source: plan.source };
    hostLanes.push(lane);
    hostSources.add(plan.source);
  }
  await Promise.all(hostLanes.map(async (l) => push({ type: 'pid1', mode: l.mode, name: (await pid1NameOf(l.waiting.initPid)) ?? '?' })));
  if (ctx.signal.aborted) return null;

  // Where this host's /proc is not the containers' (or when forced): a sidecar per container.
  const sidecarLanes: Lane[] = [];
  await Promise.all(
    remote.map(async ({ lane, why }) => {
      try {
        lane.sidecar = await startSidecar(ctx.docker, {
          owner: prepared.owner,
          image: prepared.baseImage,
          targetId: lane.waiting.id,
          ttlS: opts.ttlS ?? 900,
          ...(opts.intervalMs ? { intervalMs: opts.intervalMs } : {}),
          ...(opts.withTree ? { treeLimit: 400 } : {}),
          signal: ctx.signal,
        });
        sidecarLanes.push(lane);
      } catch (err) {
        push({ type: 'lane', mode: lane.mode, state: { kind: 'error', problem: problemOf(err, { id: 'start-sidecar', mode: lane.mode, why }) } });
      }
    }),
  );
  if (ctx.signal.aborted) return null;
  for (const source of hostSources) push({ type: 'source', source, detail: SOURCE_DETAIL[source as keyof typeof SOURCE_DETAIL] });
  // The why of the last sidecar to come up stands for all of them (they share the reason).
  const sidecarWhy = sidecarLanes.at(-1)?.plan?.why ?? '';
  const sidecarWays = new Map(sidecarLanes.flatMap((l) => (l.sidecar ? [[l.sidecar.way.way, l.sidecar.way.why] as const] : [])));
  for (const [way, whyNot] of sidecarWays) {
    const source = way === 'cgroup' ? 'sidecar-cgroup' : 'sidecar';
    push({ type: 'source', source, detail: `${SOURCE_DETAIL[source]}: ${sidecarWhy}${whyNot ? ` (/proc: ${whyNot})` : ''}` });
  }
  return { hostSources, hostLanes, sidecarLanes };
}
