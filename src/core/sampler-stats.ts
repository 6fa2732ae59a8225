/**
 * What the sampler itself did during a run: which source, at what rate, at what cost, and
 * whether the /proc cross-check agreed. Folded from samples, for `compare` and the app.
 */
import type { Sample, SampleSource } from './sample.js';

export interface SourceStats {
  source: SampleSource;
  samples: number;
  /** Last delivered rate, per second. */
  rateHz: number | null;
  costMedianUs: number;
  costP99Us: number;
  /** Latest /proc cross-check: its rate, its cost and whether it matched the sample it came with. */
  check: { rateHz: number; costUs: number; agreed: number; disagreed: number } | null;
  limitHit: boolean;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export class SamplerStats {
  private by = new Map<SampleSource, { costs: number[]; last: Sample; checks: { agreed: number; disagreed: number }; limitHit: boolean }>();
  /** Age of the last cross-check seen, per container: each scan is counted once per container. */
  private lastAge = new Map<string, number>();

  /** `key`: which container the sample is of (samples of several containers share one scan). */
  add(sample: Sample, key = ''): void {
    const source = sample.source ?? 'host-proc';
    let e = this.by.get(source);
    if (!e) this.by.set(source, (e = { costs: [], last: sample, checks: { agreed: 0, disagreed: 0 }, limitHit: false }));
    e.costs.push(sample.costUs);
    e.last = sample;
    e.limitHit ||= sample.limitHit === true;
    const c = sample.procCheck;
    // Count each /proc scan once (a new one has a smaller age than the last seen); a difference
    // is expected while zombies are being made, so this is information, not an alarm.
    const before = this.lastAge.get(key);
    if (c && (before === undefined || c.ageMs < before)) {
      if (c.zombies === sample.zombies) e.checks.agreed++;
      else e.checks.disagreed++;
    }
    if (c) this.lastAge.set(key, c.ageMs);
  }

  summary(): SourceStats[] {
    return [...this.by.entries()].map(([source, e]) => {
      const sorted = [...e.costs].sort((a, b) => a - b);
      const c = e.last.procCheck;
      return {
        source,
        samples: e.costs.length,
        rateHz: e.last.rateHz ?? null,
        costMedianUs: percentile(sorted, 50),
        costP99Us: percentile(sorted, 99),
        check: c ? { rateHz: c.rateHz, costUs: c.costUs, agreed: e.checks.agreed, disagreed: e.checks.disagreed } : null,
        limitHit: e.limitHit,
      };
    });
  }
}

export function formatUs(us: number): string {
  return us >= 10_000 ? `${(us / 1000).toFixed(0)} ms` : us >= 1000 ? `${(us / 1000).toFixed(1)} ms` : `${Math.round(us)} µs`;
}

/** One line per source, e.g. "cgroup: 10.0 samples/s, 41 µs a sample (p99 90 µs); /proc cross-check 1.0/s, 2.3 ms a scan, 12 agreed". */
export function describeSamplerStats(stats: SourceStats[]): string[] {
  return stats.map((s) => {
    const rate = s.rateHz === null ? 'rate not measured yet' : `${s.rateHz.toFixed(1)} samples/s`;
    let line = `${s.source}: ${rate}, ${formatUs(s.costMedianUs)} a sample (p99 ${formatUs(s.costP99Us)})`;
    if (s.check) {
      line += `; /proc cross-check ${s.check.rateHz.toFixed(1)}/s, ${formatUs(s.check.costUs)} a scan, ${s.check.agreed} agreed`;
      if (s.check.disagreed) line += `, ${s.check.disagreed} differed (zombies were being made)`;
    }
    return line;
  });
}
