/** Parsing of the cgroup files the lab reads (v1 and v2 use the same formats for these). */

/** From /proc/PID/cgroup, the path of the pids controller: v1 "N:pids:/path", v2 "0::/path". */
export function pidsCgroupPath(procCgroup: string): { version: 1 | 2; path: string } | null {
  let v2: string | null = null;
  for (const line of procCgroup.split('\n')) {
    const [, controllers, ...rest] = line.split(':');
    const p = rest.join(':');
    if (controllers === undefined || !p) continue;
    if (controllers.split(',').includes('pids')) return { version: 1, path: p };
    if (controllers === '' && line.startsWith('0::')) v2 = p;
  }
  return v2 !== null ? { version: 2, path: v2 } : null;
}

/** pids.max holds a number or "max". */
export function parsePidsMax(text: string): number | null {
  const t = text.trim();
  if (t === 'max') return null;
  const n = Number(t);
  return Number.isInteger(n) ? n : null;
}

/** pids.events: "max N" counts forks refused because the limit was reached. */
export function parsePidsEvents(text: string): number {
  const m = /^max\s+(\d+)/m.exec(text);
  return m?.[1] ? Number(m[1]) : 0;
}

/** The file listing a cgroup's threads (not processes): what pids.current counts, minus zombies. */
export function threadsFileName(version: 1 | 2): 'tasks' | 'cgroup.threads' {
  return version === 1 ? 'tasks' : 'cgroup.threads';
}

/** Lines holding an id in tasks, cgroup.threads or cgroup.procs. */
export function countIds(text: string): number {
  let n = 0;
  let inLine = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (inLine) n++;
      inLine = false;
    } else if (c !== 32 && c !== 13) inLine = true;
  }
  return inLine ? n + 1 : n;
}

/** The raw text of one cgroup and its sub-cgroups, as read from the pids hierarchy. */
export interface PidsCgroupFiles {
  current: string;
  max: string | null;
  /** pids.peak (newer kernels): the most PIDs ever charged at once. */
  peak?: string | null;
  /** pids.events of the cgroup and every sub-cgroup: older kernels count a refused fork where the forking task sits. */
  events: string[];
  /** tasks (v1) or cgroup.threads (v2) of the cgroup and of every sub-cgroup below it. */
  threads: string[];
  /** cgroup.procs of the cgroup and every sub-cgroup. */
  procs: string[];
}

export interface PidsAccounting {
  /** pids.current: every task charged, zombies included (hierarchical). */
  pidsUsed: number;
  pidsMax: number | null;
  /** Threads still listed in the cgroups: zombies have left these lists. */
  threads: number;
  /** Live processes (thread group leaders still listed). */
  processes: number;
  /** pids.current minus the listed threads. */
  zombies: number;
  refusedForks: number | null;
  limitHit: boolean;
  /** Most PIDs charged at once so far: pids.peak, else the limit once a fork was refused (that proves it was reached), else null. */
  pidsPeak: number | null;
}

/**
 * The fast path: a zombie stays charged to the pids controller until it is reaped, but leaves
 * tasks / cgroup.threads when it exits. So zombies = pids.current - listed threads, summed over
 * the sub-cgroups a container may make (pids.current is hierarchical, the lists are not).
 */
export function pidsAccounting(files: PidsCgroupFiles): PidsAccounting | null {
  const pidsUsed = Number(files.current.trim());
  if (!Number.isInteger(pidsUsed) || files.current.trim() === '') return null;
  const peak = files.peak ? Number(files.peak.trim()) : NaN;
  return accountingFromCounts({
    pidsUsed,
    threads: files.threads.reduce((n, t) => n + countIds(t), 0),
    processes: files.procs.reduce((n, t) => n + countIds(t), 0),
    refusedForks: files.events.length === 0 ? null : files.events.reduce((n, e) => n + parsePidsEvents(e), 0),
    pidsMax: files.max === null ? null : parsePidsMax(files.max),
    peak: Number.isInteger(peak) ? peak : null,
  });
}

/** The counts read from a pids cgroup (by this host, or by the sidecar on the engine's machine). */
export interface PidsCounts {
  pidsUsed: number;
  threads: number;
  processes: number;
  refusedForks: number | null;
  pidsMax: number | null;
  peak: number | null;
}

export function accountingFromCounts(c: PidsCounts): PidsAccounting {
  const limitHit = (c.refusedForks ?? 0) > 0;
  const limitReached = limitHit && c.pidsMax !== null ? c.pidsMax : null;
  return {
    pidsUsed: c.pidsUsed,
    pidsMax: c.pidsMax,
    threads: c.threads,
    processes: c.processes,
    // A thread listed while its charge is already gone (exit in between two reads) must not make it negative.
    zombies: Math.max(0, c.pidsUsed - c.threads),
    refusedForks: c.refusedForks,
    limitHit,
    // A refused fork proves the limit was reached, even if the peak read is a moment old.
    pidsPeak: c.peak !== null ? Math.max(c.peak, c.pidsUsed, limitReached ?? 0) : limitReached,
  };
}

/**
 * The container's own cgroup from its init's: an init may move itself into a sub-cgroup (systemd
 * does, into init.scope), so cut the path after the last segment that names the container.
 */
export function containerCgroupPath(initPath: string, containerId: string): string {
  const id = containerId.slice(0, 12);
  const parts = initPath.split('/');
  for (let i = parts.length - 1; i >= 0; i--) {
    if (parts[i]?.includes(id)) return parts.slice(0, i + 1).join('/') || '/';
  }
  return initPath;
}
