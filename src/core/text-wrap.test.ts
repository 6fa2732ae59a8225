import { describe, expect, it } from 'vitest';
import { stripAnsi, visibleWidth, wrapLine, wrapText } from './text-wrap.js';

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
