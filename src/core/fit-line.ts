/**
 * Fitting a line of styled pieces into a width without cutting anything: try the variants from
 * the longest to the shortest wording (shorter labels, less decoration), and when even the
 * shortest does not fit, wrap it between pieces (and inside a piece only at spaces). The
 * screen then never shows a "…" where a number or a state should be.
 */
import { visibleWidth, wrapLine } from './text-wrap.js';

/**
 * What a piece means; the UI maps it to colour and weight. `heading`, `hint`, `passed` and
 * `failed` are the lab runner's: a step's title, a hint, a check's verdict and a failed item
 * (`failed` is not bold, unlike `error`, since it runs on for rows of detail).
 */
export type SegStyle = 'plain' | 'strong' | 'mode' | 'ok' | 'accent' | 'error' | 'dim' | 'replay' | 'live' | 'heading' | 'hint' | 'passed' | 'failed';

export interface Seg {
  text: string;
  style?: SegStyle;
  /** The lane a `mode` piece belongs to (for its colour). */
  mode?: string;
}

export type Row = Seg[];

export const rowWidth = (row: Row): number => row.reduce((n, s) => n + visibleWidth(s.text), 0);

/** The first variant that fits on one row, else the last one wrapped onto as many rows as it needs. */
export function fitLine(variants: readonly Row[], width: number): Row[] {
  const w = Math.max(1, Math.floor(width));
  for (const v of variants) if (rowWidth(v) <= w) return [v];
  const last = variants.at(-1);
  return last ? wrapRow(last, w) : [[]];
}

/** Wraps between pieces; a piece wider than a row is word-wrapped on its own rows. A piece's leading spaces go at a row start. */
export function wrapRow(row: Row, width: number): Row[] {
  const w = Math.max(1, Math.floor(width));
  const rows: Row[] = [];
  let cur: Row = [];
  let used = 0;
  const close = () => {
    if (cur.length > 0) rows.push(cur);
    cur = [];
    used = 0;
  };
  for (const seg of row) {
    const text = used === 0 ? seg.text.trimStart() : seg.text;
    const n = visibleWidth(text);
    if (used + n <= w) {
      cur.push({ ...seg, text });
      used += n;
      continue;
    }
    close();
    const trimmed = seg.text.trimStart();
    if (visibleWidth(trimmed) <= w) {
      cur.push({ ...seg, text: trimmed });
      used = visibleWidth(trimmed);
      continue;
    }
    const parts = wrapLine(trimmed, w);
    parts.forEach((p, i) => {
      if (i < parts.length - 1) rows.push([{ ...seg, text: p }]);
      else {
        cur = [{ ...seg, text: p }];
        used = visibleWidth(p);
      }
    });
  }
  close();
  return rows.length > 0 ? rows : [[]];
}

/**
 * One piece of running text as rows of the width, each in the piece's style: word-wrapped with
 * its indent kept, and a list item's continuation rows under its text (wrapLine's hanging
 * indent). wrapRow drops a piece's leading spaces at a row start, right between pieces of a line
 * but not for an indented line of text (a lab's "try this", the builder's output). An empty text
 * is an empty row.
 */
export function wrapSeg(seg: Seg, width: number): Row[] {
  return wrapLine(seg.text, width).map((text) => (text === '' ? [] : [{ ...seg, text }]));
}

/** The plain text of a row (tests, and places that only need the words). */
export const rowText = (row: Row): string => row.map((s) => s.text).join('');
