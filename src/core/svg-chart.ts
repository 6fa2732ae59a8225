/**
 * The handout: the zombie count of the three modes over time as a standalone SVG, with axes,
 * a legend and the `docker stop` times. Pure (string out), so the app's `e` key and
 * `compare --svg` draw the same picture. Lines differ by dash pattern and marker, not only colour.
 */
import { MODE_IDS, MODES, type ModeId } from './modes.js';
import type { ModeResult } from './run-events.js';
import { uiText, type SvgWords } from './i18n.js';
import type { StopWay } from './stop-way.js';

export interface SvgChartInput {
  series: Partial<Record<ModeId, { t: number; zombies: number }[]>>;
  results?: ModeResult[];
  title?: string;
  /** The chart's words (default English); the app passes its language's. */
  words?: SvgWords;
  /** Run-relative ms at which `docker stop` was sent, drawn as a marked vertical line. */
  stopAt?: number | null;
  /** What stopped the run (a pods run's lanes: the pod's grace period), named at the line and in the legend; default `docker stop`. */
  stopWay?: StopWay;
  /** The containers' PID limit (default: the results' largest), drawn as a labelled line when the zombies come near it. */
  pidsLimit?: number | null;
}

/** How far (px) a line lying on another is drawn above it, so both stay visible. */
const LIFT_PX = 3;

/** The value of a series (sorted by t) at time t: its last point at or before t. */
function valueAt(pts: readonly { t: number; zombies: number }[], t: number): number | null {
  let lo = 0;
  let hi = pts.length - 1;
  let found: number | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pts[mid]!;
    if (p.t <= t) {
      found = p.zombies;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Which earlier line a series lies on (within 1.5 px at half its points or more), so it is drawn
 * LIFT_PX higher than that one: dumb-init and docker --init both at 0 are two lines, not one.
 */
export function liftsFor(series: readonly (readonly { t: number; zombies: number }[])[], pxPerZombie: number): { lift: number; on: number | null }[] {
  const out: { lift: number; on: number | null }[] = [];
  series.forEach((pts, i) => {
    let best: { lift: number; on: number | null } = { lift: 0, on: null };
    for (let j = 0; j < i; j++) {
      const other = series[j]!;
      if (pts.length === 0 || other.length === 0) continue;
      const lift = out[j]!.lift;
      const close = pts.filter((p) => {
        const v = valueAt(other, p.t);
        return v !== null && Math.abs((v - p.zombies) * pxPerZombie - lift) < 1.5;
      }).length;
      if (close * 2 >= pts.length && lift + LIFT_PX > best.lift) best = { lift: lift + LIFT_PX, on: j };
    }
    out.push(best);
  });
  return out;
}

const STYLE: Record<ModeId, { color: string; dash: string; marker: 'circle' | 'square' | 'cross' }> = {
  'no-init': { color: '#c0392b', dash: '', marker: 'cross' },
  'dumb-init': { color: '#1f6fb2', dash: '8 4', marker: 'circle' },
  init: { color: '#218c3a', dash: '2 3', marker: 'square' },
};

const W = 880;
const H = 460;
const M = { left: 64, right: 24, top: 48, bottom: 120 };

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A round step for axis ticks: 1, 2 or 5 times a power of ten, giving about `n` ticks. */
export function niceStep(max: number, n = 5): number {
  const raw = Math.max(max, 1) / n;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

function marker(kind: 'circle' | 'square' | 'cross', x: number, y: number, color: string): string {
  const p = `${x.toFixed(1)}`;
  const q = `${y.toFixed(1)}`;
  if (kind === 'circle') return `<circle cx="${p}" cy="${q}" r="3.5" fill="white" stroke="${color}" stroke-width="1.5"/>`;
  if (kind === 'square') return `<rect x="${(x - 3).toFixed(1)}" y="${(y - 3).toFixed(1)}" width="6" height="6" fill="${color}"/>`;
  return `<path d="M${x - 4} ${y - 4}L${x + 4} ${y + 4}M${x - 4} ${y + 4}L${x + 4} ${y - 4}" stroke="${color}" stroke-width="1.5"/>`;
}

export function renderSvgChart(input: SvgChartInput): string {
  const modes = MODE_IDS.filter((m) => input.series[m] !== undefined);
  let tMax = 1000;
  let yTop = 1;
  for (const m of modes) {
    for (const p of input.series[m] ?? []) {
      tMax = Math.max(tMax, p.t);
      yTop = Math.max(yTop, p.zombies);
    }
  }
  // The PID limit is drawn where the zombies come near it: there it is why the no-init line levels off.
  const limit = input.pidsLimit ?? Math.max(0, ...(input.results ?? []).map((r) => r.pidsLimit ?? 0));
  const showLimit = limit > 0 && yTop * 2 >= limit;
  if (showLimit) yTop = Math.max(yTop, limit);
  const yStep = niceStep(yTop);
  const yMax = Math.ceil(yTop / yStep) * yStep;
  const tStepS = niceStep(tMax / 1000, 8);
  const tAxisMax = Math.ceil(tMax / 1000 / tStepS) * tStepS * 1000;
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const x = (t: number): number => M.left + (t / tAxisMax) * pw;
  const y = (v: number): number => M.top + ph - (v / yMax) * ph;

  const w = input.words ?? uiText('en').svg;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="13">`);
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(`<text x="${W / 2}" y="24" text-anchor="middle" font-size="17" font-weight="bold">${esc(input.title ?? w.title)}</text>`);

  // Axes and grid.
  for (let v = 0; v <= yMax + 1e-9; v += yStep) {
    const yy = y(v).toFixed(1);
    parts.push(`<line x1="${M.left}" y1="${yy}" x2="${W - M.right}" y2="${yy}" stroke="#ddd"/>`);
    parts.push(`<text x="${M.left - 8}" y="${yy}" text-anchor="end" dominant-baseline="middle">${Math.round(v)}</text>`);
  }
  for (let s = 0; s * 1000 <= tAxisMax + 1e-9; s += tStepS) {
    const xx = x(s * 1000).toFixed(1);
    parts.push(`<line x1="${xx}" y1="${M.top + ph}" x2="${xx}" y2="${M.top + ph + 5}" stroke="black"/>`);
    parts.push(`<text x="${xx}" y="${M.top + ph + 20}" text-anchor="middle">${Number(s.toFixed(2))}</text>`);
  }
  parts.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + ph}" stroke="black"/>`);
  parts.push(`<line x1="${M.left}" y1="${M.top + ph}" x2="${W - M.right}" y2="${M.top + ph}" stroke="black"/>`);
  parts.push(`<text x="${M.left + pw / 2}" y="${M.top + ph + 40}" text-anchor="middle">${esc(w.timeAxis)}</text>`);
  parts.push(`<text transform="translate(18 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(w.yAxis)}</text>`);

  // When docker stop was sent: after it, no-init keeps its zombies until SIGKILL, the others end at once.
  if (input.stopAt !== undefined && input.stopAt !== null && input.stopAt >= 0 && input.stopAt <= tAxisMax) {
    const xs = x(input.stopAt).toFixed(1);
    parts.push(`<line class="stop" x1="${xs}" y1="${M.top}" x2="${xs}" y2="${M.top + ph}" stroke="#555" stroke-width="1.5" stroke-dasharray="6 3"/>`);
    parts.push(`<text x="${(x(input.stopAt) + 6).toFixed(1)}" y="${M.top + 14}" fill="#333">${esc(w.stopAt(input.stopAt, input.stopWay))}</text>`);
  }

  if (showLimit) {
    const yl = y(limit).toFixed(1);
    parts.push(`<line class="pid-limit" x1="${M.left}" y1="${yl}" x2="${W - M.right}" y2="${yl}" stroke="#7a1f1f" stroke-width="1.5"/>`);
    parts.push(`<text class="pid-limit" x="${W - M.right - 4}" y="${(y(limit) - 6).toFixed(1)}" text-anchor="end" fill="#7a1f1f">${esc(w.pidLimit(limit))}</text>`);
  }

  // Series. A line lying on an earlier one is drawn a little higher, and the markers of each mode
  // sit at other times than the others', so no lane hides under another.
  const lifts = liftsFor(
    modes.map((m) => input.series[m] ?? []),
    ph / yMax,
  );
  modes.forEach((m, k) => {
    const st = STYLE[m];
    const pts = input.series[m] ?? [];
    const lift = lifts[k]?.lift ?? 0;
    const ly = (v: number): number => y(v) - lift;
    if (pts.length > 0) {
      const d = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)} ${ly(p.zombies).toFixed(1)}`).join('');
      parts.push(`<path class="series ${m}" d="${d}" fill="none" stroke="${st.color}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}><title>${esc(MODES[m].label)}</title></path>`);
      // Markers at about 12 evenly spaced points keep the lines apart in black and white; each
      // mode's a third of a step after the previous one's.
      const every = Math.max(1, Math.floor(pts.length / 12));
      const phase = Math.floor((every * k) / Math.max(1, modes.length));
      pts.forEach((p, i) => {
        if ((i + every - phase) % every === 0 || i === pts.length - 1) parts.push(marker(st.marker, x(p.t), ly(p.zombies), st.color));
      });
    }
  });

  // Legend with PID 1 and the stop time of each mode.
  const results = new Map((input.results ?? []).map((r) => [r.mode, r]));
  modes.forEach((m, i) => {
    const st = STYLE[m];
    const ly = M.top + ph + 62 + i * 18;
    const lx = M.left;
    parts.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 36}" y2="${ly}" stroke="${st.color}" stroke-width="2"${st.dash ? ` stroke-dasharray="${st.dash}"` : ''}/>`);
    parts.push(marker(st.marker, lx + 18, ly, st.color));
    const r = results.get(m);
    const extra = r ? ` — ${w.legend(r, input.stopWay)}` : '';
    const on = lifts[i]?.on;
    const lifted = on !== null && on !== undefined && modes[on] ? ` (${w.liftedOver(w.modeLabel[modes[on]])})` : '';
    parts.push(`<text x="${lx + 46}" y="${ly}" dominant-baseline="middle">${esc(`${w.modeLabel[m]} (${MODES[m].glyph})${extra}${lifted}`)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
