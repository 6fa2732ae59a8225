/**
 * How one container's zombies are counted, the same way for every feature: `planCounting` makes
 * the choice (core/sampler-choice.ts chooseSource) from what the kernel shows of the container,
 * and `countNow` takes one reading by that plan, from this host's /proc and pids cgroup where the
 * engine runs on this kernel, or from a one-shot sidecar in the container's PID namespace where
 * it does not (Docker Desktop, a remote DOCKER_HOST). The live demo streams by the same plan.
 */
import type Docker from 'dockerode';
import type { Owner } from '../core/labels.js';
import { tallyByNamespace } from '../core/proc-tally.js';
import type { ProcEntry } from '../core/run-events.js';
import { chooseSource, parseSamplerChoice, type CountingSource, type SamplerChoice } from '../core/sampler-choice.js';
import { parseStatusMasks, type SignalMasks } from '../core/signal-mask.js';
import { checkHostProc, commOf, listProcStats, NamespaceCache, nsPidOf, pidsCgroupOf, PROC, readPids, readPidsAccounting, type PidsCgroup } from './host-proc.js';
import { LabError } from './lab-error.js';
import { masksOfReading, treeFromReading, type SidecarWay } from '../core/sidecar-protocol.js';
import { startSidecar } from './sidecar.js';
import { readFileSync } from 'node:fs';
import { settleWithin } from './timeout.js';

/** What a container's counting rests on; `ns` and `cgroup` only where this host sees it. */
export interface CountingPlan {
  source: CountingSource;
  why: string;
  ns: string | null;
  cgroup: PidsCgroup | null;
}

export interface CountTarget {
  id: string;
  /** PID of the container's init as the engine reports it (a host PID only on this kernel). */
  initPid: number;
}

/** The sampler choice from ZOMBIE_LAB_SAMPLER, as a LabError when it is wrong. */
export function samplerChoiceFromEnv(env: NodeJS.ProcessEnv = process.env): SamplerChoice {
  try {
    return parseSamplerChoice(env.ZOMBIE_LAB_SAMPLER);
  } catch (err) {
    throw LabError.of({ id: 'sampler-choice', detail: err instanceof Error ? err.message : String(err) });
  }
}

export function planCounting(target: CountTarget, choice: SamplerChoice = samplerChoiceFromEnv()): CountingPlan {
  const verdict = checkHostProc(target.initPid, target.id);
  const cgroup = verdict.ok ? pidsCgroupOf(target.initPid, undefined, target.id) : null;
  const { source, why } = chooseSource({
    choice,
    hostSees: verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason },
    cgroupReadable: readPidsAccounting(cgroup) !== null,
  });
  return { source, why, ns: verdict.ok && source !== 'sidecar' ? verdict.ns : null, cgroup: source === 'sidecar' ? null : cgroup };
}

/** A live process in the counted namespace, with what the kernel says it runs. */
export interface ProcFact {
  pid: number;
  ppid: number;
  comm: string;
  /** /proc/<pid>/cmdline split at NULs; empty when it could not be read. */
  argv: string[];
}

/**
 * A reading of a namespace's PID counter by a sampler inside it: `last` is ns_last_pid, `sampler`
 * the sampler's own PID, the first its container's start took (runc's threads took a few more
 * after it, a varying number): so `sampler - 1` PIDs were handed out before that sampler came.
 */
export interface PidCounter {
  last: number;
  sampler: number;
}

/** PIDs the namespace handed out between two counter readings, none of them to our samplers. */
export function forksBetween(before: PidCounter | null, after: PidCounter | null): number | null {
  if (!before || !after) return null;
  return Math.max(0, after.sampler - 1 - before.last);
}

/** One reading of a container's PID namespace. */
export interface Measured {
  source: CountingSource;
  pid1: string | null;
  zombies: number;
  live: number;
  /** Forks the pids cgroup refused (EAGAIN in the container); null where the cgroup is out of reach. */
  refusedForks: number | null;
  /** PIDs charged to the container (live threads + zombies). */
  pidsUsed: number | null;
  /** The pids cgroup's limit (pids.max); null: no limit, or the cgroup is out of reach (pidsUsed null too). */
  pidsMax: number | null;
  /** Commands of the live processes in the namespace. */
  comms: string[];
  tree: ProcEntry[];
  /** PID 1's signal masks (/proc/1/status in its namespace). */
  pid1Masks: SignalMasks | null;
  /** PID 1's command line (/proc/1/cmdline split at NULs; empty when it cannot be read). */
  pid1Cmdline: string[];
  /** The pid_max of the engine's kernel (all containers and the engine's machine share it). */
  pidMax: number | null;
  /**
   * The highest PID the namespace has handed out so far, in its own numbering (NSpid). A fresh
   * namespace numbers its processes 1, 2, 3, ...: this counts the forks done in it.
   */
  lastNsPid: number | null;
  /**
   * The namespace's PID counter as its kernel keeps it (/proc/sys/kernel/ns_last_pid, which only
   * a process inside the namespace can read), with the reading sampler's own PID: through the
   * sidecar; null on this host's /proc.
   */
  pidCounter: PidCounter | null;
  /** The live processes of the namespace with their command lines (lab checks verify the workload by them). */
  procs: ProcFact[];
  /** The sidecar's way of counting (its pids cgroup on cgroup v2, else /proc, and why). */
  sidecarWay?: SidecarWay;
}

export interface CountOptions {
  docker: Docker;
  owner: Owner;
  /** An image with python3 on this engine (the lab's base image, or one built from it), for the sidecar. */
  sidecarImage: string;
  signal?: AbortSignal;
  /** The container whose PID namespace is counted, when it is not the target's own (a shared PID namespace). */
  nsOwner?: CountTarget;
  plan?: CountingPlan;
  /** Doctor's probe: the sidecar runs even where the PID-limit gate refuses zombie-making containers. */
  diagnostic?: boolean;
}

const TREE_LIMIT = 2000;

/** One reading of the target's PID namespace by the plan: the same numbers whichever source. */
export async function countNow(target: CountTarget, opts: CountOptions): Promise<Measured> {
  const owner = opts.nsOwner ?? target;
  const plan = opts.plan ?? planCounting(owner);
  if (plan.source === 'sidecar') return countWithSidecar(target, owner, plan, opts);
  const stats = listProcStats();
  const ns = plan.ns as string;
  const tally = tallyByNamespace(stats, new NamespaceCache().lookup(stats), new Set([ns]), { treeLimit: TREE_LIMIT }).get(ns);
  const pids = readPids(pidsCgroupOf(target.initPid, undefined, target.id));
  const tree = tally?.tree ?? [];
  let masks: SignalMasks | null = null;
  try {
    masks = parseStatusMasks(readFileSync(`${PROC}/${owner.initPid}/status`, 'utf8'));
  } catch {
    masks = null; // PID 1 exited: nothing to say about its handlers
  }
  return {
    source: plan.source,
    pid1: commOf(owner.initPid),
    zombies: tally?.zombies ?? 0,
    live: tally?.live ?? 0,
    refusedForks: pids.refusedForks,
    pidsUsed: pids.current,
    pidsMax: pids.max,
    comms: tree.filter((p) => p.state !== 'Z').map((p) => p.comm),
    tree,
    pid1Masks: masks,
    pid1Cmdline: readCmdline(owner.initPid),
    pidMax: readPidMax(),
    lastNsPid: lastNsPidOf(tree),
    pidCounter: null,
    procs: tree.filter((p) => p.state !== 'Z').map((p) => ({ pid: p.pid, ppid: p.ppid, comm: p.comm, argv: readCmdline(p.pid) })),
  };
}

/** The newest PID in the namespace's own numbering: the last field of NSpid, over its processes. */
function lastNsPidOf(tree: ProcEntry[]): number | null {
  let last: number | null = null;
  for (const p of tree) {
    const n = nsPidOf(p.pid); // null: ended between the scan and this read
    if (n !== null && (last === null || n > last)) last = n;
  }
  return last;
}

function readCmdline(pid: number): string[] {
  try {
    return readFileSync(`${PROC}/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

function readPidMax(): number | null {
  try {
    const n = Number(readFileSync(`${PROC}/sys/kernel/pid_max`, 'utf8').trim());
    return Number.isInteger(n) ? n : null;
  } catch {
    return null;
  }
}

async function countWithSidecar(target: CountTarget, owner: CountTarget, plan: CountingPlan, opts: CountOptions): Promise<Measured> {
  const sc = await startSidecar(opts.docker, {
    owner: opts.owner,
    image: opts.sidecarImage,
    targetId: owner.id,
    treeLimit: TREE_LIMIT,
    once: true,
    ttlS: 60,
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.diagnostic ? { diagnostic: true } : {}),
  });
  try {
    const first = await settleWithin(sc.readings.next(), 15_000, null);
    const r = first && !first.done ? first.value : null;
    if (!r) {
      throw LabError.of({ id: 'sampler-no-reading', container: target.id.slice(0, 12), tail: sc.stderrTail() ? (sc.stderrTail().split('\n').at(-1) ?? null) : null });
    }
    const tree = treeFromReading(r) ?? [];
    const masks = masksOfReading(r);
    return {
      source: plan.source,
      pid1: r.pid1,
      // One reading, nothing to confirm it by: on the cgroup way a fork in flight or a child between
      // exit and reap can count as a zombie; a real pile is in the cgroup and in the /proc scan alike.
      zombies: r.procCheck ? Math.min(r.zombies, r.procCheck.zombies) : r.zombies,
      live: r.live,
      // On cgroup v2 the sidecar reads the demo's pids cgroup; elsewhere pids.events is out of its reach.
      refusedForks: r.cgroup?.refusedForks ?? null,
      pidsUsed: r.cgroup?.pidsUsed ?? r.threads + r.zombies,
      pidsMax: r.cgroup?.pidsMax ?? null,
      comms: tree.filter((p) => p.state !== 'Z').map((p) => p.comm),
      tree,
      pid1Masks: masks,
      pid1Cmdline: r.pid1cmd ?? [],
      pidMax: r.pidMax ?? null,
      // In the namespace the sidecar sees its PIDs as the namespace numbers them.
      lastNsPid: r.lastPid ?? null,
      pidCounter: r.nsLastPid !== undefined && r.nsSelfPid !== undefined ? { last: r.nsLastPid, sampler: r.nsSelfPid } : null,
      procs: (r.cmds ?? []).flatMap(([pid, argv]) => {
        const p = tree.find((e) => e.pid === pid && e.state !== 'Z');
        return p ? [{ pid, ppid: p.ppid, comm: p.comm, argv }] : [];
      }),
      sidecarWay: sc.way,
    };
  } finally {
    await sc.close();
  }
}
