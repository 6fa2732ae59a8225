/**
 * Benchmark (not a test): wrapping one long line to 80 columns, at 10 KB, 100 KB and 1 MB, for
 * plain ASCII words, one word with no space, German words and wide text with emoji. Linear
 * wrapping takes ten times as long for ten times the text (issue 22 row 18: it was quadratic,
 * 86 ms at 10 KB, 5.4 s at 100 KB, and never ended at 1 MB).
 */
import { wrapLine } from '../core/text-wrap.js';

export const WRAP_SIZES = [10_000, 100_000, 1_000_000] as const;

const KINDS: readonly [string, string][] = [
  ['ASCII words', 'zombie process reaped '],
  ['one word, no space', 'x'],
  ['German words', 'Größe Übergänge ärgern '],
  ['wide text and emoji', '日本語のゾンビ👍🏽 '],
];

export interface WrapBenchRow {
  kind: string;
  /** Milliseconds per size, in WRAP_SIZES order (best of three). */
  ms: number[];
}

export function wrapBench(): WrapBenchRow[] {
  return KINDS.map(([kind, unit]) => ({
    kind,
    ms: WRAP_SIZES.map((size) => {
      const line = unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
      let best = Infinity;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        wrapLine(line, 80);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    }),
  }));
}

export function wrapBenchReport(rows: WrapBenchRow[]): string {
  const kb = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000} MB` : `${n / 1000} KB`);
  const head = `| text | ${WRAP_SIZES.map(kb).join(' | ')} | 1 MB / 100 KB (linear: about 10) |`;
  const lines = [head, `|---|${WRAP_SIZES.map(() => '---:').join('|')}|---:|`];
  for (const r of rows) {
    const [, hundred = NaN, mega = NaN] = r.ms;
    lines.push(`| ${r.kind} | ${r.ms.map((m) => `${m.toFixed(1)} ms`).join(' | ')} | ${(mega / hundred).toFixed(1)} |`);
  }
  return `## Wrapping one long line to 80 columns\n\n${lines.join('\n')}\n`;
}
