/**
 * `inspect`'s output: the JSON document (docs/inspect.schema.json describes it) and the text
 * for a terminal, both from the same diagnoses. Pure.
 */
import { renderTextChart } from '../text-chart.js';
import type { Diagnosis, FailCategory, VerdictFacts } from './diagnosis.js';
import type { ContainerFacts, InspectSource, StartedBy } from './snapshot.js';
import type { Problem } from '../run-events.js';

export const INSPECT_JSON_VERSION = 1;

export interface InspectedContainer {
  facts: ContainerFacts;
  source: InspectSource;
  sourceWhy: string;
  diagnosis: Diagnosis;
  /** How far apart the two reads were that tell lasting zombies (300 ms, or a watch's last second). */
  lastingGapMs?: number;
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
}

export interface InspectFailure {
  target: string;
  problem: { message: string; fix: string };
}

export interface InspectReport {
  version: typeof INSPECT_JSON_VERSION;
  engine: string;
  failOn: FailCategory[] | null;
  containers: ReturnType<typeof containerJson>[];
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
    stop: { signal: d.stop.signal, timeoutS: d.stop.timeoutS, endsOnSignal: d.stop.endsOnSignal, expectedExit: d.stop.expectedExit, prediction: d.stop.text },
    zombies: { count: d.zombies.count, lasting: d.zombies.lasting, parents: d.zombies.parents },
    watch: d.growth ? { seconds: d.growth.seconds, perSecond: Number(d.growth.perSecond.toFixed(3)), samples: d.growth.samples } : null,
    pids: { used: d.pids.used, limit: d.pids.limit, pidMax: d.pids.pidMax, pidMaxSeenFrom: d.pids.pidMaxSeenFrom, refusedForks: d.pids.refusedForks },
    findings: d.findings,
    verdict: d.verdict,
  };
}

export function inspectReport(engine: string, containers: InspectedContainer[], errors: InspectFailure[], failOn: FailCategory[] | null, exitCode: number): InspectReport {
  return { version: INSPECT_JSON_VERSION, engine, failOn, containers: containers.map(containerJson), errors, exitCode };
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
  const parents = d.zombies.parents.map((p) => `${p.count} under ${p.isPid1 ? `PID 1 (${p.comm})` : `${p.comm} (PID ${p.pid})`}`).join(', ');
  lines.push(`  zombies      ${d.zombies.count} now${d.zombies.count ? ` (${d.zombies.lasting} of them there ${c.lastingGapMs ?? 300} ms before too)` : ''}${parents ? `: ${parents}` : ''}`);
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
