import type { Problem } from '../core/run-events.js';

/** An error a person can act on: one line of cause and one line of fix, never a stack trace. */
export class LabError extends Error {
  readonly problem: Problem;
  constructor(message: string, fix: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'LabError';
    this.problem = { message, fix };
  }
}

export function isLabError(err: unknown): err is LabError {
  return err instanceof LabError;
}
