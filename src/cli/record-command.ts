/**
 * `zombie-lab record [--out FILE] [--duration S] [--pods]`: runs the app's demo on the real engine
 * (with --pods then the pods slide's pods run too) and saves the event streams with timestamps,
 * for replay where no engine is reachable.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MODE_IDS, type ModeId } from '../core/modes.js';
import { defaultRecordingName, RECORDING_FORMAT, RECORDING_VERSIONS, recordingSchema, type RecordedRun, type Recording } from '../core/recording.js';
import type { RunEvent } from '../core/run-events.js';
import { runDemo } from '../engine/demo/run-demo.js';
import { userRecordingsDir } from '../engine/handout-dir.js';
import { runPodLanes } from '../engine/pods/pod-lanes-run.js';
import { newRunId } from '../engine/run-id.js';
import { CommandOutput } from './command-output.js';
import { connectAndSweep, interruptScope } from './command-session.js';
import { installExitCleanup } from './exit-cleanup.js';
import { reportProblem, writeProblem } from './report-problem.js';
import { APP_DEMO, APP_PODS, demoOptions } from './live-source.js';
import { EXIT_USAGE } from './exit-codes.js';

export interface RecordOptions {
  out?: string;
  /** Seconds from the first sample to `docker stop` (default 20). */
  durationS?: number;
  runIdPrefix?: string;
  /** After the demo, a pods run too (the pods slide's), for the pods slide to replay. */
  pods?: boolean;
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
  const t0 = Date.now();
  const stop = new AbortController();
  const demoOpts = { ...APP_DEMO, durationS };
  let demo: RecordedRun = { startedAtMs: t0, options: demoOpts, events: [] };
  let pods: RecordedRun | undefined;
  let failure: unknown = null;
  try {
    demo = await recordRun(runDemo(conn.docker, demoOptions(opts.runIdPrefix ?? 'record'), { signal: scope.signal, stop: stop.signal }), { t0, options: demoOpts, output, label: 'record', stop: () => stop.abort(), durationS });
    if (opts.pods && !scope.interrupted() && demoFinished(demo)) {
      // The pods slide's run, as the app runs it live (same runPods, same limits); the pods stop
      // by themselves after the duration, each with its own grace period.
      const p0 = Date.now();
      const podsOpts = { ...APP_PODS, durationMs: durationS * 1000 };
      const run = runPodLanes(conn.docker, { runId: newRunId(opts.runIdPrefix ?? 'record'), ...podsOpts }, { signal: scope.signal, stop: new AbortController().signal, runOf: 'pods' });
      pods = await recordRun(run, { t0: p0, options: podsOpts, output, label: 'record pods', stop: null, durationS });
    }
  } catch (err) {
    failure = err;
  } finally {
    scope.dispose();
  }
  const interrupted = scope.interrupted();
  if (interrupted) {
    return output.interrupted(interrupted, 'interrupted, nothing recorded');
  }
  if (failure) return reportProblem(failure);
  const failed = demoFinished(demo) ? (pods ? podsProblem(pods) : opts.pods ? 'the pods did not run' : null) : runProblem(demo);
  if (failed !== null) {
    // Cause and fix on one line, as the run's problem said them.
    writeProblem({ message: `not recorded: ${failed}`, fix: '' });
    return 1;
  }
  const events = demo.events;
  const rec: Recording = {
    format: RECORDING_FORMAT,
    version: pods ? RECORDING_VERSIONS.pods : RECORDING_VERSIONS.demo,
    recordedAt: new Date(t0).toISOString(),
    startedAtMs: t0,
    engine: `${conn.described} (${conn.version})`,
    options: demo.options,
    events,
    ...(pods ? { pods } : {}),
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
  const podsPart = pods ? ` and ${pods.events.length} of the pods` : '';
  output.result(`recorded ${events.length} events${podsPart} (${((Date.now() - t0) / 1000).toFixed(1)} s) to ${out}\n`);
  return 0;
}

/**
 * One run's events with the time each came, its progress said once a second at most. `stop`:
 * called after `durationS` of samples (the demo runs until stopped); null where the run stops
 * by itself (the pods).
 */
async function recordRun(
  run: AsyncIterable<RunEvent>,
  { t0, options, output, label, stop, durationS }: { t0: number; options: Record<string, unknown>; output: CommandOutput; label: string; stop: (() => void) | null; durationS: number },
): Promise<RecordedRun> {
  const events: { at: number; event: RunEvent }[] = [];
  const lastTree = new Map<ModeId, number>();
  const zombies = new Map<ModeId, number>();
  const names = new Map<ModeId, string>();
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  let lastReport = 0;
  try {
    for await (const e of run) {
      const at = Date.now() - t0;
      let event = e;
      if (e.type === 'pod') names.set(e.mode, e.pod);
      if (e.type === 'sample') {
        zombies.set(e.mode, e.sample.zombies);
        if (stop) stopTimer ??= setTimeout(stop, durationS * 1000);
        if (e.tree) {
          if (at - (lastTree.get(e.mode) ?? -Infinity) >= TREE_EVERY_MS) lastTree.set(e.mode, at);
          else event = { type: 'sample', mode: e.mode, sample: e.sample };
        }
      }
      events.push({ at, event });
      if (e.type === 'lane' || e.type === 'problem' || e.type === 'build-done' || at - lastReport >= 1000) {
        lastReport = at;
        const lanes = (names.size > 0 ? MODE_IDS.filter((m) => names.has(m)) : MODE_IDS).map((m) => `${names.get(m) ?? m} ${zombies.get(m) ?? 0}`).join(', ');
        const what = e.type === 'lane' ? `${names.get(e.mode) ?? e.mode} ${e.state.kind}` : e.type === 'problem' ? `problem: ${e.problem.message}` : `zombies: ${lanes}`;
        output.say(`${label} ${(at / 1000).toFixed(1).padStart(5)} s  ${what}`);
      }
    }
  } finally {
    clearTimeout(stopTimer);
  }
  return { startedAtMs: t0, options, events };
}

function runProblem(run: RecordedRun): string {
  const problem = run.events.find((e) => e.event.type === 'problem');
  return problem?.event.type === 'problem' ? `${problem.event.problem.message}; ${problem.event.problem.fix}` : 'the run ended without results';
}

function demoFinished(run: RecordedRun): boolean {
  return run.events.some((e) => e.event.type === 'done') && !run.events.some((e) => e.event.type === 'problem');
}

/** A pods run has no 'done': it is whole when every pod it showed also stopped, and nothing went wrong. */
function podsProblem(run: RecordedRun): string | null {
  if (run.events.some((e) => e.event.type === 'problem')) return runProblem(run);
  const shown = new Set(run.events.flatMap((e) => (e.event.type === 'pod' ? [e.event.mode] : [])));
  const stopped = new Set(run.events.flatMap((e) => (e.event.type === 'lane' && e.event.state.kind === 'stopped' ? [e.event.mode] : [])));
  if (shown.size === 0) return 'no pod started';
  const missing = [...shown].filter((m) => !stopped.has(m));
  return missing.length === 0 ? null : `the pods on lanes ${missing.join(', ')} did not stop`;
}
