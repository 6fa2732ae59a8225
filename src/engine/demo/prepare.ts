/** The first phase of a run: build what is missing and start one waiting container per mode. */
import type Docker from 'dockerode';
import { demoSpec, type Limits } from '../../core/container-spec.js';
import type { Owner } from '../../core/labels.js';
import type { ModeId } from '../../core/modes.js';
import type { RunEvent } from '../../core/run-events.js';
import { removeQuietly, startWaiting, type Waiting } from '../containers.js';
import { assertPidLimitHolds } from '../engine-facts.js';
import { imageTags, readyImages, type ImageTags } from '../images.js';
import { ownerFor } from '../run-id.js';
import type { DemoOptions } from './demo-options.js';

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
    images = await readyImages(docker, { signal: p.signal, ...(opts.way ? { way: opts.way } : {}) }, onEvent);
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
export function usable(prepared: PreparedDemo, modes: ModeId[]): boolean {
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
