/**
 * Word-wrapping of terminal lines that may hold ANSI SGR colour codes, so a screen can know
 * exactly how many rows its text takes. Continuation rows keep the line's indent and list
 * marker width (a hanging indent), which keeps wrapped bullet points readable.
 *
 * Width is counted in code points; wide East Asian characters and emoji are not special-cased
 * (the slide texts do not use them).
 */
// eslint-disable-next-line no-control-regex -- matching ANSI escapes is the point
const SGR = /\u001b\[[0-9;]*m/y;
const RESET = '\u001b[0m';
// eslint-disable-next-line no-control-regex -- SGR colour codes and OSC 8 hyperlinks
const STRIP = /\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

export function stripAnsi(text: string): string {
  return text.replace(STRIP, '');
}

export function visibleWidth(text: string): number {
  return [...stripAnsi(text)].length;
}

type Piece = { sgr: string } | { ch: string };

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < line.length) {
    SGR.lastIndex = i;
    const m = SGR.exec(line);
    if (m) {
      out.push({ sgr: m[0] });
      i += m[0].length;
      continue;
    }
    const ch = String.fromCodePoint(line.codePointAt(i) ?? 32);
    out.push({ ch });
    i += ch.length;
  }
  return out;
}

/** Hanging indent: leading spaces plus a list marker such as `* `, `- `, `• ` or `12. `. */
function hangingIndent(plain: string, width: number): number {
  const m = /^(\s*(?:[*•-]\s+|\d+[.)]\s+)?)/.exec(plain);
  const indent = m?.[1]?.length ?? 0;
  return indent < width / 2 ? indent : 0;
}

const URL_BREAK = new Set(['/', '.', '-', '?', '&', '=', '_', '#']);

/** Where to start new rows inside an over-long word: after the last separator that fits, else at the row's end. */
function breakPoints(chars: string[], firstRoom: number, room: number): Set<number> {
  const out = new Set<number>();
  let start = 0;
  let fits = Math.max(1, firstRoom);
  while (chars.length - start > fits) {
    let cut = start + fits;
    for (let i = start + fits - 1; i > start + Math.floor(fits / 3); i--) {
      if (URL_BREAK.has(chars[i] ?? '')) {
        cut = i + 1;
        break;
      }
    }
    out.add(cut);
    start = cut;
    fits = Math.max(1, room);
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
    const chars = word.filter((p) => 'ch' in p).length;
    if (chars > 0 && rowWidth + chars > w && rowWidth > indent.length) {
      closeRow();
      openRow();
    }
    // A word longer than a whole row (a URL): break it after a `/`, `.`, `-`, `?`, `&`, `=` or `_`
    // where one is near enough, not in the middle of a word.
    const text = word.flatMap((p) => ('ch' in p ? [p.ch] : []));
    const breaks = chars > w - rowWidth ? breakPoints(text, w - rowWidth, w - indent.length) : new Set<number>();
    let n = 0;
    for (const p of word) {
      if ('sgr' in p) {
        row += p.sgr;
        track(p.sgr);
        continue;
      }
      if (breaks.has(n) || rowWidth >= w) {
        closeRow();
        openRow();
      }
      row += p.ch;
      rowWidth++;
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
