import { describe, expect, it } from 'vitest';
import { plotWindowMs, renderBar, renderPlot } from './lane-plot.js';

const series = (values: number[], stepMs = 250) => values.map((zombies, i) => ({ t: i * stepMs, zombies }));

describe('renderPlot', () => {
  it('has the asked height and width, with 0 and the top on the axis', () => {
    const rows = renderPlot({ series: series([0, 1, 2]), width: 30, height: 5, yMax: 100, glyph: '*' });
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.length).toBe(30);
    expect(rows[0]?.startsWith('100┤')).toBe(true);
    expect(rows[4]?.startsWith('  0┤')).toBe(true);
  });
  it('draws a flat zero line on the bottom row only', () => {
    const rows = renderPlot({ series: series([0, 0, 0, 0]), width: 20, height: 4, yMax: 10, glyph: 'o' });
    expect(rows[3]).toContain('oooo');
    expect(rows.slice(0, 3).join('')).not.toContain('o');
  });
  it('puts the top value on the top row and connects a jump vertically', () => {
    const rows = renderPlot({ series: series([0, 10]), width: 10, height: 5, yMax: 10, glyph: '*' });
    const col = (r: string): number => r.indexOf('*');
    expect(col(rows[0] ?? '')).toBeGreaterThan(0);
    // Rows between the two points carry the connector in the second column.
    for (const r of rows.slice(1, 4)) expect(r[col(rows[0] ?? '')]).toBe('*');
  });
  it('clips values above yMax to the top row', () => {
    const rows = renderPlot({ series: series([500]), width: 10, height: 3, yMax: 10, glyph: '+' });
    expect(rows[0]).toContain('+');
  });
  it('scrolls: the newest sample sits in the last column once the run is wider than the plot', () => {
    const values = Array.from({ length: 200 }, (_, i) => (i === 199 ? 10 : 0));
    const rows = renderPlot({ series: series(values), width: 20, height: 3, yMax: 10, glyph: '*' });
    expect(rows[0]?.at(-1)).toBe('*');
  });
  it('is empty (axis only) without data', () => {
    const rows = renderPlot({ series: [], width: 12, height: 3, yMax: 10, glyph: '*' });
    expect(rows.join('')).not.toContain('*');
  });
});

describe('plotWindowMs', () => {
  it('is the plot columns (width minus the y labels) times the time per column', () => {
    expect(plotWindowMs(84, 256)).toBe(80 * 250);
    expect(plotWindowMs(20, 10, 100)).toBe(17 * 100);
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
