import { describe, expect, it } from 'vitest';
import { plotSpanMs, renderBar, renderPlot, STOP_MARK } from './lane-plot.js';

const series = (values: number[], stepMs = 250) => values.map((zombies, i) => ({ t: i * stepMs, zombies }));
const isBraille = (ch: string | undefined): boolean => ch !== undefined && ch.codePointAt(0)! > 0x2800 && ch.codePointAt(0)! <= 0x28ff;

describe('renderPlot', () => {
  it('has the asked height and width, with 0 and the top on the axis', () => {
    const rows = renderPlot({ series: series([0, 1, 2]), width: 30, height: 5, yMax: 100, glyph: '*' });
    expect(rows).toHaveLength(5);
    for (const r of rows) expect([...r].length).toBe(30);
    expect(rows[0]?.startsWith('100┤')).toBe(true);
    expect(rows[4]?.startsWith('  0┤')).toBe(true);
  });
  // Issue 22 row 10: the middle tick read 154, 146 or 135 with a limit of 256.
  it('labels the middle of the y axis with half the top, on the row where that value is drawn, at every height', () => {
    for (const yMax of [256, 1024, 8192, 10]) {
      for (let height = 5; height <= 30; height++) {
        const rows = renderPlot({ series: series([yMax / 2, yMax / 2, yMax / 2]), width: 30, height, yMax, glyph: '*' });
        const labels = rows.map((r) => /^\s*(\d+)┤/.exec(r)?.[1]).filter((l) => l !== undefined);
        expect(labels, `${yMax} at ${height} rows`).toEqual([String(yMax), String(yMax / 2), '0']);
        const labelRow = rows.findIndex((r) => new RegExp(`^\\s*${yMax / 2}┤`).test(r));
        expect(rows[labelRow], `${yMax} at ${height} rows`).toContain('*');
      }
    }
  });
  it('draws a flat zero line in braille on the bottom row only, the glyph at the newest point', () => {
    const rows = renderPlot({ series: series([0, 0, 0, 0, 0, 0, 0, 0]), width: 20, height: 4, yMax: 10, glyph: 'o' });
    const bottom = [...(rows[3] ?? '').slice(3)];
    expect(bottom.filter(isBraille).length).toBeGreaterThanOrEqual(3);
    expect(bottom).toContain('o');
    expect(rows.slice(0, 3).join('')).not.toMatch(/[\u2801-\u28ff]/);
  });
  it('tells lanes apart by pattern: solid, dotted, dashed differ on the same data', () => {
    const data = series(Array<number>(40).fill(0), 100);
    const line = (pattern: 'solid' | 'dotted' | 'dashed') => renderPlot({ series: data, width: 30, height: 3, yMax: 10, glyph: '*', pattern })[2];
    expect(new Set([line('solid'), line('dotted'), line('dashed')]).size).toBe(3);
  });
  it('connects a jump vertically so a steep rise reads as a line', () => {
    const rows = renderPlot({ series: series([0, 0, 10, 10]), width: 10, height: 5, yMax: 10, glyph: '*' });
    for (const r of rows) expect([...r.slice(3)].some((c) => isBraille(c) || c === '*')).toBe(true);
  });
  it('shows the whole run: a run longer than the plot is compressed, its start still drawn', () => {
    const values = Array.from({ length: 2000 }, (_, i) => Math.floor(i / 10));
    const rows = renderPlot({ series: series(values, 100), width: 30, height: 6, yMax: 256, glyph: '*', ended: true });
    // The start (0 zombies) is in the first column and the end (199) near the right edge.
    expect(isBraille([...(rows[5] ?? '')][4])).toBe(true);
    expect(rows.some((r) => r.trimEnd().endsWith('*'))).toBe(true);
    expect(plotSpanMs(200_000, 26, true)).toBe(200_000);
    // While running, the span doubles instead of moving every tick.
    expect(plotSpanMs(7000, 26, false)).toBe(13 * 250 * 4);
  });
  it('marks the stop with a dotted column', () => {
    const rows = renderPlot({ series: series(Array<number>(80).fill(0), 100), width: 30, height: 4, yMax: 10, glyph: '*', stopAt: 4000, ended: true });
    expect(rows.slice(0, 3).every((r) => r.includes(STOP_MARK))).toBe(true);
  });
  it('is empty (axis only) without data', () => {
    const rows = renderPlot({ series: [], width: 12, height: 3, yMax: 10, glyph: '*' });
    expect(rows.join('')).not.toMatch(/[*\u2801-\u28ff]/);
  });
});

describe('renderBar', () => {
  it('fills in proportion to use', () => {
    expect(renderBar(5, 10, 12)).toBe('[#####.....]');
    expect(renderBar(10, 10, 6)).toBe('[####]');
    expect(renderBar(0, 10, 6)).toBe('[....]');
  });
  it('does not overflow past the limit and shows ? when unknown', () => {
    expect(renderBar(50, 10, 6)).toBe('[####]');
    expect(renderBar(null, 10, 7)).toBe('[???  ]');
  });
});
