/**
 * Line plot for one lane in braille cells (2x4 dots per cell, as btop and ttyplot draw): the
 * zombie count over the whole run, y fixed from 0 to the PID limit. Lanes stay apart without
 * colour by their dot pattern (solid, dotted, dashed) and their glyph at the newest point.
 * Pure: series and size in, rows of text out.
 */
import type { ModeId } from './modes.js';

export type PlotPattern = 'solid' | 'dotted' | 'dashed';

/** Each lane's dot pattern, so the lanes differ in black and white too. */
export const MODE_PATTERN: Record<ModeId, PlotPattern> = { 'no-init': 'solid', 'dumb-init': 'dotted', init: 'dashed' };
/** A flat line in each pattern, as the help's legend shows it. */
export const PATTERN_SAMPLE: Record<PlotPattern, string> = { solid: '⣀⣀⣀⣀⣀', dotted: '⡀⡀⡀⡀⡀', dashed: '⣀⣀ ⣀⣀' };

export interface PlotInput {
  series: readonly { t: number; zombies: number }[];
  /** Total width in cells, y-axis labels included. */
  width: number;
  /** Rows of plot area. */
  height: number;
  /** Top of the fixed y-axis. */
  yMax: number;
  /** Drawn at the newest point. */
  glyph: string;
  pattern?: PlotPattern;
  /** Run-relative ms `docker stop` was sent: a dotted column marks it. */
  stopAt?: number | null;
  /** The run is over: the x axis ends at its last sample instead of leaving room to grow. */
  ended?: boolean;
  /** The newest sample time of all lanes, so lanes side by side share one time axis. */
  lastT?: number;
}

/** Time one column stands for at least, ms: a short run does not fill the width at once. */
export const DEFAULT_MS_PER_COLUMN = 250;
export const STOP_MARK = '┊';

const BRAILLE = 0x2800;
// Dot bits by [sub-column][sub-row from the top].
const DOT = [
  [0x01, 0x02, 0x04, 0x40],
  [0x08, 0x10, 0x20, 0x80],
] as const;

export const labelWidth = (yMax: number): number => String(Math.max(1, Math.round(yMax))).length;

/**
 * The time the x axis spans: the whole run. While it runs the span doubles when the run
 * outgrows it (the line does not crawl left on every tick); once it ended, it fits exactly.
 */
export function plotSpanMs(lastT: number, plotCols: number, ended: boolean): number {
  const min = Math.max(1, plotCols) * DEFAULT_MS_PER_COLUMN;
  if (lastT <= min) return min;
  if (ended) return lastT;
  return min * 2 ** Math.ceil(Math.log2(lastT / min));
}

const drawn = (pattern: PlotPattern, x: number): boolean => (pattern === 'solid' ? true : pattern === 'dotted' ? x % 2 === 0 : x % 6 < 4);

export function renderPlot(p: PlotInput): string[] {
  const height = Math.max(1, p.height);
  const yMax = Math.max(1, p.yMax);
  const labelW = labelWidth(yMax);
  const plotW = Math.max(1, p.width - labelW - 1);
  const pattern = p.pattern ?? 'solid';
  const bits: number[][] = Array.from({ length: height }, () => Array<number>(plotW).fill(0));
  const over: (string | null)[][] = Array.from({ length: height }, () => Array<string | null>(plotW).fill(null));

  const last = p.series.at(-1);
  if (last) {
    const subW = plotW * 2;
    const subH = height * 4;
    const span = plotSpanMs(Math.max(last.t, p.lastT ?? 0), plotW, p.ended === true);
    const xOf = (t: number): number => Math.min(subW - 1, Math.max(0, Math.floor((t / span) * subW)));
    const cols: (number | null)[] = Array<number | null>(subW).fill(null);
    for (const pt of p.series) {
      const x = xOf(pt.t);
      cols[x] = Math.max(cols[x] ?? 0, pt.zombies);
    }
    // Hold the previous value across sub-columns without a sample, so the line does not break.
    const lastX = xOf(last.t);
    let prev: number | null = null;
    for (let x = 0; x <= lastX; x++) {
      if (cols[x] === null) cols[x] = prev;
      prev = cols[x] ?? prev;
    }
    const yOf = (v: number): number => Math.min(subH - 1, Math.round((Math.min(Math.max(0, v), yMax) / yMax) * (subH - 1)));
    const dot = (x: number, yFromBottom: number): void => {
      const yTop = subH - 1 - yFromBottom;
      const row = Math.floor(yTop / 4);
      const col = Math.floor(x / 2);
      const r = bits[row];
      if (r && col < plotW) r[col] = (r[col] ?? 0) | DOT[x % 2 as 0 | 1][yTop % 4 as 0 | 1 | 2 | 3];
    };
    let prevY: number | null = null;
    for (let x = 0; x <= lastX; x++) {
      const v = cols[x];
      if (v === null || v === undefined) continue;
      const y = yOf(v);
      // A steep rise is drawn as a vertical run of dots whatever the pattern, so it reads as one line.
      if (prevY !== null && Math.abs(y - prevY) > 1) {
        const [lo, hi] = y > prevY ? [prevY + 1, y - 1] : [y + 1, prevY - 1];
        for (let yy = lo; yy <= hi; yy++) dot(x, yy);
      }
      if (drawn(pattern, x) || x === lastX) dot(x, y);
      prevY = y;
    }
    if (p.stopAt !== null && p.stopAt !== undefined && p.stopAt >= 0) {
      const c = Math.floor(xOf(p.stopAt) / 2);
      for (let r = 0; r < height; r++) if ((bits[r]?.[c] ?? 0) === 0) (over[r] as (string | null)[])[c] = STOP_MARK;
    }
    const lastY = yOf(last.zombies);
    (over[Math.floor((subH - 1 - lastY) / 4)] as (string | null)[])[Math.floor(lastX / 2)] = p.glyph;
  }

  // Three labels: the top, 0, and half the top (half the PID limit: 128 of 256, never an odd 146)
  // on the row where that value is drawn.
  const half = Math.round(yMax / 2);
  const subRows = height * 4;
  const halfRow = Math.floor((subRows - 1 - Math.round((half / yMax) * (subRows - 1))) / 4);
  return bits.map((row, i) => {
    const valueAtRow = i === 0 ? yMax : i === height - 1 ? 0 : half;
    const labelled = i === 0 || i === height - 1 || (height >= 5 && i === halfRow);
    const label = labelled ? String(valueAtRow) : '';
    const cells = row.map((b, c) => over[i]?.[c] ?? (b === 0 ? ' ' : String.fromCodePoint(BRAILLE + b)));
    return `${label.padStart(labelW)}${labelled ? '┤' : '│'}${cells.join('')}`;
  });
}

/** A bar like `[#####.....]` for PIDs used against the limit; width is the whole bar with brackets. */
export function renderBar(used: number | null, limit: number | null, width: number): string {
  const inner = Math.max(1, width - 2);
  if (used === null || limit === null || limit <= 0) return `[${'?'.repeat(Math.min(3, inner)).padEnd(inner, ' ')}]`;
  const filled = Math.min(inner, Math.round((used / limit) * inner));
  return `[${'#'.repeat(filled)}${'.'.repeat(inner - filled)}]`;
}
