/**
 * A plain-text chart of several series over time. Each series has its own glyph, so the lines
 * stay apart without colour (asciichart draws every series with the same glyphs).
 */
export interface ChartSeries {
  label: string;
  glyph: string;
  points: { t: number; v: number }[];
}

export interface ChartOptions {
  width: number;
  height: number;
  /** Fixed top of the y axis; default: the highest value seen (at least 1). */
  yMax?: number;
  /** Time span of the x axis in ms; default: the last point's time. */
  tMax?: number;
}

/** Where two series meet in one cell. */
export const OVERLAP_GLYPH = '#';

export function renderTextChart(series: ChartSeries[], opts: ChartOptions): string[] {
  const width = Math.max(10, Math.floor(opts.width));
  const height = Math.max(3, Math.floor(opts.height));
  const seen = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.v)));
  const yMax = Math.max(1, opts.yMax ?? seen);
  const tMax = Math.max(1, opts.tMax ?? Math.max(0, ...series.flatMap((s) => s.points.map((p) => p.t))));
  const labelW = String(yMax).length;
  const plotW = width - labelW - 2;
  const grid: string[][] = Array.from({ length: height }, () => Array.from({ length: plotW }, () => ' '));
  for (const s of series) {
    // Per column, the highest value of the points that fall in it.
    const cols = new Map<number, number>();
    for (const p of s.points) {
      const x = Math.min(plotW - 1, Math.floor((p.t / tMax) * (plotW - 1)));
      cols.set(x, Math.max(cols.get(x) ?? 0, p.v));
    }
    // With fewer points than columns, hold each value until the next point: a step line, no gaps.
    const xs = [...cols.keys()].sort((a, b) => a - b);
    let held: number | undefined;
    for (let x = xs[0] ?? 0; x <= (xs.at(-1) ?? -1); x++) {
      held = cols.get(x) ?? held;
      if (held !== undefined) cols.set(x, held);
    }
    for (const [x, v] of cols) {
      const y = height - 1 - Math.round((Math.min(v, yMax) / yMax) * (height - 1));
      const row = grid[y];
      if (!row) continue;
      row[x] = row[x] === ' ' || row[x] === s.glyph ? s.glyph : OVERLAP_GLYPH;
    }
  }
  const lines = grid.map((row, i) => {
    const value = i === 0 ? String(yMax) : i === height - 1 ? '0' : '';
    return `${value.padStart(labelW)} ┤${row.join('')}`;
  });
  const secs = (tMax / 1000).toFixed(tMax < 10_000 ? 1 : 0);
  lines.push(`${' '.repeat(labelW)} └${'─'.repeat(plotW)}`);
  lines.push(`${' '.repeat(labelW)}  0s${`${secs}s`.padStart(plotW - 2)}`);
  lines.push(`${' '.repeat(labelW)}  ${series.map((s) => `${s.glyph} ${s.label}`).join('   ')}   ${OVERLAP_GLYPH} overlap`);
  return lines;
}
