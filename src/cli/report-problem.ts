import { isLabError } from '../engine/lab-error.js';
import { OptionError } from '../core/compare-options.js';
import { EXIT_USAGE } from './exit-codes.js';

/** Cause and fix on stderr, the one shape of every command's problem line. */
export function writeProblem(p: { message: string; fix: string }): void {
  process.stderr.write(`zombie-lab: ${p.message}\n${p.fix ? `  fix: ${p.fix}\n` : ''}`);
}

/** Prints a failure as cause + fix on stderr and returns the exit code for it. */
export function reportProblem(err: unknown): number {
  if (isLabError(err)) {
    writeProblem(err.problem);
    return 1;
  }
  // Usage errors: exit 2, as for an unknown option (README, "Exit codes").
  if (err instanceof OptionError || err instanceof RangeError) {
    writeProblem({ message: err.message, fix: err instanceof OptionError ? (err.fix ?? '') : '' });
    return EXIT_USAGE;
  }
  const msg = err instanceof Error ? err.message : String(err);
  writeProblem({ message: msg.split('\n')[0] ?? '', fix: '' });
  return 1;
}
