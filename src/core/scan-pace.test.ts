import { describe, expect, it } from 'vitest';
import { nextScanDelayMs, RateMeter } from './scan-pace.js';

describe('nextScanDelayMs', () => {
  it('keeps the tick rate while a scan is cheap', () => {
    expect(nextScanDelayMs(2, 0.25, 100)).toBe(100);
  });
  it('slows down to stay within the budget when a scan is dear', () => {
    // 290 ms a scan within a quarter of a core: one scan every 1.16 s.
    expect(nextScanDelayMs(290, 0.25, 100)).toBe(1160);
    expect(nextScanDelayMs(290, 0.02, 1000)).toBe(14_500);
  });
  it('a zero budget means never', () => {
    expect(nextScanDelayMs(1, 0, 100)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('RateMeter', () => {
  it('measures the delivered rate, smoothed', () => {
    const m = new RateMeter();
    expect(m.tick(0)).toBeNull();
    expect(m.tick(100)).toBe(10);
    for (let t = 200; t <= 3000; t += 100) m.tick(t);
    expect(m.rateHz()).toBe(10);
    for (let t = 3500; t <= 8000; t += 500) m.tick(t);
    expect(m.rateHz()).toBeCloseTo(2, 0);
  });
});
