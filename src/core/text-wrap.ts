/**
 * Word-wrapping of terminal lines that may hold ANSI SGR colour codes, so a screen can know
 * exactly how many rows its text takes. Continuation rows keep the line's indent and list
 * marker width (a hanging indent), which keeps wrapped bullet points readable.
 *
 * Width is counted in terminal columns per grapheme (string-width, the measure Ink uses): a wide
 * East Asian character or an emoji takes two, a combining accent none. The wrapping itself stays
 * here because wrap-ansi has no hanging indent and no URL-friendly break points.
 */
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';

// eslint-disable-next-line no-control-regex -- matching ANSI escapes is the point
const SGR = /\u001b\[[0-9;]*m/g;
const RESET = '\u001b[0m';

/** Removes colour codes and OSC 8 hyperlinks (Node's own; kept under this name for its callers). */
export const stripAnsi: (text: string) => string = stripVTControlCharacters;

export function visibleWidth(text: string): number {
  return stringWidth(text);
}

type Piece = { sgr: string } | { ch: string; w: number };

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Printable ASCII is one column; only other graphemes are measured (the slides are mostly ASCII). */
function columns(ch: string): number {
  return ch.length === 1 && ch >= ' ' && ch <= '~' ? 1 : stringWidth(ch);
}

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  const text = (t: string) => {
    for (const { segment } of graphemes.segment(t)) out.push({ ch: segment, w: columns(segment) });
  };
  let i = 0;
  for (const m of line.matchAll(SGR)) {
    if (m.index > i) text(line.slice(i, m.index));
    out.push({ sgr: m[0] });
    i = m.index + m[0].length;
  }
  if (i < line.length) text(line.slice(i));
  return out;
}

/** Hanging indent: leading spaces plus a list marker such as `* `, `- `, `• ` or `12. `. */
function hangingIndent(plain: string, width: number): number {
  const m = /^(\s*(?:[*•-]\s+|\d+[.)]\s+)?)/.exec(plain);
  const indent = m?.[1]?.length ?? 0;
  return indent < width / 2 ? indent : 0;
}

const URL_BREAK = new Set(['/', '.', '-', '?', '&', '=', '_', '#']);

/** How many of `chars` from `start` fit in `room` columns (at least one). */
function fitting(chars: readonly { w: number }[], start: number, room: number): number {
  let n = 0;
  let used = 0;
  while (start + n < chars.length && used + (chars[start + n]?.w ?? 1) <= room) used += chars[start + n++]?.w ?? 1;
  return Math.max(1, n);
}

/** Where to start new rows inside an over-long word: after the last separator that fits, else at the row's end. */
function breakPoints(chars: readonly { ch: string; w: number }[], firstRoom: number, room: number): Set<number> {
  const out = new Set<number>();
  let start = 0;
  let fits = fitting(chars, start, Math.max(1, firstRoom));
  while (chars.length - start > fits) {
    let cut = start + fits;
    for (let i = start + fits - 1; i > start + Math.floor(fits / 3); i--) {
      if (URL_BREAK.has(chars[i]?.ch ?? '')) {
        cut = i + 1;
        break;
      }
    }
    out.add(cut);
    start = cut;
    fits = fitting(chars, start, Math.max(1, room));
  }
  return out;
}

/** Wraps one line (no '\n') to rows of at most `width` visible characters. */
export function wrapLine(line: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  if (visibleWidth(line) <= w) return [line];
  const indent = ' '.repeat(hangingIndent(stripAnsi(line), w));

  // Split into words (runs of non-spaces) and single spaces, keeping SGR codes attached.
  const rows: string[] = [];
  let row = '';
  let rowWidth = 0;
  let active: string[] = []; // SGR codes in effect, replayed on the next row
  let word: Piece[] = [];

  const openRow = () => {
    row = indent + active.join('');
    rowWidth = indent.length;
  };
  const closeRow = () => {
    rows.push(active.length > 0 ? row.replace(/ +$/, '') + RESET : row.replace(/ +$/, ''));
  };
  const track = (sgr: string) => {
    active = sgr === RESET || sgr === '\u001b[m' ? [] : [...active, sgr];
  };
  const flushWord = () => {
    const text = word.flatMap((p) => ('ch' in p ? [p] : []));
    const chars = text.reduce((sum, p) => sum + p.w, 0);
    if (chars > 0 && rowWidth + chars > w && rowWidth > indent.length) {
      closeRow();
      openRow();
    }
    // A word longer than a whole row (a URL): break it after a `/`, `.`, `-`, `?`, `&`, `=` or `_`
    // where one is near enough, not in the middle of a word.
    const breaks = chars > w - rowWidth ? breakPoints(text, w - rowWidth, w - indent.length) : new Set<number>();
    let n = 0;
    for (const p of word) {
      if ('sgr' in p) {
        row += p.sgr;
        track(p.sgr);
        continue;
      }
      if (breaks.has(n) || (rowWidth + p.w > w && rowWidth > indent.length)) {
        closeRow();
        openRow();
      }
      row += p.ch;
      rowWidth += p.w;
      n++;
    }
    word = [];
  };

  row = '';
  rowWidth = 0;
  for (const p of pieces(line)) {
    if ('ch' in p && p.ch === ' ') {
      flushWord();
      if (rowWidth > indent.length || rows.length === 0) {
        if (rowWidth < w) {
          row += ' ';
          rowWidth++;
        }
      }
      continue;
    }
    word.push(p);
  }
  flushWord();
  if (stripAnsi(row).trim() !== '' || rows.length === 0) closeRow();
  return rows;
}

/** Wraps multi-line text; returns one string per screen row. */
export function wrapText(text: string, width: number): string[] {
  return text.split('\n').flatMap((line) => wrapLine(line, width));
}
