/**
 * A key table laid out as rows of text for a box of a given size: the keys in a column of their
 * own, each description wrapped beside them (continuations under the description, not under the
 * keys). One column when it fits the height, else two, split where the taller one is shortest.
 * Every row is exactly its column's width, so two columns side by side never run into each other.
 */
import { visibleWidth, wrapLine } from './text-wrap.js';

export interface HelpRow {
  keys: string;
  what: string;
}

export interface HelpLayout {
  /** One or two columns of screen rows, each row padded to `columnWidth`. */
  columns: string[][];
  columnWidth: number;
  /** Rows of the tallest column. */
  height: number;
}

export const COLUMN_GAP = 2;

/** One column's rows: keys padded to the widest key plus two, descriptions wrapped beside them. */
export function keyColumn(rows: readonly HelpRow[], width: number): string[] {
  const keyW = Math.max(0, ...rows.map((r) => visibleWidth(r.keys))) + 2;
  const textW = Math.max(8, width - keyW);
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - visibleWidth(s)));
  return rows.flatMap((r) => wrapLine(r.what, textW).map((line, i) => pad(`${pad(i === 0 ? r.keys : '', keyW)}${line}`, width)));
}

export function layoutKeyHelp(rows: readonly HelpRow[], width: number, height: number): HelpLayout {
  const one = keyColumn(rows, width);
  if (one.length <= height || rows.length < 2) return { columns: [one], columnWidth: width, height: one.length };
  const columnWidth = Math.floor((width - COLUMN_GAP) / 2);
  let best: string[][] = [];
  let bestH = Infinity;
  for (let split = 1; split < rows.length; split++) {
    const cols = [keyColumn(rows.slice(0, split), columnWidth), keyColumn(rows.slice(split), columnWidth)];
    const h = Math.max(...cols.map((c) => c.length));
    if (h < bestH) {
      best = cols;
      bestH = h;
    }
  }
  return { columns: best, columnWidth, height: bestH };
}
