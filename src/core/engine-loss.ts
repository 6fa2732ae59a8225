/**
 * When a watched engine counts as lost. A refused or reset connection is the engine gone: at
 * once. A ping that only takes long is not: an engine in a TCG VM or behind ssh:// (a new SSH
 * session per request) can take a second or more to answer while it works fine. Only when
 * nothing has answered for `hungMs` is it a hung engine.
 */
export const GONE_CODES = ['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH'];

export type PingResult = 'ok' | 'timeout' | { code: string };

export interface LossState {
  /** When the engine last answered (ms). */
  lastAnswerAt: number;
}

export function judgePing(state: LossState, r: PingResult, now: number, hungMs: number): { lost: false } | { lost: true; why: string } {
  if (r === 'ok') {
    state.lastAnswerAt = now;
    return { lost: false };
  }
  if (r !== 'timeout' && GONE_CODES.includes(r.code)) return { lost: true, why: r.code };
  // An HTTP error is an answer; a timeout or an unknown failure only counts once it lasts.
  if (r !== 'timeout' && /^\d{3}$/.test(r.code)) {
    state.lastAnswerAt = now;
    return { lost: false };
  }
  const silent = now - state.lastAnswerAt;
  return silent >= hungMs ? { lost: true, why: `no answer for ${(silent / 1000).toFixed(1)} s` } : { lost: false };
}
