/** The sampler benchmark's rows and their Markdown table. Pure. */

export interface BenchRow {
  zombies: number;
  method: string;
  /** Per sample, in µs. */
  medianUs: number;
  p99Us: number;
  /** Share of one core at 10 Hz, in %; null when not measurable by us (work done by other processes). */
  cpuPct: number | null;
  /** Wall-time share at 10 Hz when CPU is not ours to measure (ps, dockerd, runc). */
  wallPct?: number;
  /** Samples per second actually delivered. */
  rateHz: number | null;
  /** Per process read, in µs (the /proc paths). */
  perProcUs?: number;
  exact: 'yes' | 'no' | 'failed';
  note?: string;
}

function ms(us: number): string {
  if (us < 1000) return `${(us / 1000).toFixed(3)} ms`;
  if (us < 100_000) return `${(us / 1000).toFixed(1)} ms`;
  return `${Math.round(us / 1000)} ms`;
}

function pct(v: number): string {
  return v < 1 ? `${v.toFixed(2)} %` : `${v.toFixed(1)} %`;
}

function rate(hz: number | null): string {
  if (hz === null) return '-';
  return hz >= 0.1 ? `${hz.toFixed(1)} Hz` : `1 per ${Math.round(1 / hz)} s`;
}

export function renderBenchTable(rows: BenchRow[]): string[] {
  const head = ['zombies', 'method', 'median', 'p99', 'per process', 'CPU at 10 Hz', 'rate', 'exact?'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 || (i >= 2 && i <= 6) ? '---:' : '---')).join('|')}|`];
  for (const r of rows) {
    const cpu = r.cpuPct !== null ? pct(r.cpuPct) : r.wallPct !== undefined ? `(${pct(r.wallPct)} wall)` : '-';
    const exact = r.exact === 'failed' ? 'failed' : r.exact;
    lines.push(
      `| ${r.zombies.toLocaleString('en-US')} | ${r.method} | ${ms(r.medianUs)} | ${ms(r.p99Us)} | ${r.perProcUs !== undefined ? `${r.perProcUs.toFixed(1)} µs` : '-'} | ${cpu} | ${rate(r.rateHz)} | ${exact}${r.note ? ` (${r.note})` : ''} |`,
    );
  }
  return lines;
}
