/**
 * The sidecar's line protocol: what images/sampler/sampler.py writes, one JSON line at a time,
 * read into the lab's readings. Pure: the sidecar's container and its stream are
 * src/engine/sidecar.ts's; here only lines go in and readings come out.
 *
 * The first line says which way the sidecar counts (SidecarWay). On the /proc way each line is a
 * scan's counts; on the cgroup way (cgroup v2) each line is the demo's pids cgroup, with the last
 * /proc cross-check riding along, whose verdicts are judged here (CrossCheck).
 */
import { accountingFromCounts, type PidsAccounting } from './cgroup-files.js';
import { CrossCheck } from './cross-check.js';
import type { ProcEntry } from './run-events.js';
import { confirmedZombies } from './sample.js';
import { parseStatusMasks, type SignalMasks } from './signal-mask.js';

/** The /proc counts of one scan inside the PID namespace. */
export interface ProcCounts {
  zombies: number;
  live: number;
  threads: number;
}

/** One reading of the sidecar, as the lab uses it. */
export interface SidecarReading extends ProcCounts {
  pid1: string | null;
  costUs: number;
  rateHz?: number;
  tree?: [number, number, string, string][];
  /** PID 1's signal masks from /proc/1/status (hex), in a one-shot reading. */
  SigBlk?: string;
  SigIgn?: string;
  SigCgt?: string;
  /** PID 1's command line (/proc/1/cmdline split at NULs), in a one-shot reading. */
  pid1cmd?: string[];
  /** The engine kernel's pid_max, in a one-shot reading. */
  pidMax?: number;
  /** The highest PID in the namespace (the sampler's own excluded), in a one-shot reading. */
  lastPid?: number;
  /** The namespace's PID counter (/proc/sys/kernel/ns_last_pid read inside it, the sampler's own PID included), in a one-shot reading. */
  nsLastPid?: number;
  /** The sampler's own PID in the namespace: the first its start took. */
  nsSelfPid?: number;
  /** [pid, argv] of the live processes in the tree, in a one-shot reading. */
  cmds?: [number, string[]][];
  /** On the cgroup way: the demo's pids cgroup (zombies/live/threads above come from it, zombies confirmed over two ticks). */
  cgroup?: PidsAccounting;
  /**
   * On the cgroup way: the last /proc cross-check (its count, cost, age and pace; `before`: the
   * cgroup's count when it began, `endedAt`: when it ended, on this host's clock, the same on
   * every reading that carries it).
   */
  procCheck?: { zombies: number; ageMs: number; costUs: number; rateHz: number; before: number; endedAt: number };
}

/** Which way the sidecar counts: its first line. */
export interface SidecarWay {
  way: 'cgroup' | 'proc';
  /** Why not the cgroup (null on the cgroup way). */
  why: string | null;
  /** The demo's cgroup directory as the sidecar sees it. */
  cgroup: string | null;
  /** The engine machine's pid_max and the tasks on it when the sidecar started. */
  pidMax?: number;
  tasks?: number;
}

/** The line sampler.py writes: /proc counts, or on the cgroup way `cg` (and `proc` after a scan). */
interface WireLine {
  way?: 'cgroup' | 'proc';
  why?: string | null;
  cgroup?: string | null;
  pidMax?: number;
  tasks?: number;
  zombies?: number;
  live?: number;
  threads?: number;
  pid1?: string | null;
  costUs?: number;
  rateHz?: number;
  procRateHz?: number;
  tree?: [number, number, string, string][];
  SigBlk?: string;
  SigIgn?: string;
  SigCgt?: string;
  pid1cmd?: string[];
  lastPid?: number;
  nsLastPid?: number;
  nsSelfPid?: number;
  cmds?: [number, string[]][];
  /** [pids.current, threads listed, processes listed, pids.max (-1: max), refused forks, pids.peak (-1: none)] */
  cg?: number[];
  /** [zombies, live, threads, scan cost µs, cgroup zombies when the scan began, ms since it ended] */
  proc?: number[];
}

function parseLine(line: string): WireLine | null {
  try {
    const r = JSON.parse(line) as unknown;
    return r && typeof r === 'object' ? (r as WireLine) : null;
  } catch {
    return null;
  }
}

/** A /proc-way line as a reading (the cgroup way's lines go through the cross-check in SidecarLines). */
export function parseReading(line: string): SidecarReading | null {
  const r = parseLine(line);
  if (!r || typeof r.zombies !== 'number' || typeof r.live !== 'number' || typeof r.threads !== 'number') return null;
  return { zombies: r.zombies, live: r.live, threads: r.threads, pid1: r.pid1 ?? null, costUs: r.costUs ?? 0, ...(r.rateHz !== undefined ? { rateHz: r.rateHz } : {}), ...(r.tree ? { tree: r.tree } : {}), ...onceFields(r) };
}

/** PID 1's signal masks and pid_max, on one-shot readings. */
function onceFields(r: WireLine): Pick<SidecarReading, 'SigBlk' | 'SigIgn' | 'SigCgt' | 'pid1cmd' | 'pidMax' | 'lastPid' | 'nsLastPid' | 'nsSelfPid' | 'cmds'> {
  return {
    ...(r.lastPid !== undefined ? { lastPid: r.lastPid } : {}),
    ...(Number.isInteger(r.nsLastPid) ? { nsLastPid: r.nsLastPid } : {}),
    ...(Number.isInteger(r.nsSelfPid) ? { nsSelfPid: r.nsSelfPid } : {}),
    ...(Array.isArray(r.cmds) ? { cmds: r.cmds } : {}),
    ...(Array.isArray(r.pid1cmd) ? { pid1cmd: r.pid1cmd } : {}),
    ...(r.SigBlk !== undefined ? { SigBlk: r.SigBlk } : {}),
    ...(r.SigIgn !== undefined ? { SigIgn: r.SigIgn } : {}),
    ...(r.SigCgt !== undefined ? { SigCgt: r.SigCgt } : {}),
    ...(r.pidMax !== undefined ? { pidMax: r.pidMax } : {}),
  };
}

/** The cgroup counts of a cgroup-way line, in the lab's own accounting. */
export function cgroupOfLine(cg: number[]): PidsAccounting | null {
  if (cg.length < 6 || !cg.every(Number.isInteger)) return null;
  const [pidsUsed, threads, processes, max, refused, peak] = cg as [number, number, number, number, number, number];
  return accountingFromCounts({ pidsUsed, threads, processes, pidsMax: max < 0 ? null : max, refusedForks: refused, peak: peak < 0 ? null : peak });
}

/** PID 1's masks from a one-shot reading (null without them). */
export function masksOfReading(r: SidecarReading): SignalMasks | null {
  return r.SigCgt !== undefined ? parseStatusMasks(`SigBlk:\t${r.SigBlk ?? '0'}\nSigIgn:\t${r.SigIgn ?? '0'}\nSigCgt:\t${r.SigCgt}\n`) : null;
}

/** The tree a reading carries, as the lab's process entries (undefined without one). */
export function treeFromReading(r: SidecarReading): ProcEntry[] | undefined {
  return r.tree?.map(([pid, ppid, comm, state]) => ({ pid, ppid, comm, state }));
}

/**
 * Turns the sidecar's lines into readings, keeping what spans lines: the previous cgroup count
 * (confirmedZombies), the last /proc scan and its tree, and the cross-check. `toProc` asks the
 * sidecar to scan /proc instead (after three quiet disagreements by the same difference).
 */
export class SidecarLines {
  private previous: number | undefined;
  private check = new CrossCheck();
  private lastProc: { counts: ProcCounts; costUs: number; rateHz: number; before: number; endedAt: number } | null = null;
  private tree: [number, number, string, string][] | undefined;
  way: SidecarWay | null = null;

  constructor(private readonly toProc: () => void) {}

  /** A reading, or null for lines that are not one (the way line, noise). */
  take(line: string, now = Date.now()): SidecarReading | null {
    const w = parseLine(line);
    if (!w) return null;
    if (w.way) {
      this.way = { way: w.way, why: w.why ?? null, cgroup: w.cgroup ?? null, ...(w.pidMax ? { pidMax: w.pidMax } : {}), ...(w.tasks ? { tasks: w.tasks } : {}) };
      return null;
    }
    if (!w.cg) {
      // The /proc way: the same two-reading rule, so a child between exit and reap is no "peak".
      const r = parseReading(line);
      if (!r) return null;
      const raw = r.zombies;
      r.zombies = confirmedZombies(this.previous, raw);
      this.previous = raw;
      return r;
    }
    const acc = cgroupOfLine(w.cg);
    if (!acc) return null;
    if (w.tree) this.tree = w.tree;
    if (w.proc && w.proc.length >= 6) {
      const [zombies, live, threads, costUs, before, ageMs] = w.proc as [number, number, number, number, number, number];
      this.lastProc = { counts: { zombies, live, threads }, costUs, rateHz: w.procRateHz ?? 0, before, endedAt: now - ageMs };
      // The sidecar's count when the scan began against the count now: only a quiet container can be judged.
      if (this.check.judge(before, acc.zombies, zombies) === 'fall-back') this.toProc();
    }
    const zombies = confirmedZombies(this.previous, acc.zombies);
    this.previous = acc.zombies;
    const p = this.lastProc;
    return {
      zombies,
      live: acc.processes,
      threads: acc.threads,
      pid1: w.pid1 ?? null,
      costUs: w.costUs ?? 0,
      cgroup: acc,
      ...(w.rateHz !== undefined ? { rateHz: w.rateHz } : {}),
      ...(this.tree ? { tree: this.tree } : {}),
      ...(p ? { procCheck: { zombies: p.counts.zombies, ageMs: now - p.endedAt, costUs: p.costUs, rateHz: p.rateHz, before: p.before, endedAt: p.endedAt } } : {}),
      ...onceFields(w),
    };
  }
}
