import { describe, expect, it } from 'vitest';
import { SilenceClock, silenceCredit } from './silence-clock.js';

describe('silenceCredit', () => {
  it('counts a tick that fired on time in full', () => {
    expect(silenceCredit(103, 100)).toBe(103);
  });
  it('counts a late tick as at most two ticks: the lab itself was not running', () => {
    expect(silenceCredit(2300, 100)).toBe(200);
  });
  it('never counts time backwards', () => {
    expect(silenceCredit(-5, 100)).toBe(0);
  });
});

describe('SilenceClock', () => {
  it('is done after 1 s of ticks that fired on time', () => {
    const c = new SilenceClock(1000, 100);
    const results = Array.from({ length: 10 }, () => c.tick(100));
    expect(results.slice(0, 9).every((d) => !d)).toBe(true);
    expect(results[9]).toBe(true);
  });
  it('is not done when the machine stalled for 2.3 s and the lab ran for only a few ticks of it', () => {
    const c = new SilenceClock(1000, 100);
    c.tick(100);
    c.tick(2300);
    c.tick(100);
    expect(c.done).toBe(false);
    expect(c.silentMs).toBe(400);
  });
});
