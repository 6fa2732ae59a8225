import { describe, expect, it } from 'vitest';
import { hungAfterMs, judgePing, type LossState } from './engine-loss.js';

describe('judgePing', () => {
  it('a refused or reset connection is the engine gone, at once', () => {
    expect(judgePing({ lastAnswerAt: 0, slowestMs: 5 }, { code: 'ECONNREFUSED' }, 100, 1)).toEqual({ lost: true, why: 'ECONNREFUSED' });
    expect(judgePing({ lastAnswerAt: 0, slowestMs: 5 }, { code: 'ENOENT' }, 100, 1).lost).toBe(true);
  });
  it('a local engine that falls silent is hung after 1.5 s', () => {
    const s: LossState = { lastAnswerAt: 0, slowestMs: null };
    judgePing(s, 'ok', 1000, 4);
    expect(hungAfterMs(s)).toBe(1500);
    expect(judgePing(s, 'timeout', 2400, 1400).lost).toBe(false);
    expect(judgePing(s, 'timeout', 2500, 1500)).toEqual({ lost: true, why: 'no answer for 1.5 s' });
  });
  it('a slow engine (TCG VM, ssh) gets four times its slowest answer', () => {
    const s: LossState = { lastAnswerAt: 0, slowestMs: null };
    judgePing(s, 'ok', 1200, 1200);
    expect(hungAfterMs(s)).toBe(4800);
    expect(judgePing(s, 'timeout', 5000, 3800).lost).toBe(false);
    expect(judgePing(s, 'timeout', 6100, 4900).lost).toBe(true);
  });
  it('an HTTP error is an answer', () => {
    const s: LossState = { lastAnswerAt: 0, slowestMs: 10 };
    expect(judgePing(s, { code: '500' }, 7000, 10).lost).toBe(false);
    expect(s.lastAnswerAt).toBe(7000);
  });
});
