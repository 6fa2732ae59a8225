/**
 * `inspect`'s output: the JSON document (docs/inspect.schema.json describes it) and the text
 * for a terminal, both from the same diagnoses. Pure.
 */
import { renderTextChart } from '../text-chart.js';
import type { Diagnosis, FailCategory, VerdictFacts } from './diagnosis.js';
import type { ContainerFacts, ContainerState, InspectSource, StartedBy } from './snapshot.js';
import type { Problem } from '../run-events.js';

export const INSPECT_JSON_VERSION = 1;

export interface InspectedContainer {
  facts: ContainerFacts;
  source: InspectSource;
  sourceWhy: string;
  diagnosis: Diagnosis;
}

/** One line of the app's container list. */
export interface ContainerVerdict {
  name: string;
  image: string;
  verdict: string;
  /** Findings (shown as ✓ or ✗ next to the verdict); -1: the container could not be read. */
  problems: number;
  /** The verdict as data, or why the container could not be read, for the app's language. */
  facts?: VerdictFacts;
  unreadable?: Problem;
  /** What is wrong and how to fix it, for the list's details (Enter). */
  findings?: { message: string; fix: string[] }[];
}

export interface InspectFailure {
  target: string;
  problem: { message: string; fix: string };
}

/** A container given no verdict: paused, or it ended while it was read. */
export interface NotJudgedContainer {
  target: string;
  id: string;
  name: string;
  state: ContainerState['state'];
  during: boolean;
  exitCode: number | null;
  /** One sentence: what happened, and that there is no verdict. */
  message: string;
}

export interface InspectReport {
  version: typeof INSPECT_JSON_VERSION;
  engine: string;
  failOn: FailCategory[] | null;
  containers: ReturnType<typeof containerJson>[];
  notJudged: NotJudgedContainer[];
  errors: InspectFailure[];
  exitCode: number;
}

function startedByText(s: StartedBy): string {
  switch (s.kind) {
    case 'compose':
      return `compose project "${s.project}", service "${s.service}"`;
    case 'kubernetes':
      return `Kubernetes pod ${s.namespace}/${s.pod}, container ${s.container}`;
    default:
      return 'docker run (or the API)';
  }
}

export function containerJson(c: InspectedContainer) {
  const d = c.diagnosis;
  return {
    id: c.facts.id,
    name: c.facts.name,
    image: c.facts.image,
    startedBy: c.facts.startedBy,
    source: c.source,
    pid1: {
      cmdline: d.cmdline,
      kind: d.identity.kind,
      program: d.identity.program,
      init: d.identity.init ?? null,
      shellForm: d.identity.shellForm,
      shellFromShellForm: d.identity.shellFromShellForm,
      script: d.identity.script ?? null,
    },
    signals: d.signals.map((s) => ({ signal: s.signal, disposition: s.disposition, effect: s.effect, judgedBy: s.judgedBy })),
    stop: { signal: d.stop.signal, timeoutS: d.stop.timeoutS, endsOnSignal: d.stop.endsOnSignal, expectedExit: d.stop.expectedExit, appGetsSignal: d.stop.appGetsSignal, chain: d.stop.chain, certain: d.stop.certain, prediction: d.stop.text },
    zombies: { count: d.zombies.count, lasting: d.zombies.lasting, parents: d.zombies.parents },
    reaping: d.reaping,
    watch: d.growth ? { seconds: d.growth.seconds, perSecond: Number(d.growth.perSecond.toFixed(3)), samples: d.growth.samples } : null,
    pids: { used: d.pids.used, limit: d.pids.limit, pidMax: d.pids.pidMax, pidMaxSeenFrom: d.pids.pidMaxSeenFrom, refusedForks: d.pids.refusedForks },
    findings: d.findings,
    verdict: d.verdict,
  };
}

export function inspectReport(engine: string, containers: InspectedContainer[], errors: InspectFailure[], failOn: FailCategory[] | null, exitCode: number, notJudged: NotJudgedContainer[] = []): InspectReport {
  return { version: INSPECT_JSON_VERSION, engine, failOn, containers: containers.map(containerJson), notJudged, errors, exitCode };
}

/** The text of a container given no verdict. */
export function notJudgedText(n: NotJudgedContainer): string[] {
  return [`${n.name} (${n.id.slice(0, 12)}): ${n.message}`];
}

const REAP_WORDS = { reaps: 'reaps', 'does-not-reap': 'does not reap', 'not-judged': 'not judged' } as const;

/** "PID 1 (runsvdir) reaps: 9 of 9 zombies seen went, the longest after 4.3 s (within 5 s, runit's interval)". */
export function reapingText(r: NonNullable<Diagnosis['reaping']>): string[] {
  if (r.parents.length === 0) return [`no zombie in ${(r.watchedMs / 1000).toFixed(1)} s: nothing to judge`];
  if (!r.parents.some((p) => p.isPid1 || p.verdict !== 'reaps')) return [`every zombie seen went (their parents wait for them), in ${(r.watchedMs / 1000).toFixed(1)} s`];
  // Every line about PID 1; of other parents only those that do not reap (an app waiting for its own children is no news).
  return r.parents.filter((p) => p.isPid1 || p.verdict !== 'reaps').map((p) => {
    const who = p.isPid1 ? `PID 1 (${p.comm})` : `${p.comm} (PID ${p.pid})`;
    const detail =
      p.verdict === 'does-not-reap'
        ? `a zombie of it lasted ${(p.longestSeenMs / 1000).toFixed(1)} s, longer than any known init waits`
        : p.verdict === 'reaps'
          ? `${p.gone} of ${p.seen} zombies seen went, the longest after ${(p.longestSeenMs / 1000).toFixed(1)} s`
          : `its zombies were seen for ${(p.longestSeenMs / 1000).toFixed(1)} s only`;
    return `${who} ${REAP_WORDS[p.verdict]}: ${detail}`;
  });
}

const KIND_TEXT = { init: 'an init', shell: 'a shell', app: 'the application itself' } as const;

/** The text report of one container, for a terminal or a log, lines of at most ~100 columns. */
export function containerText(c: InspectedContainer, opts: { plot?: boolean; width?: number } = {}): string[] {
  const d = c.diagnosis;
  const f = c.facts;
  const lines: string[] = [];
  lines.push(`${f.name} (${f.id.slice(0, 12)}) · ${f.image} · ${startedByText(f.startedBy)}`);
  const what = d.identity.kind === 'init' ? `${KIND_TEXT.init} (${d.identity.init})` : KIND_TEXT[d.identity.kind];
  const shellNote = d.identity.kind === 'shell' && d.identity.shellFromShellForm ? ', put there by a shell-form CMD/ENTRYPOINT' : d.identity.kind === 'app' && d.identity.shellForm ? ' (the shell form\'s shell exec\'d it)' : '';
  lines.push(`  PID 1        ${d.cmdline.join(' ') || '?'} — ${what}${shellNote}`);
  for (const [i, s] of d.signals.entries()) {
    lines.push(`  ${i === 0 ? 'signals' : '       '}      ${s.signal}: ${s.disposition}, ${s.effect} — ${s.judgedBy}`);
  }
  lines.push(`  docker stop  STOPSIGNAL ${d.stop.signal}, timeout ${d.stop.timeoutS} s: ${d.stop.text}`);
  if (d.stop.chain.length > 1) lines.push(`  chain        ${d.stop.chain.join(' → ')}${d.stop.appGetsSignal === false ? ` (${d.stop.chain.at(-1)} gets no ${d.stop.signal}: SIGKILLed)` : ''}`);
  const parents = d.zombies.parents.map((p) => `${p.count} under ${p.isPid1 ? `PID 1 (${p.comm})` : `${p.comm} (PID ${p.pid})`}`).join(', ');
  lines.push(`  zombies      ${d.zombies.count} now${parents ? `: ${parents}` : ''}${d.reaping?.oldestAgeS ? ` (the oldest started ${d.reaping.oldestAgeS} s ago)` : ''}`);
  if (d.reaping) for (const [i, l] of reapingText(d.reaping).entries()) lines.push(`  ${i === 0 ? 'reaping' : '       '}      ${l}`);
  if (d.growth) {
    const g = d.growth;
    lines.push(`  watch        ${g.seconds.toFixed(0)} s: ${g.perSecond > 0.05 ? `growing by ${g.perSecond.toFixed(1)} zombies/s` : g.perSecond < -0.05 ? `shrinking by ${(-g.perSecond).toFixed(1)}/s` : 'not growing'} (${g.samples[0]?.zombies ?? 0} → ${g.samples.at(-1)?.zombies ?? 0})`);
    if (opts.plot && g.samples.length > 1) {
      const chart = renderTextChart([{ label: 'zombies', glyph: '*', points: g.samples.map((s) => ({ t: s.t, v: s.zombies })) }], { width: Math.min(72, (opts.width ?? 80) - 4), height: 6 });
      lines.push(...chart.map((l) => `    ${l}`));
    }
  }
  const p = d.pids;
  const limit = p.limit === null ? `no limit (${p.pidMaxSeenFrom === 'host' ? "the host's" : 'as the container sees it,'} pid_max is ${p.pidMax ?? '?'})` : `of ${p.limit}`;
  const refused = p.refusedForks === null ? 'refused forks not visible from here' : `${p.refusedForks} fork${p.refusedForks === 1 ? '' : 's'} refused`;
  lines.push(`  PIDs         ${p.used ?? '?'} used, ${limit}; ${refused}`);
  lines.push(`  verdict      ${d.verdict}`);
  for (const fd of d.findings) {
    lines.push(`  ✗ ${fd.id}: ${fd.message}`);
    for (const fix of fd.fix) lines.push(`      fix: ${fix}`);
  }
  lines.push(`  (read via ${c.source === 'sidecar' ? `a sampler container joined to its PID namespace: ${c.sourceWhy}` : "this host's /proc"})`);
  return lines;
}

/** One sentence on why there is no verdict, e.g. "exited (exit code 0) while inspect read it". */
export function stateText(s: ContainerState): string {
  const when = s.during ? ' while inspect read it' : '';
  switch (s.state) {
    case 'paused':
      return `paused${when}: its processes are frozen, so nothing they do (reap, act on a signal) can be seen`;
    case 'exited':
      return `exited${s.exitCode !== null ? ` (exit code ${s.exitCode})` : ''}${when}`;
    case 'removed':
      return `removed${when}`;
    default:
      return `restarted${when}: what was read belongs to its previous run`;
  }
}
