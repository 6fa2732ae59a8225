/**
 * Notices an engine that went away while a run goes on: the sampler reads the kernel, not the
 * engine, so without this a stopped engine would leave lanes "running" with frozen counts. A
 * ping every 0.4 s; a refused connection counts at once, silence by how fast this engine answers
 * (core/engine-loss.ts): a local engine that hangs is known within about 1.5 s, a slow one (a TCG
 * VM, ssh://) is not taken for a lost one.
 */
import type Docker from 'dockerode';
import { hungAfterMs, judgePing, type LossState, type PingResult } from '../core/engine-loss.js';
import { resolveEndpoint } from './docker-connect.js';
import { LabError } from './lab-error.js';
import { abortableDelay } from './sampler.js';

export interface WatchOptions {
  signal: AbortSignal;
  intervalMs?: number;
  timeoutMs?: number;
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
  const endpoint = opts.endpoint ?? resolveEndpoint().host;
  const state: LossState = { lastAnswerAt: Date.now(), slowestMs: null };
  while (!opts.signal.aborted) {
    const started = Date.now();
    // Wait for this answer only as long as the silence allowed is not used up.
    const allowance = opts.timeoutMs ?? Math.max(100, hungAfterMs(state) - (started - state.lastAnswerAt));
    const r = await pingWithin(docker, allowance);
    if (opts.signal.aborted) return null;
    const now = Date.now();
    const verdict = judgePing(state, r, now, now - started);
    if (verdict.lost) return engineLostError(endpoint, verdict.why);
    await abortableDelay(intervalMs, opts.signal);
  }
  return null;
}
