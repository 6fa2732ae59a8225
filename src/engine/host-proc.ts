/** A process's PID in its own (innermost) namespace: the last field of NSpid in its status; 1 for a container's PID 1. Null once it is gone. */
export function nsPidOf(pid: number, proc = PROC): number | null {
  const n = Number(/^NSpid:\s*([\d\s]+)$/m.exec(readOrNull(`${proc}/${pid}/status`) ?? '')?.[1]?.trim().split(/\s+/).at(-1));
  return Number.isInteger(n) ? n : null;
}

/**
 * Reading the host's /proc and the container's pids cgroup. Synchronous on purpose: a read of
 * a /proc file never blocks on a disk, and a few hundred short sync reads beat the thread pool
 * round trips of fs/promises (and cannot hit EMFILE).
 */
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, readSync } from 'node:fs';
import {
  containerCgroupPath,
  parsePidsEvents,
  parsePidsMax,
  pidsAccounting,
  pidsCgroupPath,
  threadsFileName,
  type PidsAccounting,
  type PidsCgroupFiles,
} from '../core/cgroup-files.js';
import { isZombie, parseProcStatBytes, type ProcStat } from '../core/proc-stat.js';

export const PROC = process.env.ZOMBIE_LAB_PROC ?? '/proc';
export const CGROUP_ROOT = process.env.ZOMBIE_LAB_CGROUP_ROOT ?? '/sys/fs/cgroup';

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process exited between readdir and read, or the file is not there
  }
}

// One buffer for every stat read: a stat line is well under 1 KiB, and open/read/close without
// readFileSync's fstat and allocation is what keeps a scan near the kernel's own cost per process.
const statBuf = Buffer.alloc(4096);

function readStat(file: string): ProcStat | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null; // exited between readdir and open
  }
  try {
    return parseProcStatBytes(statBuf, readSync(fd, statBuf, 0, statBuf.length, 0));
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export function listProcStats(proc = PROC): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync(proc)) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    const s = readStat(`${proc}/${name}/stat`);
    if (s) out.push(s);
  }
  return out;
}

export function pidNamespaceOf(pid: number | 'self', proc = PROC): string | null {
  try {
    return readlinkSync(`${proc}/${pid}/ns/pid`);
  } catch {
    return null;
  }
}

/**
 * Namespace links cached by (pid, start time): a process never changes PID namespace, so
 * each process costs one readlink in its life, not one per tick.
 */
export class NamespaceCache {
  private cache = new Map<number, { start: number; ns: string | null }>();
  constructor(private readonly proc = PROC) {}

  lookup(stats: ProcStat[]): (pid: number) => string | null {
    const next = new Map<number, { start: number; ns: string | null }>();
    for (const s of stats) {
      let e = this.cache.get(s.pid);
      // A zombie's link that cannot be read now never will be: remember that too, or 20,000
      // zombies cost 20,000 failing readlinks every tick. A new start time is a reused PID.
      if (!e || e.start !== s.startTime || (e.ns === null && !isZombie(s))) e = { start: s.startTime, ns: pidNamespaceOf(s.pid, this.proc) };
      next.set(s.pid, e);
    }
    this.cache = next;
    return (pid) => next.get(pid)?.ns ?? null;
  }
}

export interface PidsCgroup {
  dir: string;
  version: 1 | 2;
}

/** The pids cgroup of a container, from its init's /proc entry; with the id, an init that moved into a sub-cgroup still finds the container's. */
export function pidsCgroupOf(pid: number, proc = PROC, containerId?: string, root = CGROUP_ROOT): PidsCgroup | null {
  const text = readOrNull(`${proc}/${pid}/cgroup`);
  const found = text ? pidsCgroupPath(text) : null;
  if (!found) return null;
  const p = containerId ? containerCgroupPath(found.path, containerId) : found.path;
  const dir = found.version === 1 ? `${root}/pids${p}` : `${root}${p}`;
  return readOrNull(`${dir}/pids.current`) === null ? null : { dir, version: found.version };
}

/** The pids files of a cgroup and of every sub-cgroup below it; null once the cgroup is gone. */
export function readPidsCgroupFiles(cg: PidsCgroup): PidsCgroupFiles | null {
  const current = readOrNull(`${cg.dir}/pids.current`);
  if (current === null) return null;
  const files: PidsCgroupFiles = { current, max: readOrNull(`${cg.dir}/pids.max`), peak: readOrNull(`${cg.dir}/pids.peak`), events: [], threads: [], procs: [] };
  const threadsFile = threadsFileName(cg.version);
  const subdirs: string[] = [];
  listSubdirs(cg.dir, subdirs, 0);
  for (const dir of [cg.dir, ...subdirs]) {
    const ev = readOrNull(`${dir}/pids.events`);
    if (ev !== null) files.events.push(ev);
    files.threads.push(readOrNull(`${dir}/${threadsFile}`) ?? '');
    files.procs.push(readOrNull(`${dir}/cgroup.procs`) ?? '');
  }
  return files;
}

// Shared by every cgroup list read: tasks of a container with many threads can be long.
let listBuf = Buffer.alloc(1 << 16);

function readListFresh(file: string): string | null {
  const fd = openOrNull(file);
  if (fd === null) return null;
  try {
    return readListAt(fd);
  } finally {
    closeSync(fd);
  }
}

/** A whole list file read from offset 0 on `fd` (positional reads: the descriptor may be kept). */
function readListAt(fd: number | null): string | null {
  if (fd === null) return null;
  try {
    let len = 0;
    for (;;) {
      const n = readSync(fd, listBuf, len, listBuf.length - len, len);
      if (n === 0) break;
      len += n;
      if (len === listBuf.length) {
        const bigger = Buffer.alloc(listBuf.length * 2);
        listBuf.copy(bigger);
        listBuf = bigger;
      }
    }
    return listBuf.toString('latin1', 0, len);
  } catch {
    return null; // ENODEV: the cgroup was removed under us
  }
}

function preadOrNull(fd: number | null): string | null {
  if (fd === null) return null;
  try {
    return statBuf.toString('latin1', 0, readSync(fd, statBuf, 0, statBuf.length, 0));
  } catch {
    return null; // ENODEV: the cgroup was removed under us
  }
}

function openOrNull(file: string): number | null {
  try {
    return openSync(file, 'r');
  } catch {
    return null;
  }
}

/** A sub-cgroup's files the fast path reads every tick (its list files, and pids.events below the root). */
interface ListFds {
  threads: number | null;
  procs: number | null;
  events: number | null;
}

/**
 * The fast path at 10 Hz, kept cheap: pids.current, pids.max and pids.events stay open and are
 * re-read in place. On cgroup v2 the thread and process lists stay open too: a read from offset 0
 * restarts the kernel's task iterator, so it is current (under TCG that halves a tick). On v1 they
 * are opened fresh each time, because v1 caches them per open file for up to a second (a re-read
 * in place would be stale). The list of sub-cgroups is refreshed every `rescanMs`.
 */
export class PidsCgroupReader {
  private fds: { current: number | null; max: number | null; events: number | null; peak: number | null } | null = null;
  /** cgroup v2 only: every cgroup of the container (its own first) with its kept list files. */
  private lists = new Map<string, ListFds>();
  private subdirs: string[] = [];
  private subdirsAt = -Infinity;
  private max: string | null = null;
  private peak: string | null = null;

  constructor(
    readonly cg: PidsCgroup,
    private readonly rescanMs = 1000,
  ) {}

  read(now = Date.now()): PidsAccounting | null {
    const dir = this.cg.dir;
    this.fds ??= { current: openOrNull(`${dir}/pids.current`), max: openOrNull(`${dir}/pids.max`), events: openOrNull(`${dir}/pids.events`), peak: openOrNull(`${dir}/pids.peak`) };
    const current = preadOrNull(this.fds.current);
    if (current === null) return null;
    // Every syscall counts here (on a VM the first ones after a sleep cost tens of µs each):
    // the sub-cgroup list and the limit change rarely, and the peak is a running maximum, so
    // they are read once per rescan.
    if (now - this.subdirsAt >= this.rescanMs) {
      this.subdirs = [];
      listSubdirs(dir, this.subdirs, 0);
      if (this.cg.version === 2) this.keepLists([dir, ...this.subdirs]);
      this.max = preadOrNull(this.fds.max);
      this.peak = preadOrNull(this.fds.peak);
      this.subdirsAt = now;
    }
    const threadsFile = threadsFileName(this.cg.version);
    const root = preadOrNull(this.fds.events);
    const files: PidsCgroupFiles = { current, max: this.max, peak: this.peak, events: root === null ? [] : [root], threads: [], procs: [] };
    for (const d of [dir, ...this.subdirs]) {
      const kept = this.lists.get(d);
      files.threads.push((kept ? readListAt(kept.threads) : readListFresh(`${d}/${threadsFile}`)) ?? '');
      files.procs.push((kept ? readListAt(kept.procs) : readListFresh(`${d}/cgroup.procs`)) ?? '');
      if (d !== dir) {
        const ev = kept ? preadOrNull(kept.events) : readOrNull(`${d}/pids.events`);
        if (ev !== null) files.events.push(ev);
      }
    }
    // pids.current once more after the lists, and the smaller of the two: a fork is charged
    // before it is listed, and a process just reaped was still in the first reading; either,
    // landing between the reads, would otherwise count as a zombie that never was one.
    const after = preadOrNull(this.fds.current);
    if (after !== null && Number(after) < Number(current)) files.current = after;
    return pidsAccounting(files);
  }

  /** Opens the list files of cgroups new since the last rescan and closes those of cgroups gone. */
  private keepLists(dirs: string[]): void {
    const now = new Set(dirs);
    for (const [d, fds] of this.lists) {
      if (!now.has(d)) {
        closeAll(fds);
        this.lists.delete(d);
      }
    }
    for (const d of dirs) {
      if (!this.lists.has(d)) this.lists.set(d, { threads: openOrNull(`${d}/cgroup.threads`), procs: openOrNull(`${d}/cgroup.procs`), events: d === this.cg.dir ? null : openOrNull(`${d}/pids.events`) });
    }
  }

  close(): void {
    closeAll(this.fds ?? {});
    this.fds = null;
    for (const fds of this.lists.values()) closeAll(fds);
    this.lists.clear();
  }
}

function closeAll(fds: object): void {
  for (const fd of Object.values(fds) as (number | null)[]) if (fd !== null) closeSync(fd);
}

function listSubdirs(dir: string, out: string[], depth: number): void {
  if (depth >= 8) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (!e.isDirectory()) continue;
    out.push(`${dir}/${e.name}`);
    listSubdirs(`${dir}/${e.name}`, out, depth + 1);
  }
}

/** The fast path's reading: PIDs charged, threads listed, and zombies as the difference. */
export function readPidsAccounting(cg: PidsCgroup | null): PidsAccounting | null {
  const files = cg ? readPidsCgroupFiles(cg) : null;
  return files ? pidsAccounting(files) : null;
}

export interface PidsReading {
  current: number | null;
  max: number | null;
  refusedForks: number | null;
}

export function readPids(cg: PidsCgroup | null): PidsReading {
  if (!cg) return { current: null, max: null, refusedForks: null };
  const cur = readOrNull(`${cg.dir}/pids.current`);
  const max = readOrNull(`${cg.dir}/pids.max`);
  const ev = readOrNull(`${cg.dir}/pids.events`);
  return {
    current: cur === null ? null : Number(cur.trim()),
    max: max === null ? null : parsePidsMax(max),
    refusedForks: ev === null ? null : parsePidsEvents(ev),
  };
}

export function commOf(pid: number, proc = PROC): string | null {
  return readOrNull(`${proc}/${pid}/comm`)?.trim() ?? null;
}

/**
 * The name of a container's PID 1. Right after start, the engine's PID can still be runc's
 * init ("runc:[2:INIT]") for a moment before it execs the real program: wait that out, bounded.
 */
export async function pid1NameOf(initPid: number, ms = 3000, proc = PROC): Promise<string | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const name = commOf(initPid, proc);
    if (name === null || !name.startsWith('runc:') || Date.now() > deadline) return name;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** `onThisKernel`: the container's init is in this host's /proc even though the lab cannot count it here. */
export type HostProcVerdict = { ok: true; ns: string } | { ok: false; reason: string; onThisKernel: boolean };

/**
 * Does this host's /proc hold the container's processes? Only when the engine runs on this
 * kernel: the init PID from inspect must exist here, belong to the container's cgroup, and
 * live in a PID namespace other than ours.
 */
export function checkHostProc(initPid: number, containerId: string, proc = PROC): HostProcVerdict {
  if (!initPid) return { ok: false, reason: 'the container has no running init process', onThisKernel: false };
  const cgroup = readOrNull(`${proc}/${initPid}/cgroup`);
  if (cgroup === null) return { ok: false, reason: `PID ${initPid} (the container's init, per the engine) does not exist in this host's ${proc}`, onThisKernel: false };
  const ns = pidNamespaceOf(initPid, proc);
  const mine = pidNamespaceOf('self', proc);
  if (!cgroup.includes(containerId.slice(0, 12))) {
    // PID 1 of a namespace not ours is the container's init on this kernel, in no cgroup of its
    // own (rootless on cgroup v1); anything else is some host process that shares the number.
    return ns && mine && ns !== mine && nsPidOf(initPid, proc) === 1
      ? { ok: false, reason: `PID ${initPid} is PID 1 of a namespace of its own in this host's ${proc}, but in no cgroup of the container's: the engine gives its containers no cgroups`, onThisKernel: true }
      : { ok: false, reason: `PID ${initPid} in this host's ${proc} is not the container's (its cgroup does not name the container)`, onThisKernel: false };
  }
  if (!ns) return { ok: false, reason: `cannot read the PID namespace of PID ${initPid} (run as root or the same user as the engine)`, onThisKernel: true };
  if (ns === mine) return { ok: false, reason: 'the container shares our PID namespace', onThisKernel: true };
  return { ok: true, ns };
}
