/**
 * From what `inspect` read to what it says: PID 1's identity, its signal verdicts and the
 * `docker stop` prediction, the zombies by parent, PIDs against the limit, and one finding per
 * problem with the fix for the way the container was started. Pure.
 */
import { parseCommaList } from '../comma-list.js';
import { identifyPid1, type Pid1Identity } from './pid1-kind.js';
import { DEFAULT_STOP_TIMEOUT_S, zombieParents, type ContainerFacts, type NamespaceSnapshot, type ProcInfo, type ZombieParent } from './snapshot.js';
import { judgeSignal, normalizeSignalName, predictStop, type SignalVerdict, type StopPrediction } from './signal-verdict.js';
import { uiText } from '../i18n.js';

/** Finding categories, as `--fail-on` names them. */
export const FAIL_CATEGORIES = ['zombies', 'sigterm', 'no-pids-limit', 'shell-pid1', 'pids'] as const;
export type FailCategory = (typeof FAIL_CATEGORIES)[number];

export type FindingId =
  | 'zombies-under-pid1'
  | 'zombies-live-parent'
  | 'stop-signal-dropped'
  | 'shell-pid1'
  | 'no-pids-limit'
  | 'pids-near-limit'
  | 'refused-forks';

export interface Finding {
  id: FindingId;
  category: FailCategory;
  /** One line: what is wrong. */
  message: string;
  /** The concrete changes, for the way this container was started. */
  fix: string[];
}

export interface Growth {
  seconds: number;
  samples: { t: number; zombies: number }[];
  /** Zombies per second over the watch (least squares). */
  perSecond: number;
}

export interface Diagnosis {
  identity: Pid1Identity;
  cmdline: string[];
  signals: SignalVerdict[];
  stop: StopPrediction;
  zombies: { count: number; lasting: number; parents: ZombieParent[] };
  pids: NamespaceSnapshot['pids'] & Pick<NamespaceSnapshot, 'pidMax' | 'pidMaxSeenFrom'>;
  growth: Growth | null;
  findings: Finding[];
  /** One line for lists (the app's `i`, `inspect` headers). */
  verdict: string;
}

/** Zombies per second, least squares over (t ms, zombies). */
export function growthPerSecond(samples: readonly { t: number; zombies: number }[]): number {
  if (samples.length < 2) return 0;
  const n = samples.length;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const mz = samples.reduce((a, s) => a + s.zombies, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.t - mt) * (s.zombies - mz);
    den += (s.t - mt) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 1000;
}

function addInitFix(f: ContainerFacts): string[] {
  const dockerfile = 'or in the Dockerfile: ENTRYPOINT ["tini", "--"] (or ["dumb-init", "--"]) before your command';
  switch (f.startedBy.kind) {
    case 'compose':
      return [`compose: add \`init: true\` to service "${f.startedBy.service}"`, dockerfile];
    case 'kubernetes':
      return ['pod spec: `shareProcessNamespace: true` makes the pause container PID 1, and it reaps orphans', dockerfile];
    default:
      return ['docker run --init … (Docker puts tini in front as PID 1)', dockerfile];
  }
}

const SHELL_META = /[;&|<>()$`\\"'*?[\]{}~#=\n]/;

/** `CMD ["python3", "app.py"]` from `/bin/sh -c "python3 app.py"`, when the string is a plain command. */
export function execFormOf(shellCommand: string): string | null {
  const words = shellCommand.trim().split(/\s+/);
  if (!shellCommand.trim() || SHELL_META.test(shellCommand) || words[0] === 'exec') return null;
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

function shellFix(f: ContainerFacts, id: Pid1Identity): string[] {
  const argv = f.entrypoint?.length ? f.entrypoint : f.cmd;
  const which = f.entrypoint?.length ? 'ENTRYPOINT' : 'CMD';
  if (id.shellFromShellForm && argv) {
    const exec = execFormOf(argv[2] ?? '');
    return [
      exec ? `Dockerfile: exec form instead of shell form: ${which} ${exec}` : `Dockerfile: start the last command with \`exec\` (${which} ["sh", "-c", "… && exec your-app"]), or use exec form`,
      'exec alone is not enough when the app starts children: it then is PID 1 and must reap them; add an init too',
    ];
  }
  if (id.script) {
    return [
      `${id.script}: put \`exec\` before the final command, so the app replaces the shell as PID 1 and gets SIGTERM`,
      'that alone is not enough when the app starts children (it then must reap them): put an init in front too',
    ];
  }
  return ['make the app PID 1 with exec form (or `exec` in the script), behind an init'];
}

function sigtermFix(f: ContainerFacts, id: Pid1Identity, signal: string): string[] {
  const handler = `handle ${signal} in the app (Python: signal.signal(signal.${signal}, handler); Node: process.on('${signal}', …); Go: signal.Notify)`;
  if (id.kind === 'shell') return shellFix(f, id);
  if (id.kind === 'init') return [`the init ${id.program} does not act on ${signal}: check its STOPSIGNAL and options`];
  return [handler, ...addInitFix(f).map((l, i) => (i === 0 ? `or put an init in front, which forwards it: ${l}` : l))];
}

function pidsLimitFix(f: ContainerFacts): string {
  switch (f.startedBy.kind) {
    case 'compose':
      return `compose: \`pids_limit: 256\` for service "${f.startedBy.service}"`;
    case 'kubernetes':
      return 'Kubernetes: set the kubelet\'s podPidsLimit (PIDs per pod)';
    default:
      return 'docker run --pids-limit 256 …';
  }
}

export interface DiagnoseInput {
  facts: ContainerFacts;
  snapshot: NamespaceSnapshot;
  /** Zombies seen in two snapshots in a row (see lastingZombies); default: the snapshot's. */
  lasting?: ProcInfo[];
  growth?: Growth | null;
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { facts: f, snapshot: s } = input;
  const identity = identifyPid1(s.pid1.cmdline, s.pid1.comm, { entrypoint: f.entrypoint, cmd: f.cmd });
  const stopSignal = normalizeSignalName(f.stopSignal);
  const names = [...new Set([stopSignal, 'SIGTERM', 'SIGINT'])];
  const signals = names.map((n) => judgeSignal(identity, s.pid1.masks, n));
  const stopVerdict = signals[0] as SignalVerdict;
  const timeoutS = f.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
  const stop = predictStop(stopVerdict, timeoutS);
  const lasting = input.lasting ?? s.procs.filter((p) => p.state === 'Z');
  const parents = zombieParents([...s.procs.filter((p) => p.state !== 'Z'), ...lasting]);
  const findings: Finding[] = [];
  const growth = input.growth ?? null;
  const grows = growth !== null && growth.perSecond > 0.2;

  const underPid1 = parents.find((p) => p.isPid1);
  // An init reaps at once: a zombie or two under it is one caught between exit and wait.
  if (underPid1 && (identity.kind !== 'init' || underPid1.count > 2)) {
    findings.push({
      id: 'zombies-under-pid1',
      category: 'zombies',
      message: `${underPid1.count} zombie${underPid1.count === 1 ? '' : 's'} under PID 1 (${identity.program}), which does not reap the orphans it adopts${grows ? `; growing by ${growth.perSecond.toFixed(1)}/s` : ''}`,
      fix: identity.kind === 'init' ? [`${identity.program} should reap: is it PID 1 with subreaper options, or running with --single-child?`] : addInitFix(f),
    });
  }
  for (const p of parents.filter((q) => !q.isPid1)) {
    findings.push({
      id: 'zombies-live-parent',
      category: 'zombies',
      message: `${p.count} zombie${p.count === 1 ? '' : 's'} under ${p.comm} (PID ${p.pid}), a live parent that never waits for its children: an init cannot reap these (they are not orphans)`,
      fix: [`${p.comm} must wait for its children: waitpid / subprocess.wait() / a SIGCHLD handler that reaps`, 'they go only when it waits, or when it exits (then PID 1 adopts them: have an init there)'],
    });
  }
  if (!stop.endsOnSignal) {
    findings.push({ id: 'stop-signal-dropped', category: 'sigterm', message: stop.text, fix: sigtermFix(f, identity, stopSignal) });
  }
  if (identity.kind === 'shell') {
    findings.push({
      id: 'shell-pid1',
      category: 'shell-pid1',
      message: `PID 1 is the shell ${identity.program}${identity.shellFromShellForm ? ', put there by a shell-form ' + (f.entrypoint?.length ? 'ENTRYPOINT' : 'CMD') : identity.script ? ` running ${identity.script}` : ''}: it did not exec the app, so the app never gets ${stopSignal}`,
      fix: shellFix(f, identity),
    });
  }
  const pids = { ...s.pids, limit: s.pids.limit ?? f.pidsLimit, pidMax: s.pidMax, pidMaxSeenFrom: s.pidMaxSeenFrom };
  if (pids.limit === null) {
    findings.push({
      id: 'no-pids-limit',
      category: 'no-pids-limit',
      message: `no PID limit: a zombie pile or a fork bomb here can use up ${s.pidMaxSeenFrom === 'host' ? `the host's ${s.pidMax ?? '?'} PIDs (pid_max)` : `the host's PIDs (pid_max is ${s.pidMax ?? '?'} as the container sees it; the host's own may be lower)`} for every container`,
      fix: [pidsLimitFix(f)],
    });
  } else if (pids.used !== null && pids.used >= pids.limit * 0.8) {
    findings.push({ id: 'pids-near-limit', category: 'pids', message: `${pids.used} of ${pids.limit} PIDs used: new processes will soon be refused (fork: Resource temporarily unavailable)`, fix: ['find what holds them (zombies above?)', pidsLimitFix(f)] });
  }
  if (pids.refusedForks !== null && pids.refusedForks > 0) {
    findings.push({ id: 'refused-forks', category: 'pids', message: `${pids.refusedForks} fork${pids.refusedForks === 1 ? ' was' : 's were'} refused at the PID limit`, fix: ['the container ran out of PIDs: stop the pile (zombies?) or raise the limit'] });
  }
  const zombies = { count: s.zombies, lasting: lasting.length, parents };
  return { identity, cmdline: s.pid1.cmdline, signals, stop, zombies, pids, growth, findings, verdict: verdictLine(identity, stop, zombies.count, findings) };
}

export function verdictLine(id: Pid1Identity, stop: StopPrediction, zombies: number, findings: Finding[]): string {
  const what = id.kind === 'init' ? `init ${id.program}` : id.kind === 'shell' ? `shell ${id.program}` : `app ${id.program}`;
  const sig = stop.endsOnSignal ? `ends on ${stop.signal}` : `${stop.signal} dropped → SIGKILL after ${stop.timeoutS} s`;
  const head = findings.length === 0 ? 'ok' : `${findings.length} problem${findings.length === 1 ? '' : 's'}`;
  return `${head}: PID 1 is ${what}, ${sig}, ${zombies} zombie${zombies === 1 ? '' : 's'}`;
}

/** The verdict in a few words, for one line of a list at 80 columns: "app python3 · 37 zombies · drops SIGTERM (137 after 10 s)". */
export function shortVerdict(d: Pick<Diagnosis, 'identity' | 'stop' | 'zombies'>): string {
  return uiText('en').containers.verdict(verdictFacts(d));
}

/** What the short verdict says, as data: the app words it in its language. */
export interface VerdictFacts {
  kind: 'init' | 'shell' | 'app';
  program: string;
  zombies: number;
  signal: string;
  endsOnSignal: boolean;
  timeoutS: number;
}

export function verdictFacts(d: Pick<Diagnosis, 'identity' | 'stop' | 'zombies'>): VerdictFacts {
  const kind = d.identity.kind === 'init' ? 'init' : d.identity.kind === 'shell' ? 'shell' : 'app';
  return { kind, program: d.identity.program, zombies: d.zombies.count, signal: d.stop.signal, endsOnSignal: d.stop.endsOnSignal, timeoutS: d.stop.timeoutS };
}

/** Parses `--fail-on zombies,sigterm`; throws a RangeError naming the bad word. */
export function parseFailOn(text: string): FailCategory[] {
  const { known, unknown } = parseCommaList(text, (w): w is FailCategory => (FAIL_CATEGORIES as readonly string[]).includes(w));
  if (unknown[0] !== undefined) throw new RangeError(`--fail-on: unknown category "${unknown[0]}" (use ${FAIL_CATEGORIES.join(', ')})`);
  return known;
}

/** 1 when a finding counts (all of them, or those of the --fail-on categories), else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: readonly FailCategory[] | null): 0 | 1 {
  return findings.some((f) => !failOn || failOn.includes(f.category)) ? 1 : 0;
}
