/**
 * Reading a container's PID namespace for `inspect`, from whichever side can: this host's
 * /proc when the engine runs on this kernel, else a sampler sidecar joined to the namespace.
 * Both give the same NamespaceSnapshot. Read-only: no exec, no signal to the target.
 *
 * This is inspect's thin engine module until the shared counting module lands on main.
 */
import { readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import type { NamespaceSnapshot, ProcInfo } from '../../core/inspect/snapshot.js';
import type { Owner } from '../../core/labels.js';
import { tallyByNamespace } from '../../core/proc-tally.js';
import { parseStatusMasks, type SignalMasks } from '../../core/signal-mask.js';
import { checkHostProc, commOf, listProcStats, NamespaceCache, PROC, pidsCgroupOf, readPids } from '../host-proc.js';
import { LabError } from '../lab-error.js';
import { startSidecar, type Sidecar, type SidecarReading } from '../sidecar.js';

/** Processes listed per snapshot at most (zombies beyond it are still counted). */
export const PROC_LIST_LIMIT = 5000;

export interface NamespaceReader {
  source: NamespaceSnapshot['source'];
  /** Why this source (for the sidecar: why the host's /proc would not do). */
  why: string;
  snapshot(): Promise<NamespaceSnapshot>;
  close(): Promise<void>;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** The PID a process has in its own (innermost) namespace, from the NSpid line of its status. */
function nsPidOf(hostPid: number, status: string | null): number | null {
  const m = status ? /^NSpid:\s*(.+)$/m.exec(status) : null;
  const last = m?.[1]?.trim().split(/\s+/).pop();
  return last ? Number(last) : hostPid === 0 ? 0 : null;
}

function hostSnapshot(initPid: number, ns: string, cache: NamespaceCache, id: string, pidsLimit: number | null): NamespaceSnapshot {
  const stats = listProcStats();
  const tally = tallyByNamespace(stats, cache.lookup(stats), new Set([ns]), { treeLimit: PROC_LIST_LIMIT }).get(ns);
  const entries = tally?.tree ?? [];
  // Host PIDs to the container's own: every listed process's NSpid (a zombie's too).
  const map = new Map<number, number>();
  for (const e of entries) {
    const n = nsPidOf(e.pid, readText(`${PROC}/${e.pid}/status`));
    if (n !== null) map.set(e.pid, n);
  }
  const procs: ProcInfo[] = entries.map((e) => ({ pid: map.get(e.pid) ?? e.pid, ppid: map.get(e.ppid) ?? 0, comm: e.comm, state: e.state }));
  const cmd = readText(`${PROC}/${initPid}/cmdline`) ?? '';
  const masks: SignalMasks | null = parseStatusMasks(readText(`${PROC}/${initPid}/status`) ?? '');
  const pids = readPids(pidsCgroupOf(initPid, PROC, id));
  const pidMax = Number(readText(`${PROC}/sys/kernel/pid_max`)?.trim());
  return {
    source: 'host-proc',
    pid1: { cmdline: cmd.split('\0').filter(Boolean), comm: commOf(initPid), masks },
    procs,
    zombies: tally?.zombies ?? 0,
    live: tally?.live ?? 0,
    pids: { used: pids.current, limit: pids.max ?? (pids.current === null ? pidsLimit : null), refusedForks: pids.refusedForks },
    pidMax: Number.isFinite(pidMax) && pidMax > 0 ? pidMax : null,
    pidMaxSeenFrom: 'host',
  };
}

export function snapshotFromReading(r: SidecarReading, pidsLimit: number | null): NamespaceSnapshot {
  const masks = r.sig ? parseStatusMasks(`SigCgt:\t${r.sig[0]}\nSigIgn:\t${r.sig[1]}\nSigBlk:\t${r.sig[2]}\n`) : null;
  return {
    source: 'sidecar',
    pid1: { cmdline: r.pid1cmd ?? [], comm: r.pid1, masks },
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
  /** Force the sidecar (ZOMBIE_LAB_SAMPLER=sidecar), to try the remote path on a local engine. */
  forceSidecar?: boolean;
  /** Time between sidecar readings. */
  intervalMs?: number;
  signal: AbortSignal;
}

export async function openNamespaceReader(docker: Docker, target: { id: string; initPid: number; pidsLimit: number | null }, opts: OpenReaderOptions): Promise<NamespaceReader> {
  const verdict = checkHostProc(target.initPid, target.id);
  if (verdict.ok && !opts.forceSidecar) {
    const cache = new NamespaceCache();
    return {
      source: 'host-proc',
      why: "the engine runs on this kernel: read from this host's /proc",
      snapshot: async () => hostSnapshot(target.initPid, verdict.ns, cache, target.id, target.pidsLimit),
      close: async () => undefined,
    };
  }
  const why = verdict.ok ? 'forced by ZOMBIE_LAB_SAMPLER=sidecar' : verdict.reason;
  try {
    await docker.getImage(opts.sidecarImage).inspect();
  } catch {
    throw new LabError(`the sampler image ${opts.sidecarImage} is not on this engine (needed because ${why})`, 'run: zombie-lab prepare (it builds the lab images on this engine), then inspect again');
  }
  const sc: Sidecar = await startSidecar(docker, { owner: opts.owner, image: opts.sidecarImage, targetId: target.id, inspect: true, treeLimit: PROC_LIST_LIMIT, intervalMs: opts.intervalMs ?? 250, ttlS: 600, signal: opts.signal });
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
    why,
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
