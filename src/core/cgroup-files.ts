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
