/**
 * What every command that runs containers does first: connect, sweep leftovers of dead runs,
 * and turn Ctrl-C / SIGTERM into an abort of its work (which removes its containers).
 */
import { connectDocker, type Connection } from '../engine/docker-connect.js';
import type { SweepCounts } from '../core/i18n.js';
import { describeSweep, sweepCounts, sweepLeftovers, type SweepReport } from '../engine/sweep.js';
import { setInterruptHandler, signalExitCode } from './exit-cleanup.js';

/** What every command says first: which engine, and why that one. */
export function engineLine(conn: Connection): string {
  return `engine: ${conn.described}`;
}

export async function connectAndSweep(opts: { timeoutMs?: number } = {}): Promise<{ conn: Connection; swept: SweepReport; sweptCounts: SweepCounts; sweptLine: string | null }> {
  const conn = await connectDocker(opts);
  const swept = await sweepLeftovers(conn.docker);
  return { conn, swept, sweptCounts: sweepCounts(swept), sweptLine: describeSweep(swept) };
}

export interface InterruptScope {
  signal: AbortSignal;
  /** The signal that interrupted the command, if one did. */
  interrupted(): NodeJS.Signals | null;
  dispose(): void;
}

export function interruptScope(): InterruptScope {
  const abort = new AbortController();
  let by: NodeJS.Signals | null = null;
  const uninstall = setInterruptHandler((sig) => {
    by = sig;
    abort.abort();
  });
  return { signal: abort.signal, interrupted: () => by, dispose: uninstall };
}

/** The exit code of a command a signal interrupted (exit-cleanup's table). */
export const exitCodeFor: (sig: NodeJS.Signals) => number = signalExitCode;
