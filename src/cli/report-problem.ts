import { isLabError } from '../engine/lab-error.js';
import { OptionError } from '../core/compare-options.js';
import { EXIT_USAGE } from './exit-codes.js';

/** Prints a failure as cause + fix on stderr and returns the exit code for it. */
export function reportProblem(err: unknown): number {
  if (isLabError(err)) {
    process.stderr.write(`zombie-lab: ${err.problem.message}\n  fix: ${err.problem.fix}\n`);
    return 1;
  }
  // Usage errors: exit 2, as for an unknown option (README, "Exit codes").
  if (err instanceof OptionError || err instanceof RangeError) {
    const fix = err instanceof OptionError && err.fix ? `\n  fix: ${err.fix}` : '';
    process.stderr.write(`zombie-lab: ${err.message}${fix}\n`);
    return EXIT_USAGE;
  }
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`zombie-lab: ${msg.split('\n')[0]}\n`);
  return 1;
}
