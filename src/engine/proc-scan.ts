/**
 * One scan of /proc for some PID namespaces: stat of every process, namespace by cache, tally.
 * Runs in the /proc worker thread (proc-worker.ts), or in-thread where the worker is missing.
 */
import { tallyByNamespace, type Tally } from '../core/proc-tally.js';
import { listProcStats, NamespaceCache } from './host-proc.js';

export interface ScanRequest {
  id: number;
  namespaces: string[];
  treeLimit: number;
}

export interface ScanResult {
  id: number;
  /** epoch ms when the scan started */
  at: number;
  tallies: Map<string, Tally>;
  /** Processes read on the host. */
  procs: number;
  costUs: number;
}

export function scanProc(req: ScanRequest, cache: NamespaceCache): ScanResult {
  const at = Date.now();
  const started = performance.now();
  const stats = listProcStats();
  const nsOf = cache.lookup(stats);
  const tallies = tallyByNamespace(stats, nsOf, new Set(req.namespaces), { treeLimit: req.treeLimit });
  return { id: req.id, at, tallies, procs: stats.length, costUs: Math.round((performance.now() - started) * 1000) };
}

/** Zombies in one PID namespace right now: a single in-thread scan, for checks outside the live sampler. */
export function zombiesInNamespace(ns: string, cache = new NamespaceCache()): number {
  return scanProc({ id: 0, namespaces: [ns], treeLimit: 0 }, cache).tallies.get(ns)?.zombies ?? 0;
}
