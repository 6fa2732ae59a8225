import { setTimeout as sleep } from 'node:timers/promises';

/** One bound for every engine call that can hang: rejects with code ETIMEDOUT after `ms`. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out after ${ms} ms`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Waits `ms`, or less when `signal` aborts first; never rejects (an abort just ends the wait early). */
export function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  return sleep(Math.max(0, ms), undefined, { signal }).catch(() => undefined);
}

/**
 * `p`, or `fallback` when `p` has not settled after `ms`: for waits that may give up (an exit, a
 * removal, a first line) without failing. The timer is cleared when `p` wins. It keeps the process
 * alive until then: a `p` that can no longer settle (its socket destroyed by a lost engine) holds
 * nothing open, and an unref'd timer let such a command end silently with exit 0, its result unsaid.
 */
export function settleWithin<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), Math.max(0, ms));
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
