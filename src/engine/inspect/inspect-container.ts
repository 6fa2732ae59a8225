/**
 * One `inspect` of one container: the engine's facts, reads of its PID namespace until every
 * zombie's parent is judged (core/inspect/reaping.ts: at most REAP_JUDGE_DEADLINE_MS), and with
 * a watch the zombie count once a second. A container that is paused, or ends while it is read,
 * gets no verdict: its state instead. Read-only on the target; a sidecar, if one was needed, is
 * removed before this returns.
 */
import type Docker from 'dockerode';
import { growthPerSecond, type Growth } from '../../core/inspect/diagnosis.js';
import { REAP_JUDGE_DEADLINE_MS, REAP_READ_EVERY_MS, ZombieTracker, type Reaping } from '../../core/inspect/reaping.js';
import { lastingZombies, type ContainerFacts, type ContainerState, type NamespaceSnapshot, type ProcInfo } from '../../core/inspect/snapshot.js';
import type { Owner } from '../../core/labels.js';
import { stateText } from '../../core/inspect/report.js';
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
  /** The zombies followed read by read: who reaps them. */
  reaping: Reaping;
  /** Why this source was used. */
  why: string;
}

/** A container inspect gives no verdict on: paused, or ended (or restarted) while it was read. */
export interface NotJudged {
  facts: ContainerFacts;
  state: ContainerState;
}

/** What the engine says now, against the run that was being read. */
async function stateAfter(docker: Docker, id: string, initPid: number): Promise<ContainerState | null> {
  let info: Docker.ContainerInspectInfo;
  try {
    info = await docker.getContainer(id).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return { state: 'removed', during: true, exitCode: null, at: null };
    throw err;
  }
  if (info.State.Paused) return { state: 'paused', during: true, exitCode: null, at: null };
  if (!info.State.Running) return { state: 'exited', during: true, exitCode: info.State.ExitCode, at: info.State.FinishedAt || null };
  if (info.State.Pid !== initPid) return { state: 'restarted', during: true, exitCode: null, at: info.State.StartedAt || null };
  return null;
}

export async function inspectContainer(docker: Docker, nameOrId: string, opts: InspectOptions): Promise<InspectResult | NotJudged> {
  let info: Docker.ContainerInspectInfo;
  try {
    info = await docker.getContainer(nameOrId).inspect();
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw LabError.of({ id: 'no-such-container', name: nameOrId });
    throw err;
  }
  const { facts, running, initPid } = factsFromInspect(info);
  if (!running) throw LabError.of({ id: 'container-not-running', name: facts.name });
  // A paused container's processes are frozen: nothing it does (reap, act on a signal) shows now.
  if (info.State.Paused) return { facts, state: { state: 'paused', during: false, exitCode: null, at: null } };
  let reader;
  try {
    reader = await openNamespaceReader(docker, { id: facts.id, initPid, pidsLimit: facts.pidsLimit }, {
      owner: opts.owner,
      sidecarImage: opts.sidecarImage,
      intervalMs: REAP_READ_EVERY_MS,
      signal: opts.signal,
    });
  } catch (err) {
    const st = await stateAfter(docker, facts.id, initPid);
    if (st) return { facts, state: st };
    throw err;
  }
  const tracker = new ZombieTracker();
  let readError: Error | null = null;
  let prev: NamespaceSnapshot | null = null;
  let last: NamespaceSnapshot | null = null;
  let lastingGapMs = REAP_READ_EVERY_MS;
  let growth: Growth | null = null;
  try {
    const t0 = Date.now();
    let prevT = 0;
    // Read until every zombie's parent is judged: a zombie outlasting the longest known reap
    // interval is not being reaped; one that goes, is (reaping.ts). The same bound for every init.
    for (;;) {
      const s = await reader.snapshot();
      const t = Date.now() - t0;
      // PID 1 gone: the container ended under us (the engine says how, below).
      if (s.procs.length === 0) break;
      tracker.observe(t, s.procs, s.nowTicks ?? null);
      [prev, last] = [last, s];
      lastingGapMs = t - prevT;
      prevT = t;
      if ((prev && tracker.done()) || t >= REAP_JUDGE_DEADLINE_MS) break;
      await abortableDelay(REAP_READ_EVERY_MS, opts.signal);
    }
    if (last && opts.watchMs && opts.watchMs > 0) {
      const w0 = Date.now();
      const samples = [{ t: 0, zombies: last.zombies }];
      opts.onSample?.(0, last.zombies);
      while (Date.now() - w0 < opts.watchMs) {
        await abortableDelay(Math.min(1000, opts.watchMs - (Date.now() - w0)), opts.signal);
        opts.signal.throwIfAborted();
        const s = await reader.snapshot();
        if (s.procs.length === 0) break;
        const t = Date.now() - w0;
        tracker.observe(Date.now() - t0, s.procs, s.nowTicks ?? null);
        [prev, last] = [last, s];
        lastingGapMs = t - (samples.at(-1)?.t ?? 0);
        samples.push({ t, zombies: s.zombies });
        opts.onSample?.(t, s.zombies);
      }
      growth = { seconds: (samples.at(-1)?.t ?? 0) / 1000, samples, perSecond: growthPerSecond(samples) };
    }
  } catch (err) {
    if (opts.signal.aborted) throw err;
    readError = err instanceof Error ? err : new Error(String(err));
  } finally {
    await reader.close();
  }
  // Ended, paused or restarted while it was read: what was read says nothing about the container as it is.
  const st = await stateAfter(docker, facts.id, initPid);
  if (st) return { facts, state: st };
  if (readError) throw readError;
  if (!last) throw new LabError(`container ${facts.name} showed no processes`, 'check that it still runs (docker ps), then inspect again');
  const lasting = prev ? lastingZombies(prev.procs, last.procs) : last.procs.filter((p) => p.state === 'Z');
  return { facts, snapshot: last, lasting, lastingGapMs, growth, reaping: tracker.result(), why: reader.why };
}

export function isNotJudged(r: InspectResult | NotJudged): r is NotJudged {
  return 'state' in r;
}

/** inspectContainer for callers that need a verdict: a paused or ended container is a LabError. */
export async function inspectOne(docker: Docker, nameOrId: string, opts: InspectOptions): Promise<InspectResult> {
  const r = await inspectContainer(docker, nameOrId, opts);
  if (isNotJudged(r)) throw new LabError(`container ${r.facts.name} ${stateText(r.state)}: no verdict`, r.state.state === 'paused' ? `docker unpause ${r.facts.name}, then inspect again` : 'start it again (docker start), then inspect again');
  return r;
}
