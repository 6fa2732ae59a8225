import { describe, expect, it } from 'vitest';
import { abortableDelay, settleWithin, withTimeout } from './timeout.js';

describe('settleWithin', () => {
  it('gives the promise when it settles in time, else the fallback', async () => {
    expect(await settleWithin(Promise.resolve(7), 1000, null)).toBe(7);
    expect(await settleWithin(new Promise<number>(() => undefined), 10, 'late' as const)).toBe('late');
  });
  it('passes a rejection on (only lateness has a fallback)', async () => {
    await expect(settleWithin(Promise.reject(new Error('boom')), 1000, null)).rejects.toThrow('boom');
  });
});

describe('withTimeout', () => {
  it('rejects with ETIMEDOUT naming what hung', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'docker info')).rejects.toMatchObject({ code: 'ETIMEDOUT', message: 'docker info timed out after 10 ms' });
  });
});

describe('abortableDelay', () => {
  it('ends at once, without rejecting, when the signal aborts', async () => {
    const abort = new AbortController();
    const waited = abortableDelay(60_000, abort.signal);
    abort.abort();
    await expect(waited).resolves.toBeUndefined();
    await expect(abortableDelay(60_000, abort.signal)).resolves.toBeUndefined();
  });
});
