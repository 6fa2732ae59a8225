/**
 * `zombie-lab compare`: the three modes side by side on one workload, ending in a table and a
 * chart. In phases: parse the options, connect (and sweep), follow the run (compare/compare-progress.ts),
 * summarise (compare/compare-report.ts), and the exit code.
 */
import { parseCompareOptions, type RawCompareOptions } from '../core/compare-options.js';
import { resultsOf } from '../core/run-summary.js';
import { runDemo } from '../engine/demo/run-demo.js';
import type { WayChoice } from '../engine/images.js';
import { newRunId } from '../engine/run-id.js';
import { connectAndSweep, engineLine, interruptScope } from './command-session.js';
import { CommandOutput } from './command-output.js';
import { CompareFollower } from './compare/compare-progress.js';
import { writeCompareJson, writeCompareSvg, writeCompareText } from './compare/compare-report.js';
import { reportProblem, writeProblem } from './report-problem.js';

export interface CompareCliOptions extends RawCompareOptions {
  way?: WayChoice;
  runId?: string;
  /** Also write the plot as an SVG handout to this file. */
  svg?: string;
}

export async function runCompare(raw: CompareCliOptions): Promise<number> {
  let opts;
  try {
    opts = parseCompareOptions(raw);
  } catch (err) {
    return reportProblem(err);
  }
  const runId = raw.runId ?? newRunId('compare');
  const output = new CommandOutput(opts.json);

  let conn;
  try {
    const opened = await connectAndSweep();
    conn = opened.conn;
    output.say(engineLine(conn));
    if (opened.sweptLine) output.say(opened.sweptLine);
  } catch (err) {
    return reportProblem(err);
  }
  const scope = interruptScope();
  const stop = new AbortController();
  const run = new CompareFollower(opts, output, () => stop.abort());
  try {
    for await (const e of runDemo(
      conn.docker,
      { runId, modes: opts.modes, pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb, stopTimeoutS: opts.stopTimeoutS, zombieRate: opts.zombieRate, ...(raw.way ? { way: raw.way } : {}) },
      { signal: scope.signal, stop: stop.signal },
    )) {
      run.follow(e);
    }
  } catch (err) {
    output.done();
    return reportProblem(err);
  } finally {
    run.dispose();
    scope.dispose();
  }
  output.done();

  const interrupted = scope.interrupted();
  if (interrupted) {
    return output.interrupted(interrupted, `interrupted by ${interrupted}; the containers of run ${runId} were removed`);
  }
  // The engine went away: its cause and fix, no table of a run that did not happen.
  if (run.engineLost) {
    writeProblem(run.engineLost.problem);
    return 1;
  }
  const { summary, problems } = run;
  const results = resultsOf(summary);
  const finished = summary.modes.every((m) => summary.lanes[m]?.kind === 'stopped');
  const ran = results.some((r) => r.pid1 !== null);
  if (opts.json) writeCompareJson(runId, conn, opts, run, results, output);
  else if (ran) writeCompareText(run, results, output);
  if (raw.svg && ran) await writeCompareSvg(raw.svg, run, results, output);
  if (problems.length > 0 || !finished) {
    const first = problems[0] ?? { message: 'the run did not finish', fix: 'run compare again; zombie-lab doctor checks the engine' };
    writeProblem({ ...first, message: `compare failed: ${first.message}` });
    return 1;
  }
  return 0;
}
