/**
 * `zombie-lab inspect [CONTAINER...] [--all] [--watch 10s] [--json] [--fail-on …]`: PID 1 of any
 * running container, diagnosed live. Read-only on the containers: list and inspect through the
 * API, their processes through this host's /proc or a sampler sidecar of our own (removed at
 * the end); never an exec, never a signal.
 */
import { parseDuration } from '../core/compare-options.js';
import { REAP_JUDGE_DEADLINE_MS } from '../core/inspect/reaping.js';
import { diagnose, exitCodeFor, parseFailOn, type FailCategory } from '../core/inspect/diagnosis.js';
import { containerText, inspectReport, notJudgedText, stateText, type InspectedContainer, type InspectFailure, type NotJudgedContainer } from '../core/inspect/report.js';
import { LABEL_KIND } from '../core/labels.js';
import { parseSamplerChoice } from '../core/sampler-choice.js';
import { connectDocker } from '../engine/docker-connect.js';
import { explainEngineError } from '../engine/docker-connect.js';
import { imageTags } from '../engine/images.js';
import { runningContainerIds } from '../engine/inspect/container-facts.js';
import { inspectContainer, isNotJudged } from '../engine/inspect/inspect-container.js';
import { problemOfError } from '../engine/lab-error.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { exitCodeFor as signalExitCode, interruptScope } from './command-session.js';
import { CommandOutput } from './command-output.js';
import { wrapLine } from '../core/text-wrap.js';
import { EXIT_USAGE } from './exit-codes.js';
import { inspectWords } from '../core/inspect/inspect-text.js';
import { problemIn } from '../core/problem-text.js';
import type { Lang } from '../core/lang.js';
import { defaultLang } from '../engine/slides-loader.js';
import type Docker from 'dockerode';
import type { Owner } from '../core/labels.js';
import type { ProcInfo } from '../core/inspect/snapshot.js';
import { podJson, type PodShape } from '../core/inspect/pod-report.js';
import { podHeaderText, podWords, zombieOwnersText } from '../core/inspect/pod-text.js';
import { readPod } from '../engine/inspect/read-pod.js';
import { isLabError } from '../engine/lab-error.js';

export interface InspectCliOptions {
  all?: boolean;
  watch?: string;
  json?: boolean;
  failOn?: string;
  runId?: string;
  /** A Podman pod: its containers, read as the pod's PID namespaces make them (core/inspect/pod-report.ts). */
  pod?: string;
  /** Findings, fixes, verdicts and the report in this language (ids never change); default from the locale. */
  lang?: Lang;
}

/**
 * Exit codes (exit-codes.ts): 0 nothing found, 1 something found (or no engine answers, as for
 * every command: README "Exit codes"), 2 usage error or nothing of what was named could be inspected.
 */

function usage(message: string): number {
  process.stderr.write(`zombie-lab inspect: ${message}\n  (zombie-lab inspect --help for the options)\n`);
  return EXIT_USAGE;
}

interface Judged {
  done: InspectedContainer[];
  errors: InspectFailure[];
  notJudged: NotJudgedContainer[];
  /** Each judged target's last reading: its processes and its main process's command (inspect --pod sorts its zombies by them). */
  readings: Map<string, { procs: ProcInfo[]; pid1Comm: string | null }>;
}

/** Every target read and judged by the one inspect (several at a time), in no particular order. */
async function judgeAll(docker: Docker, ids: string[], o: { owner: Owner; watchMs: number; signal: AbortSignal; progress: Pick<CommandOutput, 'update'> | null; lang: Lang; notPid1?: ReadonlySet<string> }): Promise<Judged> {
  const { watchMs, lang, progress } = o;
  const words = inspectWords(lang);
  const { base } = await imageTags();
  const latest = new Map<string, string>();
  const done: InspectedContainer[] = [];
  const errors: InspectFailure[] = [];
  const notJudged: NotJudgedContainer[] = [];
  const readings: Judged['readings'] = new Map();
  // Several at a time: judging reaping waits up to REAP_JUDGE_DEADLINE_MS per container, mostly idle between reads.
  const queue = [...ids];
  if (progress && !watchMs) progress.update(`reading ${ids.length} container${ids.length === 1 ? '' : 's'}: zombies are followed up to ${REAP_JUDGE_DEADLINE_MS / 1000} s to tell who reaps`);
  const worker = async () => {
    for (let t = queue.shift(); t !== undefined && !o.signal.aborted; t = queue.shift()) {
      const target = t;
      try {
        const r = await inspectContainer(docker, target, {
          owner: o.owner,
          sidecarImage: base,
          watchMs,
          signal: o.signal,
          onSample: (ms, zombies) => {
            latest.set(target, `${target.slice(0, 16)} ${zombies} zombies`);
            progress?.update(`watching ${Math.round(ms / 1000)}/${Math.round(watchMs / 1000)} s · ${[...latest.values()].join(' · ')}`);
          },
        });
        if (isNotJudged(r)) {
          const st = r.state;
          notJudged.push({ target, id: r.facts.id, name: r.facts.name, state: st.state, during: st.during, exitCode: st.exitCode, message: `${stateText(st, lang)}: ${words.noVerdict}` });
        } else {
          readings.set(target, { procs: r.snapshot.procs, pid1Comm: r.snapshot.pid1.comm });
          done.push({ facts: r.facts, source: r.snapshot.source, sourceWhy: r.why, diagnosis: diagnose({ facts: r.facts, snapshot: r.snapshot, lasting: r.lasting, growth: r.growth, reaping: r.reaping, lang, notPid1: o.notPid1?.has(target) ?? false }) });
        }
      } catch (err) {
        if (o.signal.aborted) return;
        const p = explainEngineError(err, { id: 'inspect', name: target }).problem;
        errors.push({ target, problem: p });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, ids.length) }, worker));
  return { done, errors, notJudged, readings };
}

export async function runInspect(targets: string[], o: InspectCliOptions): Promise<number> {
  const lang = o.lang ?? defaultLang();
  const words = inspectWords(lang);
  let failOn: FailCategory[] | null = null;
  let watchMs = 0;
  try {
    if (o.failOn !== undefined) failOn = parseFailOn(o.failOn);
    if (o.watch !== undefined) watchMs = parseDuration(o.watch);
    parseSamplerChoice(process.env.ZOMBIE_LAB_SAMPLER); // a bad value is a usage error, before any work
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  if (watchMs > 10 * 60_000) return usage('--watch is at most 10m');
  if (o.pod !== undefined && (o.all || targets.length > 0)) return usage('give --pod NAME alone: not with container names or --all');
  if (o.pod === undefined && !o.all && targets.length === 0) return usage('name one or more containers (name or id), or use --all');
  if (o.all && targets.length > 0) return usage('give container names or --all, not both');

  // Waiting and watching lines only on a terminal: a log wants the report, not the wait.
  const output = new CommandOutput(!!o.json, { passingOnTerminalOnly: true });
  let conn;
  try {
    conn = await connectDocker();
  } catch (err) {
    output.problem(problemOfError(err, 'zombie-lab doctor'));
    // Not a usage error: the same command works once an engine answers.
    return 1;
  }
  const { docker } = conn;
  const scope = interruptScope();
  const owner = ownerFor(o.runId ?? newRunId('inspect'));
  const out = output.results;
  try {
    let ids = targets;
    let pod: PodShape | null = null;
    if (o.pod !== undefined) {
      try {
        pod = await readPod(docker, o.pod);
      } catch (err) {
        // No pods on this engine, or none of that name: nothing to inspect, as for an unknown container.
        output.problem(problemIn(lang, problemOfError(err, 'zombie-lab doctor')));
        return isLabError(err) ? EXIT_USAGE : 1;
      }
      ids = pod.members.map((m) => m.id);
    }
    if (o.all) {
      const all = await runningContainerIds(docker);
      // Our own samplers are tools, not workloads (and a sampler beside a sampler is a loop).
      const infos = await Promise.all(all.map((id) => docker.getContainer(id).inspect().catch(() => null)));
      ids = infos.filter((i) => i && i.Config.Labels?.[LABEL_KIND] !== 'sampler').map((i) => (i as { Id: string }).Id);
      if (ids.length === 0) {
        if (o.json) output.json(inspectReport(conn.endpoint, [], [], failOn, 0, [], lang), 'indented');
        else output.result(`${words.noContainers(conn.endpoint)}\n`);
        return 0;
      }
    }
    // A pod's app container in a shared PID namespace: its main process is no PID 1, and signals reach it as any process.
    const notPid1 = new Set(pod?.members.filter((m) => m.role === 'main-process').map((m) => m.id));
    const judged = await judgeAll(docker, ids, { owner, watchMs, signal: scope.signal, progress: output, lang, notPid1 });
    const { done, errors, notJudged } = judged;
    output.done();
    const by = scope.interrupted();
    if (by) return signalExitCode(by);
    // Keep the order the user asked in.
    const order = new Map(ids.map((id, i) => [id, i]));
    done.sort((a, b) => (order.get(a.facts.id) ?? order.get(a.facts.name) ?? 0) - (order.get(b.facts.id) ?? order.get(b.facts.name) ?? 0));
    const found = exitCodeFor(done.flatMap((c) => c.diagnosis.findings), failOn);
    // A paused or ended container is no finding; only when nothing at all could be judged is it exit 2.
    const code = (errors.length > 0 || notJudged.length > 0) && done.length === 0 ? EXIT_USAGE : errors.length > 0 ? Math.max(found, 1) : found;
    if (o.json) {
      output.json(inspectReport(conn.endpoint, done, errors, failOn, code, notJudged, lang, pod ? podJson(pod, judged.readings) : null), 'indented');
    } else {
      const plot = !!out.isTTY;
      // On a terminal long lines wrap under their own text; a log keeps one line per fact.
      const width = out.columns ?? 80;
      const members = pod ? new Map(podJson(pod, judged.readings).members.map((m) => [m.id, m])) : null;
      if (pod) output.result(`${podHeaderText(pod, lang)}\n\n`);
      for (const c of done) {
        const lines = containerText(c, { plot, width, lang });
        const m = members?.get(c.facts.id);
        // In a pod: what this container is in its PID namespace, under the first line; its namespace's zombies by whom, last.
        if (m) lines.splice(1, 0, `  ${podWords(lang).role[m.role]}`);
        if (m?.zombiesByParent) lines.push(zombieOwnersText(m.zombiesByParent, lang));
        output.result(`${lines.flatMap((l) => (out.isTTY ? wrapLine(l, width) : [l])).join('\n')}\n\n`);
      }
      for (const n of notJudged) output.result(`${notJudgedText(n).join('\n')}\n\n`);
      for (const e of errors) {
        const p = problemIn(lang, e.problem);
        output.result(`${e.target}: ${p.message}\n  ${words.labels.fix}: ${p.fix}\n\n`);
      }
      const problems = done.filter((c) => c.diagnosis.findings.length > 0).length;
      output.result(`${words.summary(done.length, problems, notJudged.length, errors.length, failOn ? failOn.join(', ') : null)}\n`);
    }
    return code;
  } finally {
    scope.dispose();
  }
}
