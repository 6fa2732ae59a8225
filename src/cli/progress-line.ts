/**
 * Progress output that suits where it goes: rewritten in place on a terminal, one plain line
 * at a time elsewhere (CI logs, SSH without a TTY).
 */
export class ProgressLine {
  private shown = false;
  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly inPlace = !!out.isTTY,
  ) {}

  update(text: string): void {
    if (this.inPlace) {
      const cols = this.out.columns ?? 120;
      this.out.write(`\r\x1b[K${text.slice(0, cols - 1)}`);
      this.shown = true;
    } else this.out.write(`${text}\n`);
  }

  /** Leaves the last in-place line on screen and moves below it. */
  done(): void {
    if (this.inPlace && this.shown) this.out.write('\n');
    this.shown = false;
  }
}

/**
 * How much progress a command prints on stderr. `all`: every line, the per-second and builder
 * lines too. `milestones`: the few lines that say what happened (engine, images, each phase and
 * result), not the per-second or builder lines: for `--json` with stderr not a terminal (CI), whose
 * log then tells where a run got to without hundreds of lines. `--json` on a terminal gets `all`:
 * the person watching sees the run move while stdout goes to a file or jq.
 */
export type ProgressLevel = 'all' | 'milestones';

export function progressLevel(json: boolean, stderrIsTTY: boolean): ProgressLevel {
  return json && !stderrIsTTY ? 'milestones' : 'all';
}
