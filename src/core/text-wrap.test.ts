import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { pick, seededRandom } from './seeded-random.js';
import { graphemesOf, osc8Link, stripAnsi, urlToFit, visibleWidth, wrapLine, wrapText } from './text-wrap.js';

const visibleWidthByStringWidth = (s: string): number => stringWidth(s);

const RED = '\u001b[31m';
const OFF = '\u001b[39m';

describe('wrapLine', () => {
  it('leaves lines that fit alone', () => {
    expect(wrapLine('kurz', 10)).toEqual(['kurz']);
    expect(wrapLine(`${RED}exactly10!${OFF}`, 10)).toEqual([`${RED}exactly10!${OFF}`]);
  });

  it('wraps at spaces and never exceeds the width', () => {
    const rows = wrapLine('Bei langlaufenden Containern ist ein Init Prozess ein gutes Pattern', 20);
    expect(rows).toEqual(['Bei langlaufenden', 'Containern ist ein', 'Init Prozess ein', 'gutes Pattern']);
  });

  it('keeps the indent of list items on continuation rows', () => {
    const rows = wrapLine('    * Elternprozess existiert nicht mehr oder führt kein wait() aus', 30);
    expect(rows[0]).toBe('    * Elternprozess existiert');
    expect(rows.slice(1).every((r) => r.startsWith('      ') && !r.startsWith('       '))).toBe(true);
    expect(rows.every((r) => visibleWidth(r) <= 30)).toBe(true);
    expect(rows.map((r) => r.trim()).join(' ')).toBe('* Elternprozess existiert nicht mehr oder führt kein wait() aus');
  });

  it('breaks words longer than a row', () => {
    const url = 'https://docs.docker.com/engine/reference/run/#specify-an-init-process';
    const rows = wrapLine(`see ${url}`, 25);
    expect(rows.every((r) => visibleWidth(r) <= 25)).toBe(true);
    expect(rows.join('')).toBe(`see${url}`);
  });

  it('does not count colour codes as width and re-opens the colour on the next row', () => {
    const rows = wrapLine(`${RED}eins zwei drei${OFF}`, 9);
    expect(rows.map(stripAnsi)).toEqual(['eins zwei', 'drei']);
    expect(rows[0]?.endsWith('\u001b[0m')).toBe(true);
    expect(rows[1]?.startsWith(RED)).toBe(true);
  });
  it('keeps colour codes inside a word longer than a row, re-opened on each row', () => {
    const rows = wrapLine(`see ${RED}${'a'.repeat(25)}${OFF}!`, 10);
    expect(rows.map(stripAnsi)).toEqual(['see', 'aaaaaaaaaa', 'aaaaaaaaaa', 'aaaaa!']);
    expect(rows[1]?.startsWith(RED)).toBe(true);
    expect(rows.every((r) => visibleWidth(r) <= 10)).toBe(true);
  });
});

describe('wide characters', () => {
  it('counts a wide East Asian character or an emoji as two columns, a combining accent as none', () => {
    expect(visibleWidth('日本語')).toBe(6);
    expect(visibleWidth('👍🏽 ok')).toBe(5);
    expect(visibleWidth('e\u0301t\u00e9')).toBe(3);
  });

  it('wraps wide text to rows that fit the width in columns, keeping every character', () => {
    const line = 'ゾンビ プロセス は 親 が wait しない と 残る 🧟🧟🧟🧟🧟🧟';
    const rows = wrapLine(line, 10);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => visibleWidth(r) <= 10)).toBe(true);
    expect(rows.join('').replace(/ /g, '')).toBe(line.replace(/ /g, ''));
  });

  it('never splits an emoji with a skin tone or a letter from its accent', () => {
    const rows = wrapLine('👍🏽👍🏽👍🏽 e\u0301e\u0301e\u0301e\u0301', 3);
    expect(rows.every((r) => visibleWidth(r) <= 3)).toBe(true);
    expect(rows.some((r) => r.startsWith('\u0301') || r.startsWith('🏽'))).toBe(false);
  });
});

describe('wrapText', () => {
  it('keeps blank lines as rows', () => {
    expect(wrapText('a\n\nb', 5)).toEqual(['a', '', 'b']);
  });
});

describe('long lines (issue 22 rows 6 and 18)', () => {
  const PIECES = ['a', 'b', ' ', '-', '/', 'ä', 'é', 'e\u0301', '日', '本', '👍', '👍🏽', '👨‍👩‍👧', '🇩🇪', '🇫🇷', '\u0301', '\u200d', 'ゾ', '️', '🧟'];
  const whole = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

  it('graphemesOf cuts text as the segmenter does on the whole string, window edges included (seeded)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const rand = seededRandom(seed);
      const text = Array.from({ length: 1500 }, () => pick(rand, PIECES)).join('');
      expect(graphemesOf(text), `seed ${seed}`).toEqual(Array.from(whole.segment(text), (s) => s.segment));
    }
  });

  it('visibleWidth of a long line agrees with string-width on the same text', () => {
    const rand = seededRandom(11);
    const text = Array.from({ length: 3000 }, () => pick(rand, ['a', ' ', 'ä', '日', '👍🏽', 'e\u0301'])).join('');
    expect(visibleWidth(text)).toBe(visibleWidthByStringWidth(text));
  });

  // Quadratic wrapping took 5.4 s at 100 KB and never ended at 1 MB: these finishing at all is
  // the test (the timings are in `npm run bench`).
  for (const [what, line] of [
    ['words', 'zombie process '.repeat(70_000)],
    ['one word', 'x'.repeat(1_000_000)],
    ['German words', 'Größe Übergänge ärgern '.repeat(45_000)],
    ['wide and emoji', '日本語👍🏽 '.repeat(160_000)],
  ] as const) {
    it(`wraps a 1 MB line of ${what}: every row fits, nothing lost`, () => {
      const rows = wrapLine(line, 80);
      expect(rows.length).toBeGreaterThan(1000);
      // The widest row, in one assertion: an expect per row cost more than the wrapping.
      expect(rows.reduce((most, r) => Math.max(most, visibleWidth(r)), 0)).toBeLessThanOrEqual(80);
      expect(rows.join('').replace(/ /g, '')).toBe(line.replace(/ /g, ''));
    }, 20_000);
  }
});

describe('urlToFit', () => {
  const url = 'https://docs.docker.com/engine/reference/run/#specify-an-init-process';
  it('keeps a URL that fits, drops the scheme and www. next, then keeps the host and the end', () => {
    expect(urlToFit(url, 80)).toBe(url);
    expect(urlToFit('https://www.example.org/a', 20)).toBe('example.org/a');
    expect(urlToFit(url, 50)).toBe('docs.docker.com/…/run/#specify-an-init-process');
    for (const room of [12, 20, 30, 50, 60]) expect(visibleWidth(urlToFit(url, room))).toBeLessThanOrEqual(room);
  });
  it('an OSC 8 link takes no columns and is placed whole by the wrapping', () => {
    const l = osc8Link('https://x.example/a', 'x.example/a');
    expect(visibleWidth(l)).toBe(11);
    expect(wrapLine(`some words before ${l} and after`, 24).map(stripAnsi)).toEqual(['some words before', 'x.example/a and after']);
  });
});
