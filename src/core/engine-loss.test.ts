import { describe, expect, it } from 'vitest';
import { judgePing } from './engine-loss.js';

describe('judgePing', () => {
  it('a refused or reset connection is the engine gone, at once', () => {
    expect(judgePing({ lastAnswerAt: 0 }, { code: 'ECONNREFUSED' }, 100, 6000)).toEqual({ lost: true, why: 'ECONNREFUSED' });
    expect(judgePing({ lastAnswerAt: 0 }, { code: 'ENOENT' }, 100, 6000).lost).toBe(true);
  });
  it('a slow engine is not lost: timeouts count only once nothing answered for the hung time', () => {
    const s = { lastAnswerAt: 0 };
    expect(judgePing(s, 'timeout', 1000, 6000).lost).toBe(false);
    expect(judgePing(s, 'ok', 2500, 6000).lost).toBe(false);
    expect(judgePing(s, 'timeout', 8000, 6000).lost).toBe(false);
    expect(judgePing(s, 'timeout', 8600, 6000)).toEqual({ lost: true, why: 'no answer for 6.1 s' });
  });
  it('an HTTP error is an answer', () => {
    const s = { lastAnswerAt: 0 };
    expect(judgePing(s, { code: '500' }, 7000, 6000).lost).toBe(false);
    expect(s.lastAnswerAt).toBe(7000);
  });
});
