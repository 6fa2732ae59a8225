/**
 * `zombie-lab pods`: the lab's Pod YAML files (images/pods/) run side by side — for real on
 * Podman (kube play), emulated with a pause container on Docker — with each pod's PID 1, its
 * zombies from the kernel, the exec probe's zombies, and the stop with the pod's own grace
 * period counted down. Text lines on stdout as it runs, or one JSON document (docs/pods.schema.json).
 */
import { OptionError, parseDuration, parseIntIn } from '../core/compare-options.js';
import { MAX_PIDS_LIMIT, MIN_PIDS_LIMIT } from '../core/container-spec.js';
import { EMULATED_NOTE, lanesOf, type PodEvent, type PodLane, type PodsWay } from '../core/pods/pod-run.js';
import { alignTable } from '../core/text-table.js';
import { loadPodFiles } from '../engine/pods/pod-files.js';
import { podImage, podsWayOf } from '../engine/pods/pods-engine.js';
import { runPods } from '../engine/pods/run-pods.js';
import { newRunId } from '../engine/run-id.js';
import { CommandOutput } from './command-output.js';
import { connectAndSweep, engineLine, interruptScope } from './command-session.js';
import { reportProblem } from './report-problem.js';

export interface PodsCliOptions {
  json?: boolean;
  duration?: string;
  pidsLimit?: string;
  memory?: string;
  runId?: string;
  /** Tests: another folder of Pod YAML files. */
  podsDir?: string;
}

function parseOptions(raw: PodsCliOptions): { durationMs: number; pidsLimit: number; memoryMb: number } {
  const durationMs = parseDuration(raw.duration ?? '10s');
  if (durationMs < 1000 || durationMs > 600_000) throw new OptionError('--duration must be from 1s to 10m');
  return {
    durationMs,
    pidsLimit: parseIntIn(raw.pidsLimit ?? '1024', '--pids-limit', MIN_PIDS_LIMIT, MAX_PIDS_LIMIT),
    memoryMb: parseIntIn(raw.memory ?? '256', '--memory', 16, 4096),
  };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function exitMeaning(code: number | null): string {
  if (code === 137) return 'SIGKILL after the grace period: PID 1 did not end on SIGTERM';
  if (code === 143) return 'ended by SIGTERM';
  if (code === null) return 'exit code unknown';
  return `exit ${code}`;
}

/** The text lines of one event (and the state the status line needs). */
class TextFollower {
  private latest = new Map<string, { zombies: number; probe: number | null }>();
  private order: string[] = [];
  private stopping = new Map<string, { at: number; graceS: number }>();
  private timer: NodeJS.Timeout | null = null;
  private lastLine = 0;

  constructor(private readonly write: (line: string) => void) {}

  follow(e: PodEvent): void {
    switch (e.type) {
      case 'started': {
        const l = e.lane;
        this.order.push(l.pod);
        const who = l.appNsPid === 1 ? 'the app is PID 1' : `the app is PID ${l.appNsPid ?? '?'}`;
        this.write(`pod ${l.pod} (${l.file}): PID 1 ${l.pid1}, ${who}${l.sharePid ? ', shareProcessNamespace: true' : ''}; PID limit ${l.pidsLimit} (pids.max reads ${l.pidsMaxRead ?? 'out of reach'})`);
        if (l.probe) this.write(`  exec probe every ${l.probe.periodS} s, timeout ${l.probe.timeoutS} s: ${l.probe.command.join(' ')}`);
        if (l.stopSignal) this.write(`  lifecycle.stopSignal ${l.stopSignal}: not honoured here, the stop sends the engine's stop signal`);
        break;
      }
      case 'sample': {
        this.latest.set(e.pod, { zombies: e.zombies, probe: e.probeZombies });
        if (e.t - this.lastLine >= 1000 && this.stopping.size === 0) {
          this.lastLine = e.t;
          const parts = this.order.map((p) => {
            const v = this.latest.get(p);
            return `${p} ${v?.zombies ?? '-'}${v?.probe !== null && v?.probe !== undefined ? ` (probe ${v.probe})` : ''}`;
          });
          this.write(`t=${Math.round(e.t / 1000)}s zombies: ${parts.join(' | ')}`);
        }
        break;
      }
      case 'stopping':
        this.stopping.set(e.pod, { at: Date.now(), graceS: e.graceS });
        this.write(`stopping ${e.pod}: ${e.signal}, then SIGKILL after terminationGracePeriodSeconds ${e.graceS} s`);
        this.timer ??= setInterval(() => this.countdown(), 1000);
        break;
      case 'stopped':
        this.stopping.delete(e.pod);
        this.write(`${e.pod} stopped after ${s(e.stopMs)}, exit ${e.exitCode ?? '?'} (${exitMeaning(e.exitCode)})`);
        if (this.stopping.size === 0) this.dispose();
        break;
      case 'probe':
        if (e.error) this.write(`  ${e.pod}: the probe could not run: ${e.error}`);
        break;
      case 'note':
        this.write(e.text);
        break;
    }
  }

  private countdown(): void {
    const parts = [...this.stopping].map(([pod, st]) => {
      const left = Math.ceil(st.graceS - (Date.now() - st.at) / 1000);
      return left > 0 ? `${pod} SIGKILL in ${left} s` : `${pod} SIGKILL sent, waiting for the exit`;
    });
    if (parts.length > 0) this.write(`  grace period: ${parts.join(' | ')}`);
  }

  dispose(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function summaryTable(lanes: PodLane[]): string {
  return alignTable(
    ['pod', 'PID 1', 'app PID', 'zombies', 'probe zombies', 'probe runs', 'grace', 'stop', 'exit'],
    lanes.map((l) => [l.pod, l.pid1, String(l.appNsPid ?? '?'), String(l.zombiesPeak), String(l.probeZombiesPeak), String(l.probeRuns), `${l.graceS} s`, l.stopMs === null ? '-' : s(l.stopMs), String(l.exitCode ?? '-')]),
    2,
  ).join('\n');
}

/**
 * `output`: `compare --pods` prints the run compare's way, its lines as they come through
 * compare's CommandOutput on stderr and only the table (or --json) on stdout; `pods` itself keeps
 * its lines on stdout.
 */
export async function runPodsCommand(raw: PodsCliOptions, given?: CommandOutput): Promise<number> {
  let opts;
  let pods;
  try {
    opts = parseOptions(raw);
    pods = await loadPodFiles(raw.podsDir);
  } catch (err) {
    return reportProblem(err);
  }
  const runId = raw.runId ?? newRunId('pods');
  const output = given ?? new CommandOutput(!!raw.json);
  // Alone and without --json, the run as it goes and its table are pods' report, on stdout; with --json, or
  // under compare --pods (which gives its output), the run's lines are messages on stderr.
  const say = (line: string) => (raw.json || given ? output.say(line) : output.result(`${line}\n`));
  const result = (line: string) => output.result(`${line}\n`);
  let conn;
  let way: PodsWay;
  let labImage: string;
  const scope = interruptScope();
  try {
    const opened = await connectAndSweep();
    conn = opened.conn;
    say(engineLine(conn));
    if (opened.sweptLine) say(opened.sweptLine);
    const found = await podsWayOf(conn.docker);
    way = found.way;
    if (way === 'pause-container') say(`pods: ${EMULATED_NOTE}`);
    labImage = await podImage(conn.docker, found.kind, scope.signal);
  } catch (err) {
    scope.dispose();
    return reportProblem(err);
  }
  const text = raw.json ? null : new TextFollower(say);
  const events: PodEvent[] = [];
  let failure: unknown = null;
  try {
    for await (const e of runPods({ docker: conn.docker, runId, pods, durationMs: opts.durationMs, pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb, labImage, emulate: way === 'pause-container', signal: scope.signal })) {
      events.push(e);
      text?.follow(e);
    }
  } catch (err) {
    failure = err;
  } finally {
    text?.dispose();
    scope.dispose();
  }
  const interrupted = scope.interrupted();
  if (interrupted) {
    return output.interrupted(interrupted, `interrupted by ${interrupted}; the pods of run ${runId} were removed`);
  }
  if (failure) return reportProblem(failure);
  const lanes = lanesOf(events);
  if (raw.json) {
    const doc = {
      runId,
      engine: { endpoint: conn.endpoint, why: conn.described, version: conn.version },
      way,
      emulated: way === 'pause-container',
      note: way === 'pause-container' ? EMULATED_NOTE : null,
      options: opts,
      lanes,
    };
    output.json(doc);
  } else {
    output.done();
    result('');
    result(summaryTable(lanes));
    if (way === 'pause-container') result('pods emulated: a pause container stands in for each pod (Docker runs no pods)');
  }
  const finished = lanes.length === pods.length && lanes.every((l) => l.stopMs !== null);
  if (!finished) {
    output.problem({ message: 'pods failed: not every pod ran and stopped' });
    return 1;
  }
  return 0;
}
