import { describe, expect, it } from 'vitest';
import { keyHelp } from './keymap.js';
import { COLUMN_GAP, layoutKeyHelp } from './help-layout.js';
import { visibleWidth } from './text-wrap.js';

const rows = [
  { keys: 'a', what: 'one' },
  { keys: 'bb', what: 'two words here' },
  { keys: 'c', what: 'three' },
];

describe('layoutKeyHelp', () => {
  it('keeps one column when the rows fit the height, every row as wide as the column', () => {
    const l = layoutKeyHelp(rows, 30, 3);
    expect(l.columns).toHaveLength(1);
    expect(l.columns[0]).toEqual(['a   one'.padEnd(30), 'bb  two words here'.padEnd(30), 'c   three'.padEnd(30)]);
  });
  it('wraps a description under itself, not under the keys', () => {
    const l = layoutKeyHelp([{ keys: 'Esc', what: 'back to where you were' }], 20, 10);
    expect(l.columns[0]?.map((r) => r.trimEnd())).toEqual(['Esc  back to where', '     you were']);
  });
  it('goes to two columns when one is too tall, split where the taller is shortest', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({ keys: String(i), what: i === 0 ? 'a long description that wraps' : 'x' }));
    const l = layoutKeyHelp(many, 40, 4);
    expect(l.columns).toHaveLength(2);
    expect(l.columnWidth).toBe(Math.floor((40 - COLUMN_GAP) / 2));
    expect(l.height).toBeLessThanOrEqual(4);
    for (const c of l.columns) for (const r of c) expect(visibleWidth(r)).toBe(l.columnWidth);
  });
  // The presenter app's own table, in the box the help overlay gets at the smallest terminal (80x24).
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: the presenter's keys fit the 80x24 overlay (74 columns, 18 rows)`, () => {
      const l = layoutKeyHelp(keyHelp(lang), 74, 18);
      expect(l.height).toBeLessThanOrEqual(18);
      expect(l.columns.length * l.columnWidth + (l.columns.length - 1) * COLUMN_GAP).toBeLessThanOrEqual(74);
    });
  }
});
