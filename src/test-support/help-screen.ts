/**
 * Reading a key-help box (double border) off a screen as a presenter would: is its title whole,
 * is every row of the key table there exactly once, and does each read as one piece (keys, then
 * the whole description, wrapped lines under it) with nothing of the other column run into it.
 */
import type { HelpRow } from '../core/help-layout.js';

const words = (s: string): string => s.trim().split(/\s+/).join(' ');

export function helpBoxProblems(screen: string, title: string, rows: readonly HelpRow[]): string[] {
  const lines = screen.split('\n');
  const top = lines.findIndex((l) => l.includes('╔'));
  const bottom = lines.findIndex((l, i) => i > top && l.includes('╚'));
  if (top < 0 || bottom < 0) return ['no help box on the screen'];
  const box = lines.slice(top + 1, bottom).map((l) => [...l.slice(l.indexOf('║') + 1, l.lastIndexOf('║'))]);
  const problems: string[] = [];
  if (!box.some((l) => l.join('').trim() === title)) problems.push(`title not whole: "${box[0]?.join('').trim()}"`);

  // Where each row's keys stand: at a cell's start (after two spaces at least) with two spaces after.
  const at = (l: string[], c: number, s: string[]) => s.every((ch, k) => l[c + k] === ch);
  const found = rows.map((r) => {
    const keys = [...r.keys];
    const hits: { line: number; col: number }[] = [];
    box.forEach((l, line) => {
      for (let col = 2; col + keys.length <= l.length; col++) {
        if (at(l, col, keys) && l[col - 1] === ' ' && l[col - 2] === ' ' && (l[col + keys.length] ?? ' ') === ' ' && (l[col + keys.length + 1] ?? ' ') === ' ') hits.push({ line, col });
      }
    });
    return hits;
  });
  const starts = [...new Set(found.flatMap((h) => (h.length === 1 ? [h[0]?.col ?? 0] : [])))].sort((a, b) => a - b);
  rows.forEach((r, i) => {
    const hits = found[i] ?? [];
    if (hits.length !== 1) {
      problems.push(`keys "${r.keys}" ${hits.length === 0 ? 'missing' : `${hits.length} times`}`);
      return;
    }
    const { line, col } = hits[0] ?? { line: 0, col: 0 };
    const end = starts.find((s) => s > col) ?? Infinity;
    const cell = (l: string[] | undefined) => (l ?? []).slice(col, end).join('');
    let text = cell(box[line]);
    for (let j = line + 1; j < box.length; j++) {
      const c = cell(box[j]);
      if (c.trim() === '' || !c.startsWith(' '.repeat(r.keys.length + 1))) break;
      text += ` ${c}`;
    }
    if (words(text) !== words(`${r.keys} ${r.what}`)) problems.push(`row "${r.keys}" reads "${words(text)}"`);
  });
  return problems;
}
