/**
 * Text line plot for one lane: zombie count over time, drawn with the mode's glyph so lanes
 * stay distinguishable without colour. Pure: series and size in, rows of text out.
 */

export interface PlotInput {
  series: readonly { t: number; zombies: number }[];
  /** Total width in cells, y-axis labels included. */
  width: number;
  /** Rows of plot area. */
  height: number;
  /** Top of the fixed y-axis. */
  yMax: number;
  glyph: string;
  /** Time one column stands for, ms. 10 Hz samples, so 100 ms shows every sample. */
  msPerColumn?: number;
}

export const DEFAULT_MS_PER_COLUMN = 250;

/** How much time a plot of this width shows (the same arithmetic as renderPlot). */
export function plotWindowMs(width: number, yMax: number, msPerColumn = DEFAULT_MS_PER_COLUMN): number {
  const labelW = Math.max(String(Math.max(1, yMax)).length, 1);
  return Math.max(1, width - labelW - 1) * msPerColumn;
}

/** Scroll window: the newest data at the right edge once the run is longer than the plot is wide. */
export function renderPlot(p: PlotInput): string[] {
  const height = Math.max(1, p.height);
  const yMax = Math.max(1, p.yMax);
  const labelW = Math.max(String(yMax).length, 1);
  const plotW = Math.max(1, p.width - labelW - 1);
  const msPerCol = p.msPerColumn ?? DEFAULT_MS_PER_COLUMN;
  const grid: string[][] = Array.from({ length: height }, () => Array<string>(plotW).fill(' '));

  const last = p.series.at(-1);
  if (last) {
    const windowMs = plotW * msPerCol;
    const tStart = Math.max(0, last.t - windowMs + msPerCol);
    const cols: (number | null)[] = Array<number | null>(plotW).fill(null);
    for (const pt of p.series) {
      if (pt.t < tStart) continue;
      const c = Math.min(plotW - 1, Math.floor((pt.t - tStart) / msPerCol));
      cols[c] = Math.max(cols[c] ?? 0, pt.zombies);
    }
    // Fill gaps between samples with the previous value so the line does not break.
    const lastCol = Math.min(plotW - 1, Math.floor((last.t - tStart) / msPerCol));
    let prev: number | null = null;
    for (let c = 0; c <= lastCol; c++) {
      if (cols[c] === null) cols[c] = prev;
      prev = cols[c] ?? prev;
    }
    const rowOf = (v: number): number => Math.min(height - 1, Math.round((Math.min(v, yMax) / yMax) * (height - 1)));
    let prevRow: number | null = null;
    for (let c = 0; c < plotW; c++) {
      const v = cols[c];
      if (v === null || v === undefined) continue;
      const r = rowOf(v);
      // Vertical connector between consecutive points, so steep rises read as a line.
      if (prevRow !== null && Math.abs(r - prevRow) > 1) {
        const [lo, hi] = r > prevRow ? [prevRow + 1, r - 1] : [r + 1, prevRow - 1];
        for (let rr = lo; rr <= hi; rr++) setCell(grid, height - 1 - rr, c, p.glyph);
      }
      setCell(grid, height - 1 - r, c, p.glyph);
      prevRow = r;
    }
  }

  return grid.map((row, i) => {
    const valueAtRow = height === 1 ? yMax : Math.round(((height - 1 - i) / (height - 1)) * yMax);
    const labelled = i === 0 || i === height - 1 || (height >= 5 && i === Math.floor((height - 1) / 2));
    const label = labelled ? String(i === height - 1 ? 0 : valueAtRow) : '';
    return `${label.padStart(labelW)}${labelled ? '┤' : '│'}${row.join('')}`;
  });
}

function setCell(grid: string[][], row: number, col: number, ch: string): void {
  const r = grid[row];
  if (r && col >= 0 && col < r.length) r[col] = ch;
}

/** A bar like `[#####.....]` for PIDs used against the limit; width is the whole bar with brackets. */
export function renderBar(used: number | null, limit: number | null, width: number): string {
  const inner = Math.max(1, width - 2);
  if (used === null || limit === null || limit <= 0) return `[${'?'.repeat(Math.min(3, inner)).padEnd(inner, ' ')}]`;
  const filled = Math.min(inner, Math.round((used / limit) * inner));
  return `[${'#'.repeat(filled)}${'.'.repeat(inner - filled)}]`;
}
