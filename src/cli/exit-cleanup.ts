/**
 * Every way out removes what this process made: a normal end, Ctrl-C, SIGTERM, an uncaught
 * error. The first signal asks the running command to wind down (it removes its containers);
 * a second one, or a command that takes too long, force-removes and exits.
 */
import { isatty } from 'node:tty';
import { removeAllTracked } from '../engine/containers.js';
import { removeAllTrackedPods } from '../engine/pods/pod-tracking.js';
import { EXIT_SIGNAL } from './exit-codes.js';

type Interrupt = (signal: NodeJS.Signals) => void;
let onInterrupt: Interrupt | null = null;
let installed = false;
let exiting = false;

/** The shell's convention: 128 + the signal's number (exit-codes.ts, the one table every command exits by). */
export function signalExitCode(sig: NodeJS.Signals): number {
  return EXIT_SIGNAL[sig] ?? 143;
}

/** The running command's handler: abort its work. Returns a function that uninstalls it. */
export function setInterruptHandler(fn: Interrupt): () => void {
  onInterrupt = fn;
  return () => {
    if (onInterrupt === fn) onInterrupt = null;
  };
}

let leaving: Promise<never> | null = null;

/**
 * Removes what this process made and exits, only once however many errors and signals ask.
 * With `hangUp` it ends by SIGHUP's default action instead, as a process whose terminal hung up:
 * a normal exit would have Node 20 restore the modes of a terminal that no longer exists, which
 * fails an assertion and aborts (a core dump, or a crash report on a desktop).
 */
function leave(code: number, how: { message?: string; hangUp?: boolean } = {}): Promise<never> {
  leaving ??= (async () => {
    if (how.message) process.stderr.write(`${how.message}\n`);
    const timer = setTimeout(() => process.exit(code), 15_000);
    timer.unref();
    // Pods first: Podman removes a pod's containers with it.
    const pods = await removeAllTrackedPods().catch(() => 0);
    const n = (await removeAllTracked().catch(() => 0)) + pods;
    // After a hang-up there is nobody to tell.
    if (n > 0 && !how.hangUp) process.stderr.write(`zombie-lab: removed ${n} container${n === 1 ? '' : 's'} of this run\n`);
    if (how.hangUp) {
      process.removeAllListeners('SIGHUP');
      process.kill(process.pid, 'SIGHUP');
    }
    // After a hang-up, reached only if whoever started us ignores SIGHUP.
    process.exit(code);
  })();
  return leaving;
}

/** Cleans up and ends as a process whose terminal hung up (see leave). */
export function hangUp(): Promise<never> {
  return leave(signalExitCode('SIGHUP'), { hangUp: true });
}

// The standard streams that were a terminal when we started; one that no longer is has hung up.
const terminalFds = [0, 1, 2].filter((fd) => isatty(fd));

/** True when the terminal we started on has gone away (isatty fails on a hung-up terminal). */
export function terminalGone(): boolean {
  return terminalFds.some((fd) => !isatty(fd));
}

/**
 * A write to a terminal that is gone (window closed, ssh dropped, tmux killed) fails with EIO or
 * EPIPE. That is not a crash, and there is nobody to tell: clean up and leave as on SIGHUP.
 * Reporting it would write to the same dead terminal, fail again, and loop.
 */
export function isTerminalGone(err: unknown): boolean {
  const e = err as { code?: string; syscall?: string } | null;
  return (e?.code === 'EIO' || e?.code === 'EPIPE') && (e.syscall === 'write' || e.syscall === undefined);
}

export function installExitCleanup(): void {
  if (installed) return;
  installed = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(sig, () => {
      if (onInterrupt && !exiting) {
        exiting = true;
        const handler = onInterrupt;
        handler(sig);
        // If the command does not wind down in time, clean up and go anyway.
        setTimeout(() => void leave(signalExitCode(sig)), 20_000).unref();
        return;
      }
      void leave(signalExitCode(sig));
    });
  }
  const crash = (err: unknown) => {
    if (isTerminalGone(err) || terminalGone()) return void hangUp();
    const msg = err instanceof Error ? err.message : String(err);
    // For a report: the stack only when asked for, never on a learner's screen by default.
    if (process.env.ZOMBIE_LAB_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack ?? msg}\n`);
    void leave(70, { message: `zombie-lab: internal error: ${msg.split('\n')[0]} (please report it; containers of this run are being removed)` });
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
