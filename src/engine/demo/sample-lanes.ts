/**
 * The sampling phase: the host sampler over the lanes this host's /proc sees, and one loop a
 * sidecar for the others, each turning what it reads into the run's `sample` events until the
 * sampling signal aborts.
 */
import type { ModeId } from '../../core/modes.js';
import type { SampleSource } from '../../core/sample.js';
import { sampleContainers } from '../sampler/sample-containers.js';
import { treeFromReading } from '../../core/sidecar-protocol.js';
import { sampleFromReading } from '../sidecar-sample.js';
import { settleWithin } from '../timeout.js';
import type { Attached } from './attach-sources.js';
import type { Lane, RunContext } from './run-context.js';
import { fellBackDetail } from './source-detail.js';

/** Every sampling loop of the run; they end once `sampling` aborts. */
export function sampleLanes(ctx: RunContext, attached: Attached, t0: number, sampling: AbortSignal): Promise<void>[] {
  return [sampleHostLanes(ctx, attached, t0, sampling), ...attached.sidecarLanes.map((lane) => sampleSidecarLane(ctx, lane, t0, sampling))];
}

async function sampleHostLanes(ctx: RunContext, attached: Attached, t0: number, sampling: AbortSignal): Promise<void> {
  const { opts, push } = ctx;
  if (attached.hostLanes.length === 0) return;
  // A stopped lane leaves the sampler: its container is gone.
  const active = () => attached.hostLanes.flatMap((l) => (l.stopped || !l.target ? [] : [l.target]));
  const announced = new Set<SampleSource>(attached.hostSources);
  for await (const batch of sampleContainers(active, {
    signal: sampling,
    t0,
    ...(opts.withTree ? { withTree: true } : {}),
    ...(opts.intervalMs ? { intervalMs: opts.intervalMs } : {}),
  })) {
    for (const ts of batch) {
      const src = ts.sample.source;
      if (src && src !== 'sidecar' && src !== 'replay' && !announced.has(src)) {
        // Only when the cross-check made a container fall back from the cgroup count to /proc.
        announced.add(src);
        push({ type: 'source', source: src, detail: fellBackDetail(src, ts.key, ts.fellBack) });
      }
      // A container always has a live PID 1; none means it is already gone, and its 0 would be a lie.
      if (ts.sample.live === 0) continue;
      push({ type: 'sample', mode: ts.key as ModeId, sample: ts.sample, ...(ts.tree ? { tree: ts.tree } : {}) });
    }
  }
}

async function sampleSidecarLane(ctx: RunContext, lane: Lane, t0: number, sampling: AbortSignal): Promise<void> {
  const { opts, push } = ctx;
  const { mode } = lane;
  const sc = lane.sidecar;
  if (!sc) return;
  let named = false;
  let fellBack = false;
  const wasCgroup = sc.way.way === 'cgroup';
  for await (const r of sc.readings) {
    if (sampling.aborted) break;
    if (!named) {
      named = true;
      push({ type: 'pid1', mode, name: r.pid1 ?? '?' });
    }
    if (r.live === 0) continue;
    const tree = treeFromReading(r);
    const sample = sampleFromReading(r, Date.now() - t0, opts.pidsLimit);
    if (wasCgroup && sc.way.way === 'proc' && !fellBack) {
      fellBack = true; // the sidecar went back to /proc: say so once
      push({ type: 'source', source: 'sidecar', detail: fellBackDetail('sidecar', mode) });
    }
    push({ type: 'sample', mode, sample, ...(tree ? { tree } : {}) });
  }
  // Ended while its container should still run: say so, rather than let the lane go quiet.
  const demoEnded = lane.stopped || (await settleWithin(lane.waiting.exited.then(() => true), 1000, false));
  if (!demoEnded && !sampling.aborted && !ctx.ctl.stop.aborted && !ctx.signal.aborted) {
    const why = sc.stderrTail().split('\n').at(-1) ?? '';
    push({
      type: 'lane',
      mode,
      state: { kind: 'error', problem: { message: `the sampler next to the ${mode} container ended${why ? `: ${why}` : ''}`, fix: 'zombie-lab doctor checks the sampler; then run again' } },
    });
  }
}

