import { describe, expect, it } from 'vitest';
import { CrossCheck } from './cross-check.js';

describe('CrossCheck', () => {
  it('agrees when /proc says what the quiet fast path says', () => {
    expect(new CrossCheck().judge(40, 40, 40)).toBe('agreed');
  });
  it('does not judge while zombies are being made (the fast path moved during the scan)', () => {
    const c = new CrossCheck();
    expect(c.judge(40, 45, 43)).toBe('busy');
    expect(c.judge(45, 50, 47)).toBe('busy');
    expect(c.judge(50, 50, 50)).toBe('agreed');
  });
  it('falls back to /proc after two quiet disagreements in a row, not after one', () => {
    const c = new CrossCheck();
    expect(c.judge(40, 40, 38)).toBe('differed');
    expect(c.judge(40, 40, 40)).toBe('agreed');
    expect(c.judge(40, 40, 38)).toBe('differed');
    expect(c.judge(40, 40, 38)).toBe('fall-back');
  });
});
