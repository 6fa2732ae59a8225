/**
 * Every way out removes what this process made: a normal end, Ctrl-C, SIGTERM, an uncaught
 * error. The first signal asks the running command to wind down (it removes its containers);
 * a second one, or a command that takes too long, force-removes and exits.
 */
import { removeAllTracked } from '../engine/containers.js';

type Interrupt = (signal: NodeJS.Signals) => void;
let onInterrupt: Interrupt | null = null;
let installed = false;
let exiting = false;

const EXIT_CODES: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** The running command's handler: abort its work. Returns a function that uninstalls it. */
export function setInterruptHandler(fn: Interrupt): () => void {
  onInterrupt = fn;
  return () => {
    if (onInterrupt === fn) onInterrupt = null;
  };
}

async function forceExit(code: number, message?: string): Promise<never> {
  if (message) process.stderr.write(`${message}\n`);
  const timer = setTimeout(() => process.exit(code), 15_000);
  timer.unref();
  const n = await removeAllTracked().catch(() => 0);
  if (n > 0) process.stderr.write(`zombie-lab: removed ${n} container${n === 1 ? '' : 's'} of this run\n`);
  process.exit(code);
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
        setTimeout(() => void forceExit(EXIT_CODES[sig] ?? 1), 20_000).unref();
        return;
      }
      void forceExit(EXIT_CODES[sig] ?? 1);
    });
  }
  const crash = (err: unknown) => {
    const msg = err instanceof Error ? err.message : String(err);
    void forceExit(70, `zombie-lab: internal error: ${msg.split('\n')[0]} (please report it; containers of this run are being removed)`);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
