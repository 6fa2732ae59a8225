import { problemOf, type ProblemKey } from '../core/problem-text.js';
import type { Problem } from '../core/run-events.js';

/** An error a person can act on: one line of cause and one line of fix, never a stack trace. */
export class LabError extends Error {
  readonly problem: Problem;
  constructor(message: string, fix: string, options?: { cause?: unknown; key?: ProblemKey }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LabError';
    this.problem = options?.key ? { message, fix, key: options.key } : { message, fix };
  }

  /** A problem from the table of core/problem-text.ts: English words here, the key for the app's language. */
  static of(key: ProblemKey, options?: { cause?: unknown }): LabError {
    return LabError.fromProblem(problemOf(key), options);
  }

  /** Keeps the problem's key, if it has one. */
  static fromProblem(p: Problem, options?: { cause?: unknown }): LabError {
    return new LabError(p.message, p.fix, { ...options, ...(p.key ? { key: p.key } : {}) });
  }
}

export function isLabError(err: unknown): err is LabError {
  return err instanceof LabError;
}
