import { describe, expect, it } from 'vitest';
import { alignTable, fitName, formatDuration } from './text-table.js';

describe('alignTable', () => {
  it('pads name columns right and number columns left, with a rule as wide as each column', () => {
    expect(alignTable(['name', 'n'], [['tini', '7'], ['x', '120']], 1)).toEqual(['name    n', '────  ───', 'tini    7', 'x     120']);
  });
  it('drops the trailing blanks of a short last column', () => {
    expect(alignTable(['a', 'b'], [['long name', '']], 2)).toEqual(['a          b', '─────────  ─', 'long name']);
  });
});

describe('formatDuration', () => {
  it('gives whole ms under a second and tenths of seconds above', () => {
    expect(formatDuration(99.6)).toBe('100 ms');
    expect(formatDuration(999.4)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1.0 s');
    expect(formatDuration(10_250)).toBe('10.3 s');
  });
});

describe('fitName', () => {
  it('pads a short name and keeps the end of a long one', () => {
    expect(fitName('web', 6)).toBe('web   ');
    expect(fitName('zombie-lab-a1b2c3d4-no-init', 12)).toBe('…3d4-no-init');
    expect(fitName('zombie-lab-a1b2c3d4-no-init', 12)).toHaveLength(12);
  });
});
