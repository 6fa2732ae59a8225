/**
 * The one way every command tells how its work goes and what it found: progress and messages on
 * stderr, so stdout holds the results alone (`compare | less`, `--json | jq`). Milestones always;
 * passing lines (each second's counts, the builder's output) only at the `all` level, not for
 * --json into a log. Problems and "interrupted" lines take the one cause-and-fix shape
 * (report-problem.ts).
 */
import { ProgressLine, progressLevel, type ProgressLevel } from './progress-line.js';
import { writeProblem } from './report-problem.js';
import { signalExitCode } from './exit-cleanup.js';

export interface CommandOutputOptions {
  /**
   * Passing lines only where they are rewritten in place (stderr a terminal): for commands whose
   * passing lines say nothing a log needs (inspect's waiting, a lab check's builder output).
   */
  passingOnTerminalOnly?: boolean;
}

export class CommandOutput {
  readonly out: NodeJS.WriteStream;
  readonly level: ProgressLevel;
  private readonly progress: ProgressLine;
  private readonly passing: boolean;

  constructor(json: boolean, opts: CommandOutputOptions = {}) {
    this.out = process.stderr;
    this.level = progressLevel(json, !!process.stderr.isTTY);
    this.progress = new ProgressLine(this.out);
    this.passing = this.level === 'all' && (!opts.passingOnTerminalOnly || !!this.out.isTTY);
  }

  /** Where results go; commands read its `isTTY` and `columns` to shape them. */
  get results(): NodeJS.WriteStream {
    return process.stdout;
  }

  /** A milestone: the engine, an image, a phase, a result. */
  say(line: string): void {
    this.progress.done();
    this.out.write(`${line}\n`);
  }

  /** A passing line (each second's counts, the builder's output): left out at `milestones`. */
  update(line: string): void {
    if (this.passing) this.progress.update(line);
  }

  /** Leaves the last passing line on screen and moves below it, before results or a problem. */
  done(): void {
    this.progress.done();
  }

  /** Results on stdout, as given (the caller ends its lines). */
  result(text: string): void {
    this.progress.done();
    this.results.write(text);
  }

  /**
   * A JSON document on stdout: by default indented for a person at a terminal and one line for a
   * pipe; a command whose documents were always one shape keeps it (`indented`, `one-line`).
   */
  json(doc: unknown, shape: 'by-terminal' | 'indented' | 'one-line' = 'by-terminal'): void {
    const indent = shape === 'indented' || (shape === 'by-terminal' && this.results.isTTY) ? 2 : undefined;
    this.result(`${JSON.stringify(doc, null, indent)}\n`);
  }

  /** A problem: cause and fix on stderr, below any passing line. */
  problem(p: { message: string; fix?: string }): void {
    this.progress.done();
    writeProblem({ message: p.message, fix: p.fix ?? '' });
  }

  /** A command a signal stopped: says so (`message` tells what was cleaned up) and returns its exit code. */
  interrupted(by: NodeJS.Signals, message: string): number {
    this.problem({ message });
    return signalExitCode(by);
  }
}
