/**
 * `inspect`'s output: the JSON document (docs/inspect.schema.json describes it) and the text
 * for a terminal, both from the same diagnoses. Pure.
 */
import { renderTextChart } from '../text-chart.js';
import type { Diagnosis, FailCategory, VerdictFacts } from './diagnosis.js';
import type { ContainerFacts, ContainerState, InspectSource, StartedBy } from './snapshot.js';
import type { Problem } from '../run-events.js';
import type { Lang } from '../lang.js';
import { inspectWords, type InspectText } from './inspect-text.js';
import type { PodJson } from './pod-report.js';

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
  /** The language of every message, fix, verdict and prediction; ids never change. */
  lang: Lang;
  engine: string;
  failOn: FailCategory[] | null;
  containers: ReturnType<typeof containerJson>[];
  notJudged: NotJudgedContainer[];
  errors: InspectFailure[];
  /** inspect --pod: the pod and how each container was read (their verdicts are in `containers`). */
  pod?: PodJson;
  exitCode: number;
}

function startedByText(s: StartedBy, t: InspectText): string {
  return t.startedBy(s.kind === 'compose' ? { kind: 'compose', project: s.project, service: s.service } : s.kind === 'kubernetes' ? { kind: 'kubernetes', namespace: s.namespace, pod: s.pod, container: s.container } : { kind: 'run' });
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

export function inspectReport(engine: string, containers: InspectedContainer[], errors: InspectFailure[], failOn: FailCategory[] | null, exitCode: number, notJudged: NotJudgedContainer[] = [], lang: Lang = 'en', pod: PodJson | null = null): InspectReport {
  return { version: INSPECT_JSON_VERSION, lang, engine, failOn, containers: containers.map(containerJson), notJudged, errors, ...(pod ? { pod } : {}), exitCode };
}

/** The text of a container given no verdict. */
export function notJudgedText(n: NotJudgedContainer): string[] {
  return [`${n.name} (${n.id.slice(0, 12)}): ${n.message}`];
}

/** "PID 1 (runsvdir) reaps: 9 of 9 zombies seen went, the longest after 4.3 s (within 5 s, runit's interval)". */
export function reapingText(r: NonNullable<Diagnosis['reaping']>, t: InspectText = inspectWords('en')): string[] {
  if (r.parents.length === 0) return [t.reapNone((r.watchedMs / 1000).toFixed(1))];
  if (!r.parents.some((p) => p.isPid1 || p.verdict !== 'reaps')) return [t.reapAllWent((r.watchedMs / 1000).toFixed(1))];
  // Every line about PID 1; of other parents only those that do not reap (an app waiting for its own children is no news).
  return r.parents.filter((p) => p.isPid1 || p.verdict !== 'reaps').map((p) => {
    const who = p.isPid1 ? t.pid1Who(p.comm) : t.otherWho(p.comm, p.pid);
    const s = (p.longestSeenMs / 1000).toFixed(1);
    const detail = p.verdict === 'does-not-reap' ? t.reapLasted(s) : p.verdict === 'reaps' ? t.reapWent(p.gone, p.seen, s) : t.reapSeen(s);
    return `${who} ${t.reapWords[p.verdict]}: ${detail}`;
  });
}

/** Pads a label of the text report to the column its values start at. */
const label = (text: string, width = 13) => `  ${text.padEnd(width)}`;

/** The text report of one container, for a terminal or a log, lines of at most ~100 columns. */
export function containerText(c: InspectedContainer, opts: { plot?: boolean; width?: number; lang?: Lang } = {}): string[] {
  const t = inspectWords(opts.lang);
  const L = t.labels;
  const d = c.diagnosis;
  const f = c.facts;
  const lines: string[] = [];
  lines.push(`${f.name} (${f.id.slice(0, 12)}) · ${f.image} · ${startedByText(f.startedBy, t)}`);
  const what = d.identity.kind === 'init' ? `${t.kind.init} (${d.identity.init})` : t.kind[d.identity.kind];
  const shellNote = d.identity.kind === 'shell' && d.identity.shellFromShellForm ? t.shellFormNote : d.identity.kind === 'app' && d.identity.shellForm ? t.execdNote : '';
  lines.push(`${label('PID 1')}${d.cmdline.join(' ') || '?'} — ${what}${shellNote}`);
  for (const [i, s] of d.signals.entries()) {
    lines.push(`${label(i === 0 ? L.signals : '')}${s.signal}: ${t.disposition[s.disposition]}, ${t.effect[s.effect]} — ${s.judgedBy}`);
  }
  lines.push(`${label(L.stop)}${t.stopLine(d.stop.signal, d.stop.timeoutS, d.stop.text)}`);
  if (d.stop.chain.length > 1) lines.push(`${label(L.chain)}${d.stop.chain.join(' → ')}${d.stop.appGetsSignal === false ? t.chainNoSignal(d.stop.chain.at(-1) ?? '', d.stop.signal) : ''}`);
  const parents = d.zombies.parents.map((p) => t.zombiesUnder(p.count, p.isPid1 ? t.pid1Who(p.comm) : t.otherWho(p.comm, p.pid))).join(', ');
  lines.push(`${label(L.zombies)}${t.zombiesNow(d.zombies.count, parents, d.reaping?.oldestAgeS ?? null)}`);
  if (d.reaping) for (const [i, l] of reapingText(d.reaping, t).entries()) lines.push(`${label(i === 0 ? L.reaping : '')}${l}`);
  if (d.growth) {
    const g = d.growth;
    lines.push(`${label(L.watch)}${t.watch(g.seconds, g.perSecond, g.samples[0]?.zombies ?? 0, g.samples.at(-1)?.zombies ?? 0)}`);
    if (opts.plot && g.samples.length > 1) {
      const chart = renderTextChart([{ label: 'zombies', glyph: '*', points: g.samples.map((s) => ({ t: s.t, v: s.zombies })) }], { width: Math.min(72, (opts.width ?? 80) - 4), height: 6 });
      lines.push(...chart.map((l) => `    ${l}`));
    }
  }
  const p = d.pids;
  lines.push(`${label(L.pids)}${t.pidsLine(String(p.used ?? '?'), p.limit, String(p.pidMax ?? '?'), p.pidMaxSeenFrom === 'host', p.refusedForks)}`);
  lines.push(`${label(L.verdict)}${d.verdict}`);
  for (const fd of d.findings) {
    lines.push(`  ✗ ${fd.id}: ${fd.message}`);
    for (const fix of fd.fix) lines.push(`      ${L.fix}: ${fix}`);
  }
  lines.push(`  ${t.readVia(c.source === 'sidecar', c.sourceWhy)}`);
  return lines;
}

/** One sentence on why there is no verdict, e.g. "exited (exit code 0) while inspect read it". */
export function stateText(s: ContainerState, lang: Lang = 'en'): string {
  const t = inspectWords(lang).state;
  const when = s.during ? t.during : '';
  switch (s.state) {
    case 'paused':
      return t.paused(when);
    case 'exited':
      return t.exited(s.exitCode, when);
    case 'removed':
      return t.removed(when);
    default:
      return t.restarted(when);
  }
}
