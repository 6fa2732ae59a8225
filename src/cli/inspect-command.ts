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

export interface InspectCliOptions {
  all?: boolean;
  watch?: string;
  json?: boolean;
  failOn?: string;
  runId?: string;
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
  if (!o.all && targets.length === 0) return usage('name one or more containers (name or id), or use --all');
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
    const { base } = await imageTags();
    const latest = new Map<string, string>();
    const done: InspectedContainer[] = [];
    const errors: InspectFailure[] = [];
    const notJudged: NotJudgedContainer[] = [];
    // Several at a time: judging reaping waits up to REAP_JUDGE_DEADLINE_MS per container, mostly idle between reads.
    const queue = [...ids];
    if (!watchMs) output.update(`reading ${ids.length} container${ids.length === 1 ? '' : 's'}: zombies are followed up to ${REAP_JUDGE_DEADLINE_MS / 1000} s to tell who reaps`);
    const worker = async () => {
      for (let t = queue.shift(); t !== undefined && !scope.signal.aborted; t = queue.shift()) {
        const target = t;
        try {
          const r = await inspectContainer(docker, target, {
            owner,
            sidecarImage: base,
            watchMs,
            signal: scope.signal,
            onSample: (ms, zombies) => {
              latest.set(target, `${target.slice(0, 16)} ${zombies} zombies`);
              output.update(`watching ${Math.round(ms / 1000)}/${Math.round(watchMs / 1000)} s · ${[...latest.values()].join(' · ')}`);
            },
          });
          if (isNotJudged(r)) {
            const st = r.state;
            notJudged.push({ target, id: r.facts.id, name: r.facts.name, state: st.state, during: st.during, exitCode: st.exitCode, message: `${stateText(st, lang)}: ${words.noVerdict}` });
          } else {
            done.push({ facts: r.facts, source: r.snapshot.source, sourceWhy: r.why, diagnosis: diagnose({ facts: r.facts, snapshot: r.snapshot, lasting: r.lasting, growth: r.growth, reaping: r.reaping, lang }) });
          }
        } catch (err) {
          if (scope.signal.aborted) return;
          const p = explainEngineError(err, { id: 'inspect', name: target }).problem;
          errors.push({ target, problem: p });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(8, ids.length) }, worker));
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
      output.json(inspectReport(conn.endpoint, done, errors, failOn, code, notJudged, lang), 'indented');
    } else {
      const plot = !!out.isTTY;
      // On a terminal long lines wrap under their own text; a log keeps one line per fact.
      const width = out.columns ?? 80;
      for (const c of done) output.result(`${containerText(c, { plot, width, lang }).flatMap((l) => (out.isTTY ? wrapLine(l, width) : [l])).join('\n')}\n\n`);
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
