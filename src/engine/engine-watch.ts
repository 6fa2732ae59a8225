/**
 * Notices an engine that went away while a run goes on: the sampler reads the kernel, not the
 * engine, so without this a stopped engine would leave lanes "running" with frozen counts. A
 * ping every 0.4 s; a refused connection counts at once (a stopped engine is known within about
 * 0.5 s), a slow answer does not (core/engine-loss.ts): only `hungMs` without any answer does.
 */
import type Docker from 'dockerode';
import { judgePing, type PingResult } from '../core/engine-loss.js';
import { resolveEndpoint } from './docker-connect.js';
import { LabError } from './lab-error.js';
import { abortableDelay } from './sampler.js';

export interface WatchOptions {
  signal: AbortSignal;
  intervalMs?: number;
  timeoutMs?: number;
  /** How long no answer at all means a hung engine (default 6 s). */
  hungMs?: number;
  endpoint?: string;
}

function pingWithin(docker: Docker, ms: number): Promise<PingResult> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    docker.ping().then(
      () => {
        clearTimeout(timer);
        resolve('ok');
      },
      (err: unknown) => {
        clearTimeout(timer);
        const e = err as { code?: string; statusCode?: number } | null;
        resolve({ code: e?.code ?? (e?.statusCode ? String(e.statusCode) : err instanceof Error ? (err.message.split('\n')[0] ?? 'error') : 'error') });
      },
    );
  });
}

/** The cause and fix for a lost engine, as every lane and `compare` show it. */
export function engineLostError(endpoint: string, why: string): LabError {
  return new LabError(`the Docker engine at ${endpoint} stopped answering (${why})`, 'start Docker again, then run again (r in the app): what this run left is removed then');
}

/** Resolves with the problem once the engine stops answering; with null when `signal` ends the watch first. */
export async function watchEngine(docker: Docker, opts: WatchOptions): Promise<LabError | null> {
  const intervalMs = opts.intervalMs ?? 400;
  const timeoutMs = opts.timeoutMs ?? 1000;
  const hungMs = opts.hungMs ?? 6000;
  const endpoint = opts.endpoint ?? resolveEndpoint().host;
  const state = { lastAnswerAt: Date.now() };
  while (!opts.signal.aborted) {
    const r = await pingWithin(docker, timeoutMs);
    if (opts.signal.aborted) return null;
    const verdict = judgePing(state, r, Date.now(), hungMs);
    if (verdict.lost) return engineLostError(endpoint, verdict.why);
    await abortableDelay(intervalMs, opts.signal);
  }
  return null;
}
