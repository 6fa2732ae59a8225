import { describe, expect, it } from 'vitest';
import { OVERLAP_GLYPH, renderTextChart } from './text-chart.js';

const rising = { label: 'no init', glyph: '*', points: [0, 1, 2, 3, 4].map((i) => ({ t: i * 1000, v: i * 10 })) };
const flat = { label: 'dumb-init', glyph: 'o', points: [0, 1, 2, 3, 4].map((i) => ({ t: i * 1000, v: 0 })) };

describe('renderTextChart', () => {
  it('draws a rising series from bottom left to top right', () => {
    const lines = renderTextChart([rising], { width: 40, height: 8 });
    const plot = lines.slice(0, 8);
    expect(plot[0]).toMatch(/^40 ┤.*\*$/);
    expect(plot[7]?.startsWith(' 0 ┤*')).toBe(true);
  });

  it('keeps series apart by glyph and marks overlaps', () => {
    const lines = renderTextChart([rising, flat], { width: 40, height: 8 });
    const bottom = lines[7] ?? '';
    // At t=0 both are 0: overlap; later only the flat one is at 0.
    expect(bottom).toContain(`┤${OVERLAP_GLYPH}`);
    expect(bottom).toContain('o');
    expect(lines.at(-1)).toContain('* no init');
    expect(lines.at(-1)).toContain('o dumb-init');
  });

  it('leaves no gaps when there are fewer points than columns', () => {
    const sparse = { label: 's', glyph: 'o', points: [0, 1, 2].map((i) => ({ t: i * 1000, v: 0 })) };
    const bottom = renderTextChart([sparse], { width: 40, height: 4 })[3] ?? '';
    expect(bottom).toMatch(/┤o{37}$/);
  });

  it('never exceeds the width and honours a fixed y axis', () => {
    const lines = renderTextChart([rising], { width: 30, height: 5, yMax: 100 });
    expect(Math.max(...lines.slice(0, 6).map((l) => l.length))).toBeLessThanOrEqual(30);
    expect(lines[0]?.startsWith('100 ┤')).toBe(true);
    // 40 of 100 sits well below the top row.
    expect(lines[0]).not.toContain('*');
  });
});
