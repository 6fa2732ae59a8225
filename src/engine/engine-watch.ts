/**
 * Notices an engine that went away while a run goes on: the sampler reads the kernel, not the
 * engine, so without this a stopped engine would leave lanes "running" with frozen counts. A
 * ping every 0.4 s; a refused connection counts at once, a ping unanswered for longer than
 * `hungAfterMs` too (a hung engine), so a local engine's loss is known within about 1.4 s. Silence
 * is counted on the lab's own clock: a stall of the whole machine (a starved VM) is not a hung engine.
 */
import type Docker from 'dockerode';
import { hungAfterMs } from '../core/engine-endpoint.js';
import type { LostWhy } from '../core/problem-text.js';
import { SilenceClock } from '../core/silence-clock.js';
import { resolveEndpoint } from './docker-connect.js';
import { LabError } from './lab-error.js';
import { abortableDelay } from './timeout.js';

export interface WatchOptions {
  signal: AbortSignal;
  intervalMs?: number;
  timeoutMs?: number;
  endpoint?: string;
}

const TICK_MS = 100;

/** A ping, or 'timeout' once the engine has been silent for `ms` of the lab's own running time (SilenceClock). */
function pingWithin(docker: Docker, ms: number): Promise<'ok' | 'timeout' | { code: string }> {
  return new Promise((resolve) => {
    const clock = new SilenceClock(ms, TICK_MS);
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      if (clock.tick(now - last)) {
        clearInterval(timer);
        resolve('timeout');
      }
      last = now;
    }, TICK_MS);
    docker.ping().then(
      () => {
        clearInterval(timer);
        resolve('ok');
      },
      (err: unknown) => {
        clearInterval(timer);
        resolve({ code: (err as { code?: string } | null)?.code ?? (err instanceof Error ? err.message.split('\n')[0] ?? 'error' : 'error') });
      },
    );
  });
}

/** The cause and fix for a lost engine, as every lane and `compare` show it. */
export function engineLostError(endpoint: string, why: LostWhy): LabError {
  return LabError.of({ id: 'engine-lost', endpoint, why });
}

/** Resolves with the problem once the engine stops answering; with null when `signal` ends the watch first. */
export async function watchEngine(docker: Docker, opts: WatchOptions): Promise<LabError | null> {
  const intervalMs = opts.intervalMs ?? 400;
  const endpoint = opts.endpoint ?? resolveEndpoint().host;
  const timeoutMs = opts.timeoutMs ?? hungAfterMs(endpoint);
  while (!opts.signal.aborted) {
    const r = await pingWithin(docker, timeoutMs);
    if (opts.signal.aborted) return null;
    if (r === 'timeout') return engineLostError(endpoint, { silentS: timeoutMs / 1000 });
    if (r !== 'ok') return engineLostError(endpoint, { code: r.code });
    await abortableDelay(intervalMs, opts.signal);
  }
  return null;
}
