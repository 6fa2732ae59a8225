import { describe, expect, it } from 'vitest';
import { rowText, wrapRow, wrapSeg } from './fit-line.js';

describe('wrapSeg', () => {
  it('keeps a text that fits whole, its indent and its style', () => {
    expect(wrapSeg({ text: '  Step 1/3 : FROM base', style: 'dim' }, 40)).toEqual([[{ text: '  Step 1/3 : FROM base', style: 'dim' }]]);
  });

  it('wraps an indented list item with its continuation rows under its text', () => {
    const rows = wrapSeg({ text: '  - add an init as PID 1: tini or dumb-init' }, 24);
    expect(rows.map(rowText)).toEqual(['  - add an init as PID', '    1: tini or dumb-init']);
    expect(rows.every((r) => r.length === 1 && r[0]!.style === undefined)).toBe(true);
  });

  it('keeps the indent where wrapRow, which breaks between pieces, drops it', () => {
    const seg = { text: '  x x x x x x', style: 'dim' as const };
    expect(wrapSeg(seg, 8).map(rowText)).toEqual(['  x x x', '  x x x']);
    expect(rowText(wrapRow([seg], 8)[0]!)).toBe('x x x x');
  });

  it('makes an empty text one empty row', () => {
    expect(wrapSeg({ text: '', style: 'strong' }, 10)).toEqual([[]]);
  });
});
