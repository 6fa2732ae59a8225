/**
 * The /proc scans shared by every target of a sampler: one in flight at a time on the worker,
 * paced to a CPU budget, each remembered with the fast-path readings taken when it started (the
 * cross-check compares a scan with the cgroup counts of its own moment).
 */
import { nextScanDelayMs, RateMeter } from '../../core/scan-pace.js';
import type { ScanResult } from '../proc-scan.js';
import { ProcScanner } from '../proc-scanner.js';
import { DEFAULT_CHECK_BUDGET, DEFAULT_CHECK_EVERY_MS, DEFAULT_PROC_BUDGET, type SamplerOptions } from './sampler-options.js';

export interface LatestScan {
  result: ScanResult;
  /** Raw fast-path zombie counts per target key at the tick the scan started. */
  fastAtStart: ReadonlyMap<string, number>;
  /** Scans delivered per second, once there were two. */
  rateHz: number | null;
}

export class ProcScans {
  private readonly scanner: ProcScanner;
  private readonly meter = new RateMeter();
  private latestScan: LatestScan | null = null;
  private nextAt = 0;
  private failure: { error: unknown } | null = null;

  constructor(
    private readonly opts: SamplerOptions,
    private readonly intervalMs: number,
    private readonly treeLimit: number,
  ) {
    this.scanner = new ProcScanner(opts.threaded === false ? { threaded: false } : {});
  }

  get latest(): LatestScan | null {
    return this.latestScan;
  }

  /** A scan that failed while the run still went on ends the run. */
  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }

  /** The next tick starts a scan, whatever the budget says. */
  lookAgainNow(): void {
    this.nextAt = 0;
  }

  /** Starts a scan unless one is running or the budget asks to wait. */
  startIfDue(now: number, namespaces: string[], procIsSource: boolean, fastNow: ReadonlyMap<string, number>): void {
    if (this.scanner.busy || now < this.nextAt) return;
    const startedAt = Date.now();
    this.scanner.scan(namespaces, this.treeLimit).then(
      (r) => {
        this.latestScan = { result: r, fastAtStart: fastNow, rateHz: this.meter.tick(r.at) };
        const full = procIsSource || this.treeLimit > 0;
        const budget = full ? (this.opts.procBudget ?? DEFAULT_PROC_BUDGET) : (this.opts.checkBudget ?? DEFAULT_CHECK_BUDGET);
        const minGap = full ? this.intervalMs : (this.opts.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS);
        this.nextAt = startedAt + nextScanDelayMs(r.costUs / 1000, budget, minGap);
      },
      (err: unknown) => {
        if (!this.opts.signal.aborted) this.failure = { error: err };
      },
    );
  }

  close(): Promise<void> {
    return this.scanner.close();
  }
}
