/**
 * `zombie-lab record [--out FILE] [--duration S]`: runs the app's demo on the real engine and
 * saves its event stream with timestamps, for replay where no engine is reachable.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MODE_IDS, type ModeId } from '../core/modes.js';
import { defaultRecordingName, RECORDING_FORMAT, recordingSchema, type Recording } from '../core/recording.js';
import type { RunEvent } from '../core/run-events.js';
import { runDemo } from '../engine/demo/run-demo.js';
import { userRecordingsDir } from '../engine/handout-dir.js';
import { CommandOutput } from './command-output.js';
import { connectAndSweep, interruptScope } from './command-session.js';
import { installExitCleanup } from './exit-cleanup.js';
import { reportProblem, writeProblem } from './report-problem.js';
import { APP_DEMO, demoOptions } from './live-source.js';
import { EXIT_USAGE } from './exit-codes.js';

export interface RecordOptions {
  out?: string;
  /** Seconds from the first sample to `docker stop` (default 20). */
  durationS?: number;
  runIdPrefix?: string;
}

/** Trees are big; one a second per lane is plenty for the replayed tree view. */
const TREE_EVERY_MS = 1000;

export async function runRecord(opts: RecordOptions): Promise<number> {
  const durationS = opts.durationS ?? 20;
  if (!Number.isFinite(durationS) || durationS <= 0 || durationS > 600) {
    writeProblem({ message: `--duration must be between 1 and 600 seconds, not ${String(opts.durationS)}`, fix: '' });
    return EXIT_USAGE;
  }
  // Before the run, not after it: a folder that does not exist is a typo, not something to create.
  if (opts.out && !existsSync(path.dirname(path.resolve(opts.out)))) {
    writeProblem({ message: `--out ${opts.out}: the folder ${path.dirname(path.resolve(opts.out))} does not exist`, fix: 'create it first, or choose a file in an existing folder' });
    return EXIT_USAGE;
  }
  // Record has no --json: every line it tells is a milestone, one a second at most.
  const output = new CommandOutput(false);
  let conn;
  try {
    const opened = await connectAndSweep();
    conn = opened.conn;
    if (opened.sweptLine) output.say(opened.sweptLine);
  } catch (err) {
    return reportProblem(err);
  }
  installExitCleanup();
  // The shared session: Ctrl-C, SIGTERM and SIGHUP abort the run and exit as every command does.
  const scope = interruptScope();
  const stop = new AbortController();
  const t0 = Date.now();
  const events: { at: number; event: RunEvent }[] = [];
  const lastTree = new Map<ModeId, number>();
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  let lastReport = 0;
  const zombies = new Map<ModeId, number>();
  try {
    for await (const e of runDemo(conn.docker, demoOptions(opts.runIdPrefix ?? 'record'), { signal: scope.signal, stop: stop.signal })) {
      const at = Date.now() - t0;
      let event = e;
      if (e.type === 'sample') {
        zombies.set(e.mode, e.sample.zombies);
        stopTimer ??= setTimeout(() => stop.abort(), durationS * 1000);
        if (e.tree) {
          if (at - (lastTree.get(e.mode) ?? -Infinity) >= TREE_EVERY_MS) lastTree.set(e.mode, at);
          else event = { type: 'sample', mode: e.mode, sample: e.sample };
        }
      }
      events.push({ at, event });
      if (e.type === 'lane' || e.type === 'problem' || e.type === 'build-done' || at - lastReport >= 1000) {
        lastReport = at;
        const z = MODE_IDS.map((m) => `${m} ${zombies.get(m) ?? 0}`).join(', ');
        const what = e.type === 'lane' ? `${e.mode} ${e.state.kind}` : e.type === 'problem' ? `problem: ${e.problem.message}` : `zombies: ${z}`;
        output.say(`record ${(at / 1000).toFixed(1).padStart(5)} s  ${what}`);
      }
    }
  } finally {
    clearTimeout(stopTimer);
    scope.dispose();
  }
  const interrupted = scope.interrupted();
  if (interrupted) {
    return output.interrupted(interrupted, 'interrupted, nothing recorded');
  }
  const done = events.some((e) => e.event.type === 'done');
  const problem = events.find((e) => e.event.type === 'problem');
  if (!done || problem) {
    const msg = problem?.event.type === 'problem' ? `${problem.event.problem.message}; ${problem.event.problem.fix}` : 'the run ended without results';
    // Cause and fix on one line, as the run's problem said them.
    writeProblem({ message: `not recorded: ${msg}`, fix: '' });
    return 1;
  }
  const rec: Recording = {
    format: RECORDING_FORMAT,
    version: 1,
    recordedAt: new Date(t0).toISOString(),
    startedAtMs: t0,
    engine: `${conn.described} (${conn.version})`,
    options: { ...APP_DEMO, durationS },
    events,
  };
  // Never write a file the replay would refuse.
  recordingSchema.parse(rec);
  const out = path.resolve(opts.out ?? path.join(userRecordingsDir(), defaultRecordingName(t0, conn.version)));
  try {
    await mkdir(path.dirname(out), { recursive: true });
    await writeFile(out, JSON.stringify(rec) + '\n');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    writeProblem({ message: `could not write the recording: ${why}`, fix: 'choose a writable place with --out FILE (the app replays it with --replay FILE)' });
    return 1;
  }
  output.result(`recorded ${events.length} events (${((Date.now() - t0) / 1000).toFixed(1)} s) to ${out}\n`);
  return 0;
}
