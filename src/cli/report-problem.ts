import { isLabError } from '../engine/lab-error.js';
import { OptionError } from '../core/compare-options.js';

/** Prints a failure as cause + fix on stderr and returns the exit code for it. */
export function reportProblem(err: unknown): number {
  if (isLabError(err)) {
    process.stderr.write(`zombie-lab: ${err.problem.message}\n  fix: ${err.problem.fix}\n`);
    return 1;
  }
  if (err instanceof OptionError || err instanceof RangeError) {
    process.stderr.write(`zombie-lab: ${err.message}\n`);
    return 2;
  }
  const msg = err instanceof Error ? err.message : String(err);
  process.stderr.write(`zombie-lab: ${msg.split('\n')[0]}\n`);
  return 1;
}
