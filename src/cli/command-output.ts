/**
 * The one way a command tells how its work goes: progress and messages on stderr, so stdout holds
 * the results alone (`compare | less`, `--json | jq`). Milestones always; passing lines (each
 * second's counts, the builder's output) only at the `all` level, not for --json into a log.
 */
import { ProgressLine, progressLevel, type ProgressLevel } from './progress-line.js';

export class CommandOutput {
  readonly out: NodeJS.WriteStream;
  readonly level: ProgressLevel;
  private readonly progress: ProgressLine;

  constructor(json: boolean) {
    this.out = process.stderr;
    this.level = progressLevel(json, !!process.stderr.isTTY);
    this.progress = new ProgressLine(this.out);
  }

  /** A milestone: the engine, an image, a phase, a result. */
  say(line: string): void {
    this.progress.done();
    this.out.write(`${line}\n`);
  }

  /** A passing line (each second's counts, the builder's output): left out at `milestones`. */
  update(line: string): void {
    if (this.level === 'all') this.progress.update(line);
  }

  /** Leaves the last passing line on screen and moves below it, before results or a problem. */
  done(): void {
    this.progress.done();
  }
}
