/**
 * Where each row of a slide goes on a screen of a given size: title, rule, body, diagrams and
 * the space left for the live lanes. Kept apart from the Ink component so the arithmetic that
 * keeps a slide inside its rows can be tested on its own.
 */
import { treeDiagram, isTreeName } from '../core/slides/diagrams.js';
import type { Lang } from '../core/lang.js';
import type { Slide } from '../core/slides/types.js';
import { visibleWidth, wrapLine } from '../core/text-wrap.js';
import { markdownLines } from './markdown-lines.js';

export type SlideRow =
  | { kind: 'text'; text: string; bold?: boolean; zombie?: boolean }
  | { kind: 'lanes'; rows: number };

/** Rows the live lanes get at least, when a slide has them; text is cut before they are. */
export const LANES_MIN_ROWS = 6;
export const MORE_MARKER = '…';

export interface LayoutOptions {
  width: number;
  height: number;
  noColor: boolean;
  lang: Lang;
  /** Whether someone will draw the lanes; without it a `lanes` widget takes no room. */
  withLanes: boolean;
}

function contentRows(slide: Slide, o: LayoutOptions): SlideRow[] {
  const rows: SlideRow[] = markdownLines(slide.body, o.width, o.noColor).map((text) => ({ kind: 'text', text }));
  for (const widget of slide.widgets) {
    if (widget.kind === 'lanes') {
      if (!o.withLanes) continue;
      if (rows.length > 0) rows.push({ kind: 'text', text: '' });
      rows.push({ kind: 'lanes', rows: 0 });
      continue;
    }
    // The parser only lets known names through; an unknown one here means a hand-built Slide.
    const lines = isTreeName(widget.name) ? treeDiagram(widget.name, o.lang) : [`(unknown diagram "${widget.name}")`];
    if (rows.length > 0) rows.push({ kind: 'text', text: '' });
    for (const line of lines) {
      const zombie = line.includes('<defunct>') && /[└├]/.test(line);
      for (const text of wrapLine(line, o.width)) rows.push({ kind: 'text', text, zombie });
    }
  }
  return rows;
}

export function layoutSlide(slide: Slide, o: LayoutOptions): SlideRow[] {
  const width = Math.max(1, Math.floor(o.width));
  const height = Math.max(0, Math.floor(o.height));
  const opts = { ...o, width };

  const titleRows = wrapLine(slide.title, width);
  const ruleWidth = Math.min(width, Math.max(...titleRows.map(visibleWidth)));
  const all: SlideRow[] = [
    ...titleRows.map((text): SlideRow => ({ kind: 'text', text, bold: true })),
    { kind: 'text', text: '━'.repeat(ruleWidth) },
    { kind: 'text', text: '' },
    ...contentRows(slide, opts),
  ];
  const isBlank = (r: SlideRow | undefined) => r?.kind === 'text' && r.text === '';
  while (isBlank(all.at(-1))) all.pop();

  // Only the first lanes widget gets room: there is one set of live lanes per screen.
  const lanesAt = all.findIndex((r) => r.kind === 'lanes');
  const rows = all.filter((r, i) => r.kind === 'text' || i === lanesAt);
  const textCount = rows.length - (lanesAt >= 0 ? 1 : 0);
  const lanesReserve = lanesAt >= 0 ? Math.min(LANES_MIN_ROWS, height) : 0;
  const textBudget = Math.max(0, height - lanesReserve);

  const out: SlideRow[] = [];
  let used = 0;
  let cut = false;
  for (const row of rows) {
    if (row.kind === 'lanes') {
      out.push(row);
      continue;
    }
    if (cut) continue;
    const mustCut = textCount > textBudget && used === textBudget - 1;
    if (mustCut) {
      out.push({ kind: 'text', text: MORE_MARKER });
      used++;
      cut = true;
      continue;
    }
    if (used >= textBudget) {
      cut = true;
      continue;
    }
    out.push(row);
    used++;
  }
  const lanes = out.find((r) => r.kind === 'lanes');
  if (lanes) lanes.rows = height - used;
  return out.filter((r) => r.kind === 'text' || r.rows > 0);
}
