/**
 * What `compare` tells while the run goes: build lines, sources, PID 1s, one live line of the
 * lanes a second, stops, through the command's output (command-output.ts): on stderr, so
 * `compare | less` or `--json | jq` gets only results.
 */
import type { CompareOptions } from '../../core/compare-options.js';
import { MODES } from '../../core/modes.js';
import type { RunEvent } from '../../core/run-events.js';
import { applyEvent, emptySummary, type RunSummary } from '../../core/run-summary.js';
import { SamplerStats } from '../../core/sampler-stats.js';
import type { CommandOutput } from '../command-output.js';

type EngineLost = Extract<RunEvent, { type: 'problem' }>;

function lanesLine(summary: RunSummary, seconds: number, rateHz: number | undefined): string {
  const parts = summary.modes.map((m) => {
    const lane = summary.lanes[m];
    const r = summary.results[m];
    const state = lane?.kind === 'stopping' ? ' (stopping)' : lane?.kind === 'stopped' ? ' (stopped)' : lane?.kind === 'error' ? ' (error)' : '';
    return `${MODES[m].label}: ${r?.zombiesEnd ?? 0} zombies${state}`;
  });
  const rate = rateHz === undefined ? '' : `  (${rateHz.toFixed(1)} samples/s)`;
  return `${String(seconds).padStart(4)}s  ${parts.join('  |  ')}${rate}`;
}

/** Follows one compare run's events: tells them, keeps what the report needs, and asks to stop once the duration is over. */
export class CompareFollower {
  readonly summary: RunSummary;
  /** Cause and fix of each problem, in the order they came (the lane's name leads a lane's own). */
  readonly problems: { message: string; fix: string }[] = [];
  /** Every event but samples and build lines, for --json. */
  readonly events: RunEvent[] = [];
  readonly samplerStats = new SamplerStats();
  /** When the stop began, in ms after the lanes' time zero (for the SVG's marker). */
  stopAt: number | null = null;
  engineLost: EngineLost | null = null;
  private stopTimer: NodeJS.Timeout | undefined;
  private lastSecond = -1;
  private runningSince: number | null = null;
  private t0: number | null = null;

  constructor(
    private readonly opts: CompareOptions,
    private readonly output: CommandOutput,
    private readonly stop: () => void,
  ) {
    this.summary = emptySummary(opts.modes);
  }

  follow(e: RunEvent): void {
    const { opts, output } = this;
    applyEvent(this.summary, e);
    if (opts.json && e.type !== 'sample' && e.type !== 'build-progress') this.events.push(e);
    switch (e.type) {
      case 'build-progress':
        output.update(`[${e.image}] ${e.line}`);
        break;
      case 'build-done':
        output.say(`image ${e.tag}: ${e.way === 'cached' ? 'up to date' : `built (${e.way}) in ${(e.ms / 1000).toFixed(1)} s`}`);
        break;
      case 'source':
        output.say(`counting zombies from ${e.detail}`);
        break;
      case 'pid1':
        output.say(`${MODES[e.mode].label.padEnd(14)} PID 1 is ${e.name}`);
        break;
      case 'problem':
        if (e.engineLost) this.engineLost = e;
        this.problems.push(e.problem);
        break;
      case 'lane':
        if (e.state.kind === 'running' && this.runningSince === null) {
          this.runningSince = Date.now();
          this.t0 = e.state.startedAt;
          output.say(`running for ${opts.durationMs / 1000} s with a PID limit of ${opts.pidsLimit}, ${opts.zombieRate} zombies/s...`);
          this.stopTimer = setTimeout(this.stop, opts.durationMs);
        } else if (e.state.kind === 'stopping' && e.mode === opts.modes[0]) {
          this.stopAt = this.t0 === null ? null : e.state.since - this.t0;
          output.say(`stopping all (docker stop -t ${opts.stopTimeoutS})...`);
        } else if (e.state.kind === 'stopped') {
          output.say(`${MODES[e.mode].label.padEnd(14)} stopped in ${(e.state.stopMs / 1000).toFixed(2)} s, exit code ${e.state.exitCode ?? '?'}`);
        } else if (e.state.kind === 'error') {
          this.problems.push({ message: `${MODES[e.mode].label}: ${e.state.problem.message}`, fix: e.state.problem.fix });
        }
        break;
      case 'sample': {
        this.samplerStats.add(e.sample, e.mode);
        if (this.runningSince === null) break;
        const sec = Math.floor((Date.now() - this.runningSince) / 1000);
        if (sec !== this.lastSecond && e.mode === opts.modes[opts.modes.length - 1]) {
          this.lastSecond = sec;
          output.update(lanesLine(this.summary, sec, e.sample.rateHz));
        }
        break;
      }
      default:
        break;
    }
  }

  dispose(): void {
    clearTimeout(this.stopTimer);
  }
}
