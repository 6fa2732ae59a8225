/**
 * Reading a container's PID namespace for `inspect`, by the lab's one counting plan
 * (zombie-count.ts planCounting): this host's /proc and pids cgroup when the engine runs on this
 * kernel (countNow), else a sampler sidecar joined to the namespace that stays for the whole
 * inspect (two reads and a watch need more than one reading). Both give the same
 * NamespaceSnapshot, with the container's own PIDs. Read-only: no exec, no signal to the target.
 */
import type Docker from 'dockerode';
import type { NamespaceSnapshot, ProcInfo } from '../../core/inspect/snapshot.js';
import type { Owner } from '../../core/labels.js';
import { nsPidOf } from '../host-proc.js';
import { LabError } from '../lab-error.js';
import { masksOfReading, type SidecarReading } from '../../core/sidecar-protocol.js';
import { startSidecar } from '../sidecar.js';
import { countNow, planCounting, type Measured } from '../zombie-count.js';
import { masksOf, nowTicks, scriptOf, startTicksOf } from './host-details.js';

/** Processes listed per sidecar reading at most (zombies beyond it are still counted). */
export const SIDECAR_LIST_LIMIT = 2000;

export interface NamespaceReader {
  source: NamespaceSnapshot['source'];
  /** Why this source (for the sidecar: why the host's /proc would not do). */
  why: string;
  snapshot(): Promise<NamespaceSnapshot>;
  close(): Promise<void>;
}

/** A host reading with host PIDs turned into the container's own (every listed process's NSpid), with the details inspect needs. */
function fromHostReading(m: Measured, initPid: number, pidsLimit: number | null): NamespaceSnapshot {
  const map = new Map<number, number>();
  for (const e of m.tree) {
    const n = nsPidOf(e.pid);
    if (n !== null) map.set(e.pid, n);
  }
  const argvs = new Map(m.procs.map((p) => [p.pid, p.argv]));
  // The way down from PID 1 to the app: PID 1's children and theirs (an init, a shell, the app).
  const chain = new Set<number>([initPid]);
  for (let depth = 0; depth < 3; depth++) for (const e of m.tree) if (chain.has(e.ppid) && e.state !== 'Z') chain.add(e.pid);
  const procs: ProcInfo[] = m.tree.map((e) => {
    const p: ProcInfo = { pid: map.get(e.pid) ?? e.pid, ppid: map.get(e.ppid) ?? 0, comm: e.comm, state: e.state };
    if (e.state === 'Z') {
      const start = startTicksOf(e.pid);
      if (start !== undefined) p.startTicks = start;
    } else if (chain.has(e.pid) && e.pid !== initPid) {
      const argv = argvs.get(e.pid) ?? [];
      p.cmdline = argv;
      p.masks = masksOf(e.pid);
      const script = scriptOf(argv, e.pid);
      if (script) p.script = script;
    }
    return p;
  });
  const pid1Script = scriptOf(m.pid1Cmdline, initPid);
  return {
    source: m.source,
    pid1: { cmdline: m.pid1Cmdline, comm: m.pid1, masks: m.pid1Masks, ...(pid1Script ? { script: pid1Script } : {}) },
    procs,
    zombies: m.zombies,
    live: m.live,
    // A readable cgroup's pids.max is the truth (null there: no limit); else the engine's word.
    pids: { used: m.pidsUsed, limit: m.pidsUsed !== null ? m.pidsMax : pidsLimit, refusedForks: m.refusedForks },
    pidMax: m.pidMax,
    pidMaxSeenFrom: 'host',
    nowTicks: nowTicks(),
  };
}

export function snapshotFromReading(r: SidecarReading, pidsLimit: number | null): NamespaceSnapshot {
  const pid1Script = scriptOf(r.pid1cmd ?? [], null);
  return {
    source: 'sidecar',
    pid1: { cmdline: r.pid1cmd ?? [], comm: r.pid1, masks: masksOfReading(r), ...(pid1Script ? { script: pid1Script } : {}) },
    procs: (r.tree ?? []).map(([pid, ppid, comm, state]) => ({ pid, ppid, comm, state })),
    zombies: r.zombies,
    live: r.live,
    // pids.current and pids.events live in the engine's cgroups, out of the sidecar's reach.
    pids: { used: r.threads + r.zombies, limit: pidsLimit, refusedForks: null },
    pidMax: r.pidMax ?? null,
    pidMaxSeenFrom: 'container',
  };
}

export interface OpenReaderOptions {
  owner: Owner;
  /** The lab's base image on this engine (python3 for the sidecar). */
  sidecarImage: string;
  /** Time between sidecar readings. */
  intervalMs?: number;
  signal: AbortSignal;
}

export async function openNamespaceReader(docker: Docker, target: { id: string; initPid: number; pidsLimit: number | null }, opts: OpenReaderOptions): Promise<NamespaceReader> {
  const plan = planCounting(target);
  if (plan.source !== 'sidecar') {
    return {
      source: plan.source,
      why: plan.why,
      snapshot: async () => fromHostReading(await countNow(target, { docker, owner: opts.owner, sidecarImage: opts.sidecarImage, plan }), target.initPid, target.pidsLimit),
      close: async () => undefined,
    };
  }
  try {
    await docker.getImage(opts.sidecarImage).inspect();
  } catch {
    throw new LabError(`the sampler image ${opts.sidecarImage} is not on this engine (needed because ${plan.why})`, 'run: zombie-lab prepare (it builds the lab images on this engine), then inspect again');
  }
  const sc = await startSidecar(docker, { owner: opts.owner, image: opts.sidecarImage, targetId: target.id, once: true, treeLimit: SIDECAR_LIST_LIMIT, intervalMs: opts.intervalMs ?? 250, ttlS: 900, signal: opts.signal });
  // The sidecar writes a line every interval: keep only the newest, so a snapshot is never a stale one.
  let latest: SidecarReading | null = null;
  let ended = false;
  let wake = (): void => undefined;
  void (async () => {
    for await (const r of sc.readings) {
      latest = r;
      wake();
    }
    ended = true;
    wake();
  })();
  return {
    source: 'sidecar',
    why: plan.why,
    async snapshot() {
      while (!latest && !ended) await new Promise<void>((r) => (wake = r));
      const r = latest;
      latest = null;
      if (!r) throw new LabError(`the sampler next to ${target.id.slice(0, 12)} ended: ${sc.stderrTail() || 'the container stopped'}`, 'check that the container still runs (docker ps), then inspect again');
      return snapshotFromReading(r, target.pidsLimit);
    },
    close: () => sc.close(),
  };
}
