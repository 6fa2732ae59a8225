/**
 * When a watched engine counts as lost. A refused or reset connection is the engine gone: at
 * once. Silence is judged against how fast this engine answers: a local socket answers in
 * milliseconds, so 1.5 s of silence is a hung engine; an engine in a TCG VM or behind ssh://
 * (a new SSH session per request) takes a second or more, and gets four times its slowest
 * recent answer (at most 10 s) before it counts as hung.
 */
export const GONE_CODES = ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'];

export type PingResult = 'ok' | 'timeout' | { code: string };

export interface LossState {
  /** When the engine last answered (ms). */
  lastAnswerAt: number;
  /** The slowest recent answer (ms), decaying; null before the first. */
  slowestMs: number | null;
}

/** Silence allowed before the engine counts as hung; before any answer, a generous first bound. */
export function hungAfterMs(state: LossState): number {
  if (state.slowestMs === null) return 5000;
  return Math.min(10_000, Math.max(1500, 4 * state.slowestMs));
}

export function judgePing(state: LossState, r: PingResult, now: number, tookMs: number): { lost: false } | { lost: true; why: string } {
  // An HTTP error is an answer too.
  if (r === 'ok' || (r !== 'timeout' && /^\d{3}$/.test(r.code))) {
    state.lastAnswerAt = now;
    state.slowestMs = Math.max(tookMs, (state.slowestMs ?? 0) * 0.9);
    return { lost: false };
  }
  if (r !== 'timeout' && GONE_CODES.includes(r.code)) return { lost: true, why: r.code };
  const silent = now - state.lastAnswerAt;
  return silent >= hungAfterMs(state) ? { lost: true, why: `no answer for ${(silent / 1000).toFixed(1)} s` } : { lost: false };
}
