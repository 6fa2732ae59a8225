/**
 * Samples the zombie count of several containers on this host at a fixed rate (10 Hz).
 *
 * Fast path, every tick: the container's pids cgroup (pids.current minus the threads still
 * listed; tens of µs whatever the zombie count). /proc, the ground truth the lab teaches and
 * the source of the process tree, is scanned on a worker thread: as a periodic cross-check of
 * the fast path within a small CPU budget, or as the source itself where the cgroup cannot be
 * read, then within about a quarter of a core, at the rate that allows.
 */
import type { PidsAccounting } from '../core/cgroup-files.js';
import type { Tally } from '../core/proc-tally.js';
import type { ProcEntry } from '../core/run-events.js';
import { confirmedZombies, type Sample } from '../core/sample.js';
import { CrossCheck } from '../core/cross-check.js';
import { nextScanDelayMs, RateMeter } from '../core/scan-pace.js';
import { PidsCgroupReader, type PidsCgroup } from './host-proc.js';
import { ProcScanner } from './proc-scanner.js';
import type { ScanResult } from './proc-scan.js';
import { abortableDelay } from './timeout.js';

export interface SampleTarget {
  key: string;
  /** PID namespace link of the container's init, e.g. "pid:[4026532180]". */
  ns: string;
  cgroup: PidsCgroup | null;
  pidsLimit: number;
  /** The plan's source (zombie-count.ts planCounting); without it, the `source` option decides. */
  source?: 'cgroup' | 'host-proc';
}

export interface TargetSample {
  key: string;
  sample: Sample;
  tree?: ProcEntry[];
}

/** Share of one core for /proc when it is the source, and when it only cross-checks the fast path. */
export const DEFAULT_PROC_BUDGET = 0.25;
export const DEFAULT_CHECK_BUDGET = 0.005;
export const DEFAULT_CHECK_EVERY_MS = 1000;

/** 'auto': the cgroup fast path where readable, /proc elsewhere; 'proc': /proc only (to compare, or to teach it). */
export type HostSourceChoice = 'auto' | 'proc';

export interface SamplerOptions {
  intervalMs?: number;
  signal: AbortSignal;
  /** Time zero of the run, so samples of containers started at different moments line up. */
  t0?: number;
  withTree?: boolean;
  treeLimit?: number;
  source?: HostSourceChoice;
  /** Share of one core the /proc scan may use when it is the source (default 0.25). */
  procBudget?: number;
  /** Share of one core the /proc cross-check may use next to the fast path (default 0.005: the live sampler stays under 1 %). */
  checkBudget?: number;
  /** Cross-check no more often than this, in ms (default 1000). */
  checkEveryMs?: number;
  /** Scan /proc on a worker thread (default true). */
  threaded?: boolean;
}

/** The fast path's sample from a cgroup reading. */
export function sampleFromCgroup(acc: PidsAccounting, t: number, pidsLimit: number, costUs: number): Sample {
  return {
    t,
    zombies: acc.zombies,
    live: acc.processes,
    pidsUsed: acc.pidsUsed,
    pidsLimit: acc.pidsMax ?? pidsLimit,
    forkFailures: acc.refusedForks,
    costUs,
    source: 'cgroup',
    limitHit: acc.limitHit,
    ...(acc.pidsPeak !== null ? { pidsPeak: acc.pidsPeak } : {}),
  };
}

/** The /proc path's sample; the cgroup still gives PIDs used and refused forks when it is readable. */
export function sampleFromProc(tally: Tally, t: number, pidsLimit: number, costUs: number, acc: PidsAccounting | null): Sample {
  return {
    t,
    zombies: tally.zombies,
    live: tally.live,
    pidsUsed: acc?.pidsUsed ?? null,
    pidsLimit: acc?.pidsMax ?? pidsLimit,
    forkFailures: acc?.refusedForks ?? null,
    costUs,
    source: 'host-proc',
    ...(acc ? { limitHit: acc.limitHit } : {}),
    ...(acc?.pidsPeak != null ? { pidsPeak: acc.pidsPeak } : {}),
  };
}

/** Yields one batch per tick until the signal aborts. Ticks that fall behind are skipped, not queued. */
export async function* sampleContainers(getTargets: () => SampleTarget[], opts: SamplerOptions): AsyncGenerator<TargetSample[]> {
  const interval = opts.intervalMs ?? 100;
  const t0 = opts.t0 ?? Date.now();
  const choice = opts.source ?? 'auto';
  const treeLimit = opts.withTree ? (opts.treeLimit ?? 400) : 0;
  const scanner = new ProcScanner(opts.threaded === false ? { threaded: false } : {});
  const meters = new Map<string, RateMeter>();
  const scanMeter = new RateMeter();
  const delivered = new Map<string, number>(); // key -> id of the scan last delivered from
  // A target's path is chosen at its first tick; a fast-path cgroup that vanishes later means
  // the container is gone, not that /proc should take over with a stale scan.
  const fastPath = new Map<string, boolean>();
  const readers = new Map<string, PidsCgroupReader>();
  // The previous /proc scan's raw count per target, for the same rule on the /proc path.
  const previousScan = new Map<string, number>();
  // The previous tick's raw fast-path readings, for confirmedZombies (the cross-check uses raw readings).
  let previousTick = new Map<string, number>();
  // The cross-check: fast-path counts when a scan started, and each target's judge.
  const checks = new Map<string, CrossCheck>();
  const judged = new Map<string, number>();
  let lastFast: Map<string, number> | null = null;
  let last: ScanResult | null = null;
  let scanRate: number | null = null;
  let nextScanAt = 0;
  let scanError: unknown = null;

  const startScan = (targets: SampleTarget[], procIsSource: boolean, fastNow: Map<string, number>) => {
    const startedAt = Date.now();
    scanner.scan(
      targets.map((t) => t.ns),
      treeLimit,
    ).then(
      (r) => {
        last = r;
        lastFast = fastNow;
        scanRate = scanMeter.tick(r.at);
        const budget = procIsSource || treeLimit > 0 ? (opts.procBudget ?? DEFAULT_PROC_BUDGET) : (opts.checkBudget ?? DEFAULT_CHECK_BUDGET);
        const minGap = procIsSource || treeLimit > 0 ? interval : (opts.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
        nextScanAt = startedAt + nextScanDelayMs(r.costUs / 1000, budget, minGap);
      },
      (err: unknown) => {
        if (!opts.signal.aborted) scanError = err;
      },
    );
  };

  try {
    let next = Date.now();
    while (!opts.signal.aborted) {
      if (scanError) throw scanError;
      const targets = getTargets();
      for (const [key, r] of readers) {
        if (!targets.some((t) => t.key === key)) {
          r.close();
          readers.delete(key);
        }
      }
      if (targets.length > 0) {
        const now = Date.now();
        const batch: TargetSample[] = [];
        let procIsSource = false;
        const fastNow = new Map<string, number>();
        for (const target of targets) {
          const started = performance.now();
          let reader = readers.get(target.key);
          if (!reader && target.cgroup) readers.set(target.key, (reader = new PidsCgroupReader(target.cgroup)));
          const acc = reader ? reader.read(now) : null;
          const costUs = Math.round((performance.now() - started) * 1000);
          const scan = last as ScanResult | null;
          const tally = scan?.tallies.get(target.ns);
          let meter = meters.get(target.key);
          if (!meter) meters.set(target.key, (meter = new RateMeter()));
          if (!fastPath.has(target.key)) fastPath.set(target.key, (target.source ? target.source === 'cgroup' : choice === 'auto') && acc !== null);
          if (fastPath.get(target.key)) {
            if (!acc) continue;
            fastNow.set(target.key, acc.zombies);
            if (scan && tally && judged.get(target.key) !== scan.id) {
              judged.set(target.key, scan.id);
              const before = (lastFast as Map<string, number> | null)?.get(target.key);
              let check = checks.get(target.key);
              if (!check) checks.set(target.key, (check = new CrossCheck()));
              const verdict = before === undefined ? 'busy' : check.judge(before, acc.zombies, tally.zombies);
              // A quiet disagreement: look again at once; twice in a row: /proc becomes the source.
              if (verdict === 'differed') nextScanAt = 0;
              if (verdict === 'fall-back') {
                fastPath.set(target.key, false);
                nextScanAt = 0;
                continue;
              }
            }
            const sample = sampleFromCgroup(acc, now - t0, target.pidsLimit, costUs);
            sample.zombies = confirmedZombies(previousTick.get(target.key), acc.zombies);
            const rate = meter.tick(now);
            if (rate !== null) sample.rateHz = rate;
            if (scan && tally) sample.procCheck = { zombies: tally.zombies, ageMs: now - scan.at, costUs: scan.costUs, rateHz: scanRate ?? 0 };
            batch.push(tree(target.key, sample, tally));
            continue;
          }
          procIsSource = true;
          // The /proc path delivers when a new scan has come in, at the rate its budget allows.
          if (!scan || !tally || delivered.get(target.key) === scan.id) continue;
          delivered.set(target.key, scan.id);
          const sample = sampleFromProc(tally, scan.at - t0, target.pidsLimit, scan.costUs, acc);
          // The same two-reading rule as the fast path: a child caught between exit and reap is
          // in one scan, a real pile in every one (issue 11: "peak 2" on the --init lane).
          sample.zombies = confirmedZombies(previousScan.get(target.key), tally.zombies);
          previousScan.set(target.key, tally.zombies);
          const rate = meter.tick(scan.at);
          if (rate !== null) sample.rateHz = rate;
          batch.push(tree(target.key, sample, tally));
        }
        if (!scanner.busy && now >= nextScanAt) startScan(targets, procIsSource, fastNow);
        previousTick = fastNow;
        if (batch.length > 0) yield batch;
      }
      next += interval;
      const now = Date.now();
      if (next < now) next = now + interval - ((now - next) % interval);
      await abortableDelay(next - now, opts.signal);
    }
  } finally {
    for (const r of readers.values()) r.close();
    await scanner.close();
  }

  function tree(key: string, sample: Sample, tally: Tally | undefined): TargetSample {
    return treeLimit > 0 ? { key, sample, tree: tally?.tree ?? [] } : { key, sample };
  }
}
