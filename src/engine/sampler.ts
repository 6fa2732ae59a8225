/**
 * Samples the zombie count of several containers from the host's /proc at a fixed rate.
 * One /proc scan per tick serves every container; the pids cgroup adds PIDs used, the
 * limit and refused forks.
 */
import type { ProcEntry } from '../core/run-events.js';
import type { Sample } from '../core/sample.js';
import { tallyByNamespace } from '../core/proc-tally.js';
import { listProcStats, NamespaceCache, readPids, type PidsCgroup } from './host-proc.js';

export interface SampleTarget {
  key: string;
  /** PID namespace link of the container's init, e.g. "pid:[4026532180]". */
  ns: string;
  cgroup: PidsCgroup | null;
  pidsLimit: number;
}

export interface TargetSample {
  key: string;
  sample: Sample;
  tree?: ProcEntry[];
}

export interface SamplerOptions {
  intervalMs?: number;
  signal: AbortSignal;
  /** Time zero of the run, so samples of containers started at different moments line up. */
  t0?: number;
  withTree?: boolean;
  treeLimit?: number;
}

export function sampleOnce(targets: SampleTarget[], cache: NamespaceCache, t0: number, opts: { withTree?: boolean; treeLimit?: number } = {}): TargetSample[] {
  const started = performance.now();
  const stats = listProcStats();
  const nsOf = cache.lookup(stats);
  const tallies = tallyByNamespace(stats, nsOf, new Set(targets.map((t) => t.ns)), { treeLimit: opts.withTree ? (opts.treeLimit ?? 400) : 0 });
  const costUs = Math.round((performance.now() - started) * 1000);
  const t = Date.now() - t0;
  return targets.map((target) => {
    const tally = tallies.get(target.ns) ?? { zombies: 0, live: 0, tree: [] };
    const pids = readPids(target.cgroup);
    const sample: Sample = {
      t,
      zombies: tally.zombies,
      live: tally.live,
      pidsUsed: pids.current,
      pidsLimit: pids.max ?? target.pidsLimit,
      forkFailures: pids.refusedForks,
      costUs,
    };
    return opts.withTree ? { key: target.key, sample, tree: tally.tree } : { key: target.key, sample };
  });
}

/** Yields one batch per tick until the signal aborts. Ticks that fall behind are skipped, not queued. */
export async function* sampleContainers(getTargets: () => SampleTarget[], opts: SamplerOptions): AsyncGenerator<TargetSample[]> {
  const interval = opts.intervalMs ?? 100;
  const t0 = opts.t0 ?? Date.now();
  const cache = new NamespaceCache();
  let next = Date.now();
  while (!opts.signal.aborted) {
    const targets = getTargets();
    if (targets.length > 0) yield sampleOnce(targets, cache, t0, opts);
    next += interval;
    const now = Date.now();
    if (next < now) next = now + interval - ((now - next) % interval);
    await abortableDelay(next - now, opts.signal);
  }
}

export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, Math.max(0, ms));
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
