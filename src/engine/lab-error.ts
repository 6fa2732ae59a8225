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

/** An error's first line (a LabError's message, else the error's own), never a stack trace. */
export function firstLine(err: unknown): string {
  return (isLabError(err) ? err.problem.message : err instanceof Error ? err.message : String(err)).split('\n')[0] ?? '';
}

/** The problem an error names: a LabError's own, else its first line with `fix`, the caller's best advice. */
export function problemOfError(err: unknown, fix = ''): Problem {
  return isLabError(err) ? err.problem : { message: firstLine(err), fix };
}
