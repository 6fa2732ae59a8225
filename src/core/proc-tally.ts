/**
 * Attributing processes to containers and counting them. Pure: the engine reads /proc and
 * hands the stat lines and namespace links here.
 */
import type { ProcEntry } from './run-events.js';
import { isZombie, type ProcStat } from './proc-stat.js';

export interface Tally {
  zombies: number;
  live: number;
  tree: ProcEntry[];
}

/**
 * Counts, per PID namespace, the zombies and live processes. A process belongs to the
 * namespace its ns/pid link names; when that link cannot be read (a zombie on some kernels,
 * or a race with exit) it belongs where its parent does: a zombie's parent is alive, since an
 * orphan is re-parented at once.
 */
export function tallyByNamespace(
  stats: ProcStat[],
  nsOf: (pid: number) => string | null,
  namespaces: Set<string>,
  opts: { treeLimit?: number } = {},
): Map<string, Tally> {
  // Most processes have a readable link: count them in one pass, and build the parent lookup
  // only for the few that do not (a Map of 20,000 entries per scan is measurable).
  let byPid: Map<number, ProcStat> | null = null;
  const resolved = new Map<number, string | null>();
  const resolve = (pid: number, depth: number): string | null => {
    if (resolved.has(pid)) return resolved.get(pid) ?? null;
    let ns = nsOf(pid);
    if (ns === null && depth < 4) {
      byPid ??= new Map(stats.map((s) => [s.pid, s]));
      const parent = byPid.get(pid)?.ppid;
      ns = parent ? resolve(parent, depth + 1) : null;
    }
    resolved.set(pid, ns);
    return ns;
  };
  const out = new Map<string, Tally>();
  for (const ns of namespaces) out.set(ns, { zombies: 0, live: 0, tree: [] });
  const treeLimit = opts.treeLimit ?? 0;
  for (const s of stats) {
    const direct = nsOf(s.pid);
    const ns = direct !== null ? direct : resolve(s.pid, 0);
    if (ns === null) continue;
    const t = out.get(ns);
    if (!t) continue;
    if (isZombie(s)) t.zombies++;
    else t.live++;
    if (t.tree.length < treeLimit) t.tree.push({ pid: s.pid, ppid: s.ppid, comm: s.comm, state: s.state });
  }
  return out;
}
