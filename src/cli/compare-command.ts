/** `zombie-lab compare`: the three modes side by side on one workload, ending in a table and a chart. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseCompareOptions, type RawCompareOptions } from '../core/compare-options.js';
import { MODES } from '../core/modes.js';
import { renderResultsTable } from '../core/results-table.js';
import type { RunEvent } from '../core/run-events.js';
import { applyEvent, emptySummary, resultsOf } from '../core/run-summary.js';
import { describeSamplerStats, SamplerStats } from '../core/sampler-stats.js';
import { renderSvgChart } from '../core/svg-chart.js';
import { renderTextChart } from '../core/text-chart.js';
import { runDemo } from '../engine/demo/run-demo.js';
import type { WayChoice } from '../engine/images.js';
import { newRunId } from '../engine/run-id.js';
import { connectAndSweep, engineLine, exitCodeFor, interruptScope } from './command-session.js';
import { ProgressLine } from './progress-line.js';
import { reportProblem } from './report-problem.js';

export interface CompareCliOptions extends RawCompareOptions {
  way?: WayChoice;
  runId?: string;
  /** Also write the plot as an SVG handout to this file. */
  svg?: string;
}

function lanesLine(summary: ReturnType<typeof emptySummary>, seconds: number, rateHz: number | undefined): string {
  const parts = summary.modes.map((m) => {
    const lane = summary.lanes[m];
    const r = summary.results[m];
    const state = lane?.kind === 'stopping' ? ' (stopping)' : lane?.kind === 'stopped' ? ' (stopped)' : lane?.kind === 'error' ? ' (error)' : '';
    return `${MODES[m].label}: ${r?.zombiesEnd ?? 0} zombies${state}`;
  });
  const rate = rateHz === undefined ? '' : `  (${rateHz.toFixed(1)} samples/s)`;
  return `${String(seconds).padStart(4)}s  ${parts.join('  |  ')}${rate}`;
}

export async function runCompare(raw: CompareCliOptions): Promise<number> {
  let opts;
  try {
    opts = parseCompareOptions(raw);
  } catch (err) {
    return reportProblem(err);
  }
  const runId = raw.runId ?? newRunId('compare');
  // Progress and messages on stderr, results on stdout: `compare | less` or `--json | jq` gets only results.
  // With --json into a log (stderr not a terminal) it says nothing but failures.
  const progressOut = process.stderr;
  const quiet = opts.json && !process.stderr.isTTY;
  const progress = new ProgressLine(progressOut);
  const say = (line: string) => {
    if (!quiet) {
      progress.done();
      progressOut.write(`${line}\n`);
    }
  };

  let conn;
  try {
    const opened = await connectAndSweep();
    conn = opened.conn;
    say(engineLine(conn));
    if (opened.sweptLine) say(opened.sweptLine);
  } catch (err) {
    return reportProblem(err);
  }
  const { docker } = conn;
  const scope = interruptScope();
  const stop = new AbortController();
  const summary = emptySummary(opts.modes);
  const problems: string[] = [];
  let stopTimer: NodeJS.Timeout | undefined;
  let lastSecond = -1;
  let runningSince: number | null = null;
  let t0: number | null = null;
  let stopAt: number | null = null;
  const events: RunEvent[] = [];
  const samplerStats = new SamplerStats();
  let engineLost: Extract<RunEvent, { type: 'problem' }> | null = null;

  try {
    for await (const e of runDemo(
      docker,
      { runId, modes: opts.modes, pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb, stopTimeoutS: opts.stopTimeoutS, zombieRate: opts.zombieRate, ...(raw.way ? { way: raw.way } : {}) },
      { signal: scope.signal, stop: stop.signal },
    )) {
      applyEvent(summary, e);
      if (opts.json && e.type !== 'sample' && e.type !== 'build-progress') events.push(e);
      switch (e.type) {
        case 'build-progress':
          if (!quiet) progress.update(`[${e.image}] ${e.line}`);
          break;
        case 'build-done':
          say(`image ${e.tag}: ${e.way === 'cached' ? 'up to date' : `built (${e.way}) in ${(e.ms / 1000).toFixed(1)} s`}`);
          break;
        case 'source':
          say(`counting zombies from ${e.detail}`);
          break;
        case 'pid1':
          say(`${MODES[e.mode].label.padEnd(14)} PID 1 is ${e.name}`);
          break;
        case 'problem':
          if (e.engineLost) engineLost = e;
          problems.push(`${e.problem.message}\n  fix: ${e.problem.fix}`);
          break;
        case 'lane':
          if (e.state.kind === 'running' && runningSince === null) {
            runningSince = Date.now();
            t0 = e.state.startedAt;
            say(`running for ${opts.durationMs / 1000} s with a PID limit of ${opts.pidsLimit}, ${opts.zombieRate} zombies/s...`);
            stopTimer = setTimeout(() => stop.abort(), opts.durationMs);
          } else if (e.state.kind === 'stopping' && e.mode === opts.modes[0]) {
            stopAt = t0 === null ? null : e.state.since - t0;
            say(`stopping all (docker stop -t ${opts.stopTimeoutS})...`);
          } else if (e.state.kind === 'stopped') {
            say(`${MODES[e.mode].label.padEnd(14)} stopped in ${(e.state.stopMs / 1000).toFixed(2)} s, exit code ${e.state.exitCode ?? '?'}`);
          } else if (e.state.kind === 'error') {
            problems.push(`${MODES[e.mode].label}: ${e.state.problem.message}\n  fix: ${e.state.problem.fix}`);
          }
          break;
        case 'sample': {
          samplerStats.add(e.sample, e.mode);
          if (runningSince === null) break;
          const sec = Math.floor((Date.now() - runningSince) / 1000);
          if (sec !== lastSecond && e.mode === opts.modes[opts.modes.length - 1]) {
            lastSecond = sec;
            if (!quiet) progress.update(lanesLine(summary, sec, e.sample.rateHz));
          }
          break;
        }
        default:
          break;
      }
    }
  } catch (err) {
    progress.done();
    return reportProblem(err);
  } finally {
    clearTimeout(stopTimer);
    scope.dispose();
  }
  progress.done();

  const interrupted = scope.interrupted();
  if (interrupted) {
    process.stderr.write(`zombie-lab: interrupted by ${interrupted}; the containers of run ${runId} were removed\n`);
    return exitCodeFor(interrupted);
  }
  // The engine went away: one line, no table of a run that did not happen.
  const lost = engineLost;
  if (lost) {
    process.stderr.write(`zombie-lab: ${lost.problem.message}; fix: ${lost.problem.fix}\n`);
    return 1;
  }
  const results = resultsOf(summary);
  const finished = summary.modes.every((m) => summary.lanes[m]?.kind === 'stopped');
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify(
        {
          runId,
          engine: { endpoint: conn.endpoint, why: conn.described, version: conn.version },
          options: opts,
          source: events.find((e) => e.type === 'source') ?? null,
          sources: events.filter((e) => e.type === 'source'),
          sampler: samplerStats.summary(),
          results,
          series: summary.series,
          events,
          problems,
        },
        null,
        process.stdout.isTTY ? 2 : undefined,
      )}\n`,
    );
  } else if (results.some((r) => r.pid1 !== null)) {
    const out = process.stdout;
    out.write(`\n${renderResultsTable(results).join('\n')}\n\n`);
    const chart = renderTextChart(
      summary.modes.map((m) => ({
        label: MODES[m].label,
        glyph: MODES[m].glyph,
        points: (summary.series[m] ?? []).map((p) => ({ t: p.t, v: p.zombies })),
      })),
      { width: Math.min(100, (out.columns ?? 80) - 2), height: 12 },
    );
    out.write(`zombies over time\n${chart.join('\n')}\n`);
    const sampler = describeSamplerStats(samplerStats.summary());
    if (sampler.length) out.write(`\nsampler: ${sampler.join('\n         ')}\n`);
  }
  if (raw.svg && results.some((r) => r.pid1 !== null)) {
    try {
      await writeFile(raw.svg, renderSvgChart({ series: summary.series, results, stopAt, title: `zombie-lab compare · ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` }));
      // The whole path, so it can be copied from a projected terminal and found from any folder.
      if (!quiet) progressOut.write(`plot saved as ${path.resolve(raw.svg)}\n`);
    } catch (err) {
      problems.push(`could not write ${raw.svg}: ${err instanceof Error ? err.message : String(err)}\n  fix: choose a folder you can write to`);
    }
  }
  if (problems.length > 0 || !finished) {
    const first = problems[0] ?? 'the run did not finish';
    process.stderr.write(`zombie-lab: compare failed: ${first}\n`);
    return 1;
  }
  return 0;
}
