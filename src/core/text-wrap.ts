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

// eslint-disable-next-line no-control-regex -- escape sequences are what this matches
const COLOUR = /\u001b\[[0-9;]*m/g;
// Colour codes and OSC 8 hyperlinks (ended by BEL): both take no columns.
// eslint-disable-next-line no-control-regex -- escape sequences are what this matches
const SGR = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*\u0007/g;
const RESET = '\u001b[0m';

/** Removes colour codes and OSC 8 hyperlinks (Node's own; kept under this name for its callers). */
export const stripAnsi: (text: string) => string = stripVTControlCharacters;

/** Removes colour codes only: OSC 8 hyperlinks stay (NO_COLOR asks for no colour, not for no links). */
export function stripColour(text: string): string {
  return text.replace(COLOUR, '');
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Columns the text takes on a terminal, in time linear in its length (string-width is not, on long non-ASCII text). */
export function visibleWidth(text: string): number {
  return widthUpTo(text, Infinity);
}

/**
 * The text's columns, counted until they pass `limit` (then some number above it): whether a
 * long line fits is known from its first row's worth, and the line is read whole only to wrap it.
 */
function widthUpTo(text: string, limit: number): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let w = 0;
  scanGraphemes(stripAnsi(text), (_, cols) => (w += cols) > limit);
  return w;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Code units given to the segmenter at a time. Intl.Segmenter's time grows with the square of
 * its input in Node 20 (a 10 KB line 0.16 s, 100 KB 6.7 s, 1 MB never seen to end), so long
 * text goes to it in windows this long; 128 was the fastest of 32 to 1024.
 */
const SEGMENT_WINDOW = 128;

/**
 * The width of a code unit that never joins a neighbour into one grapheme (it is no mark, joiner,
 * modifier, surrogate, jamo or prepended sign), else -1: printable ASCII and Latin letters one
 * column, CJK ideographs, kana and Hangul syllables two.
 */
function simpleWidth(c: number): number {
  if (c >= 0x20 && c <= 0x7e) return 1;
  if (c >= 0xa0 && c <= 0x24f && c !== 0xad) return 1;
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || (c >= 0xac00 && c <= 0xd7a3)) return 2;
  return -1;
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

// string-width takes tens of microseconds on an emoji: text repeats its few, so they are remembered.
const measured = new Map<string, number>();

/** Columns of one grapheme. */
function columns(g: string): number {
  const simple = g.length === 1 ? simpleWidth(g.charCodeAt(0)) : -1;
  if (simple >= 0) return simple;
  let w = measured.get(g);
  if (w === undefined) {
    w = stringWidth(g);
    if (measured.size >= 4096) measured.clear();
    measured.set(g, w);
  }
  return w;
}

/**
 * Calls `each` with every grapheme of `text` and its width, in time linear in the text's length, until `each` says true.
 * A simple character (simpleWidth) followed by another, or by the end, is a grapheme of its own;
 * elsewhere the segmenter gets a window, whose last grapheme may be cut by the window's end and
 * so is segmented again at the next window's start. A window never ends between the two halves
 * of a surrogate pair (that would make the emoji before it look complete).
 */
function scanGraphemes(text: string, each: (g: string, cols: number) => boolean | void): void {
  let i = 0;
  while (i < text.length) {
    const w = simpleWidth(text.charCodeAt(i));
    if (w >= 0 && (i + 1 === text.length || simpleWidth(text.charCodeAt(i + 1)) >= 0)) {
      if (each(text[i] as string, w) === true) return;
      i++;
      continue;
    }
    let end = Math.min(text.length, i + SEGMENT_WINDOW);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const segs = Array.from(graphemes.segment(text.slice(i, end)), (x) => x.segment);
    // The last one may be cut, unless the text ends here or it is the window's only grapheme (then it is too long to matter).
    const keep = end === text.length || segs.length === 1 ? segs.length : segs.length - 1;
    for (let k = 0; k < keep; k++) {
      const g = segs[k] as string;
      if (each(g, columns(g)) === true) return;
      i += g.length;
    }
  }
}

/** The graphemes of `text`, in time linear in its length. */
export function graphemesOf(text: string): string[] {
  const out: string[] = [];
  scanGraphemes(text, (g) => {
    out.push(g);
  });
  return out;
}

/** A line in pieces: colour codes, single spaces, and runs of other characters (parts of words) with their width. */
type Token = { sgr: string } | { space: true } | { text: string; w: number };

/** One pass over the line's graphemes (the segmenter sees each stretch of text once, in windows). */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let run = '';
  let runW = 0;
  const endRun = () => {
    if (run) out.push({ text: run, w: runW });
    run = '';
    runW = 0;
  };
  const text = (t: string) => {
    if (PRINTABLE_ASCII.test(t)) {
      // Most text: words are runs between spaces, as wide as they are long.
      t.split(' ').forEach((word, k) => {
        if (k > 0) {
          endRun();
          out.push({ space: true });
        }
        run += word;
        runW += word.length;
      });
      return;
    }
    scanGraphemes(t, (g, w) => {
      if (g === ' ') {
        endRun();
        out.push({ space: true });
      } else {
        run += g;
        runW += w;
      }
    });
  };
  let i = 0;
  for (const m of line.matchAll(SGR)) {
    if (m.index > i) text(line.slice(i, m.index));
    endRun();
    out.push({ sgr: m[0] });
    i = m.index + m[0].length;
  }
  if (i < line.length) text(line.slice(i));
  endRun();
  return out;
}

/** Hanging indent: leading spaces plus a list marker such as `* `, `- `, `• ` or `12. `. */
function hangingIndent(plain: string, width: number): number {
  const m = /^(\s*(?:[*•-]\s+|\d+[.)]\s+)?)/.exec(plain);
  const indent = m?.[1]?.length ?? 0;
  return indent < width / 2 ? indent : 0;
}

const URL_BREAK = new Set(['/', '.', '-', '?', '&', '=', '_', '#']);

/** A long word's graphemes as two parallel arrays (a million small objects would cost more than the wrapping). */
interface Graphemes {
  ch: string[];
  w: number[];
}

/** How many graphemes from `start` fit in `room` columns (at least one). */
function fitting(g: Graphemes, start: number, room: number): number {
  let n = 0;
  let used = 0;
  while (start + n < g.w.length && used + (g.w[start + n] ?? 1) <= room) used += g.w[start + n++] ?? 1;
  return Math.max(1, n);
}

/** Where to start new rows inside an over-long word: after the last separator that fits, else at the row's end. */
function breakPoints(g: Graphemes, firstRoom: number, room: number): Set<number> {
  const out = new Set<number>();
  let start = 0;
  let fits = fitting(g, start, Math.max(1, firstRoom));
  while (g.w.length - start > fits) {
    let cut = start + fits;
    for (let i = start + fits - 1; i > start + Math.floor(fits / 3); i--) {
      if (URL_BREAK.has(g.ch[i] ?? '')) {
        cut = i + 1;
        break;
      }
    }
    out.add(cut);
    start = cut;
    fits = fitting(g, start, Math.max(1, room));
  }
  return out;
}

/**
 * Wraps one line (no '\n') to rows of at most `width` visible characters, in time linear in
 * the line's length: a word that fits is placed whole; only a word longer than a row is taken
 * apart grapheme by grapheme.
 */
export function wrapLine(line: string, width: number): string[] {
  const w = Math.max(1, Math.floor(width));
  if (widthUpTo(line, w) <= w) return [line];
  const indent = ' '.repeat(hangingIndent(stripAnsi(line), w));

  const rows: string[] = [];
  let row = '';
  let rowWidth = 0;
  let active: string[] = []; // SGR codes in effect, replayed on the next row
  let word: Exclude<Token, { space: true }>[] = [];

  const openRow = () => {
    row = indent + active.join('');
    rowWidth = indent.length;
  };
  const closeRow = () => {
    rows.push(active.length > 0 ? row.replace(/ +$/, '') + RESET : row.replace(/ +$/, ''));
  };
  const track = (sgr: string) => {
    // A hyperlink is placed whole (urlToFit sizes it to a row): it is not replayed on the next row.
    if (sgr.startsWith('\u001b]')) return;
    active = sgr === RESET || sgr === '\u001b[m' ? [] : [...active, sgr];
  };
  /** A word longer than a whole row (a URL): broken after a `/`, `.`, `-`, `?`, `&`, `=` or `_` where one is near enough, not mid-word. */
  const breakWord = () => {
    const g: Graphemes = { ch: [], w: [] };
    const codesAt = new Map<number, string[]>(); // colour codes before the grapheme at this index
    for (const p of word) {
      if ('sgr' in p) codesAt.set(g.ch.length, [...(codesAt.get(g.ch.length) ?? []), p.sgr]);
      else if (PRINTABLE_ASCII.test(p.text)) {
        for (const ch of p.text) {
          g.ch.push(ch);
          g.w.push(1);
        }
      } else {
        scanGraphemes(p.text, (ch, cw) => {
          g.ch.push(ch);
          g.w.push(cw);
        });
      }
    }
    const breaks = breakPoints(g, w - rowWidth, w - indent.length);
    for (let n = 0; n <= g.ch.length; n++) {
      for (const sgr of codesAt.get(n) ?? []) {
        row += sgr;
        track(sgr);
      }
      const ch = g.ch[n];
      if (ch === undefined) break;
      const cw = g.w[n] ?? 1;
      if (breaks.has(n) || (rowWidth + cw > w && rowWidth > indent.length)) {
        closeRow();
        openRow();
      }
      row += ch;
      rowWidth += cw;
    }
  };
  const flushWord = () => {
    const wordW = word.reduce((sum, p) => sum + ('w' in p ? p.w : 0), 0);
    if (wordW > 0 && rowWidth + wordW > w && rowWidth > indent.length) {
      closeRow();
      openRow();
    }
    if (rowWidth + wordW > w) breakWord();
    else {
      for (const p of word) {
        if ('sgr' in p) track(p.sgr);
        row += 'sgr' in p ? p.sgr : p.text;
      }
      rowWidth += wordW;
    }
    word = [];
  };

  for (const p of tokens(line)) {
    if ('space' in p) {
      flushWord();
      if ((rowWidth > indent.length || rows.length === 0) && rowWidth < w) {
        row += ' ';
        rowWidth++;
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

/**
 * A URL as shown in `room` columns, never broken across rows: whole if it fits; else without
 * `https://` and `www.` (how people read and type it); else the host, `/…/` and as much of its
 * end as fits. The caller links the shown text to the whole URL (osc8Link) when they differ.
 */
export function urlToFit(url: string, room: number): string {
  if (url.length <= room) return url;
  const bare = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^www\./, '');
  if (bare.length <= room) return bare;
  const slash = bare.indexOf('/');
  const host = slash < 0 ? bare : bare.slice(0, slash);
  const tail = room - host.length - 2; // "/…"
  if (tail >= 8) {
    // The end starts at a path's slash (or after a dash, dot, ...) where one is near: "host/…/the-page".
    let end = bare.slice(bare.length - tail);
    const slash = end.indexOf('/');
    const sep = end.search(/[-._?&=#]/);
    if (slash >= 0 && slash < end.length / 2) end = end.slice(slash);
    else if (sep >= 0 && sep < end.length / 2) end = end.slice(sep + 1);
    return `${host}/…${end}`;
  }
  return `${bare.slice(0, Math.max(1, room - 1))}…`;
}

/** An OSC 8 hyperlink: `text` shown, `url` opened on a click where the terminal supports it (others show the text). */
export function osc8Link(url: string, text: string): string {
  // eslint-disable-next-line no-control-regex -- a URL must not end the sequence early
  const safe = url.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
  return `\u001b]8;;${safe}\u0007${text}\u001b]8;;\u0007`;
}
