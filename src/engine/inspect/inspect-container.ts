/**
 * One `inspect` of one container: the engine's facts, two snapshots of its PID namespace a
 * moment apart (so a child between exit and wait is not counted as a pile), and with a watch
 * the zombie count once a second. Read-only on the target; a sidecar, if one was needed, is
 * removed before this returns.
 */
import type Docker from 'dockerode';
import { growthPerSecond, type Growth } from '../../core/inspect/diagnosis.js';
import { lastingZombies, type ContainerFacts, type NamespaceSnapshot, type ProcInfo } from '../../core/inspect/snapshot.js';
import type { Owner } from '../../core/labels.js';
import { LabError } from '../lab-error.js';
import { abortableDelay } from '../timeout.js';
import { factsFromInspect } from './container-facts.js';
import { openNamespaceReader } from './namespace-reader.js';

export interface InspectOptions {
  owner: Owner;
  sidecarImage: string;
  /** Watch this long (ms), sampling once a second; 0: no watch. */
  watchMs?: number;
  /** Each watch sample as it comes (for a live line). */
  onSample?: (t: number, zombies: number) => void;
  signal: AbortSignal;
}

export interface InspectResult {
  facts: ContainerFacts;
  snapshot: NamespaceSnapshot;
  lasting: ProcInfo[];
  /** How far apart the two reads were that `lasting` comes from. */
  lastingGapMs: number;
  growth: Growth | null;
  /** Why this source was used. */
  why: string;
}

/** Gap between the two snapshots; a parent that waits has reaped its child by then. */
export const CONFIRM_GAP_MS = 300;

export async function inspectOne(docker: Docker, nameOrId: string, opts: InspectOptions): Promise<InspectResult> {
  let info: Docker.ContainerInspectInfo;
  try {
    info = await docker.getContainer(nameOrId).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw new LabError(`no container named or with id "${nameOrId}" on this engine`, 'docker ps lists the running ones; or use --all');
    throw err;
  }
  const { facts, running, initPid } = factsFromInspect(info);
  if (!running) throw new LabError(`container ${facts.name} is not running`, `inspect reads a running container: docker start ${facts.name}, or pick one from docker ps`);
  const reader = await openNamespaceReader(docker, { id: facts.id, initPid, pidsLimit: facts.pidsLimit }, {
    owner: opts.owner,
    sidecarImage: opts.sidecarImage,
    intervalMs: CONFIRM_GAP_MS,
    signal: opts.signal,
  });
  try {
    const first = await reader.snapshot();
    await abortableDelay(CONFIRM_GAP_MS, opts.signal);
    let last = await reader.snapshot();
    // Lasting: in the last read and the one before it (after a watch, the last two of the watch,
    // so the count, the lasting ones and their parents describe the same moment).
    let lasting = lastingZombies(first.procs, last.procs);
    let lastingGapMs = CONFIRM_GAP_MS;
    let growth: Growth | null = null;
    if (opts.watchMs && opts.watchMs > 0) {
      const t0 = Date.now();
      const samples = [{ t: 0, zombies: last.zombies }];
      opts.onSample?.(0, last.zombies);
      while (Date.now() - t0 < opts.watchMs) {
        await abortableDelay(Math.min(1000, opts.watchMs - (Date.now() - t0)), opts.signal);
        opts.signal.throwIfAborted();
        const prev = last;
        const prevT = samples.at(-1)?.t ?? 0;
        last = await reader.snapshot();
        const t = Date.now() - t0;
        lasting = lastingZombies(prev.procs, last.procs);
        lastingGapMs = t - prevT;
        samples.push({ t, zombies: last.zombies });
        opts.onSample?.(t, last.zombies);
      }
      growth = { seconds: (samples.at(-1)?.t ?? 0) / 1000, samples, perSecond: growthPerSecond(samples) };
    }
    return { facts, snapshot: last, lasting, lastingGapMs, growth, why: reader.why };
  } finally {
    await reader.close();
  }
}
