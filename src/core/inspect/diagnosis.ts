/**
 * From what `inspect` read to what it says: PID 1's identity, its signal verdicts and the
 * `docker stop` prediction, the zombies by parent, PIDs against the limit, and one finding per
 * problem with the fix for the way the container was started. Pure.
 */
import { parseCommaList } from '../comma-list.js';
import { identifyPid1, isShellForm as isShellFormArgv, type Pid1Identity } from './pid1-kind.js';
import { DEFAULT_STOP_TIMEOUT_S, zombieParents, type ContainerFacts, type NamespaceSnapshot, type ProcInfo, type ZombieParent } from './snapshot.js';
import { judgeSignal, normalizeSignalName, predictFromChain, predictStop, type SignalVerdict, type StopPrediction } from './signal-verdict.js';
import { stopChain } from './stop-chain.js';
import type { Reaping } from './reaping.js';
import { uiText } from '../i18n.js';
import type { VerdictFacts } from './verdict-facts.js';

/** Finding categories, as `--fail-on` names them. */
export const FAIL_CATEGORIES = ['zombies', 'sigterm', 'no-pids-limit', 'shell-pid1', 'pids'] as const;
export type FailCategory = (typeof FAIL_CATEGORIES)[number];

/** Every finding's id, stable across languages and versions (docs/inspect.schema.json derives its enum from it). */
export const FINDING_IDS = [
  'zombies-under-pid1',
  'zombies-live-parent',
  'stop-signal-dropped',
  'app-sigkilled',
  'shell-pid1',
  'no-pids-limit',
  'pids-near-limit',
  'refused-forks',
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

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
  /** Who reaps, judged by how long zombies last (null: not followed, e.g. a unit test's one snapshot). */
  reaping: Reaping | null;
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

/** docker run / compose / Dockerfile ways to set the stop signal. */
function stopSignalFix(f: ContainerFacts, signal: string): string[] {
  const run = f.startedBy.kind === 'compose' ? `compose: \`stop_signal: ${signal}\` for service "${f.startedBy.service}"` : `docker run --stop-signal ${signal} …`;
  return [run, `or in the Dockerfile: STOPSIGNAL ${signal}`];
}

function appKilledFix(f: ContainerFacts, id: Pid1Identity, chain: string[]): string[] {
  if (id.init === 'runsvdir') return stopSignalFix(f, 'SIGHUP').map((l, i) => (i === 0 ? `make runsvdir stop each service first: ${l}` : l));
  const shell = chain.slice(1, -1).find((p) => ['sh', 'dash', 'bash', 'ash', 'busybox'].includes(p));
  if (shell) {
    const argv = f.entrypoint?.length ? f.entrypoint : f.cmd;
    const which = f.entrypoint?.length ? 'ENTRYPOINT' : 'CMD';
    const exec = isShellFormArgv(argv) ? execFormOf(argv?.[2] ?? '') : null;
    return [
      exec ? `Dockerfile: exec form, so the init's child is the app: ${which} ${exec}` : `make ${shell} exec the app: \`exec\` before its last command (in the script or the sh -c string)`,
      `or have the init signal the whole process group (tini -g; dumb-init does by default)`,
    ];
  }
  return ['make the app the process the init starts (exec form, or exec in the script)'];
}

function sigtermFix(f: ContainerFacts, id: Pid1Identity, signal: string): string[] {
  if (id.init === 'systemd') return stopSignalFix(f, 'SIGRTMIN+3').map((l, i) => (i === 0 ? `systemd stops on SIGRTMIN+3, not ${signal}: ${l}` : l));
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
  /** The zombies followed read by read (reaping.ts); without it, `lasting` decides. */
  reaping?: Reaping | null;
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { facts: f, snapshot: s } = input;
  const identity = identifyPid1(s.pid1.cmdline, s.pid1.comm, { entrypoint: f.entrypoint, cmd: f.cmd });
  const stopSignal = normalizeSignalName(f.stopSignal);
  const names = [...new Set([stopSignal, 'SIGTERM', 'SIGINT'])];
  const signals = names.map((n) => judgeSignal(identity, s.pid1.masks, n));
  const stopVerdict = signals[0] as SignalVerdict;
  const timeoutS = f.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
  const chain = stopChain({ identity, procs: s.procs, pid1Masks: s.pid1.masks, pid1Script: s.pid1.script, signal: stopSignal });
  const stop = chain ? predictFromChain(chain, stopSignal, timeoutS) : predictStop(stopVerdict, timeoutS);
  if (!stop.certain && stopVerdict.effect === 'deferred') {
    signals[0] = { ...stopVerdict, judgedBy: `a trap is set; whether it runs at once (the script sits in wait) or only after the app ends cannot be told: ${chain?.why ?? ''}` };
  }
  // A shell's trap that passes the signal on while the script waits: PID 1 acts on it at once.
  if (identity.kind === 'shell' && chain?.endsOnSignal && stopVerdict.effect === 'deferred') {
    signals[0] = { ...stopVerdict, effect: 'handled', judgedBy: `its script traps ${stopSignal} and waits: ${chain.why}` };
  }
  const lasting = input.lasting ?? s.procs.filter((p) => p.state === 'Z');
  const parents = zombieParents([...s.procs.filter((p) => p.state !== 'Z'), ...lasting]);
  const findings: Finding[] = [];
  const growth = input.growth ?? null;
  const grows = growth !== null && growth.perSecond > 0.2;
  const reaping = input.reaping ?? null;

  const underPid1 = parents.find((p) => p.isPid1);
  const pid1Reaping = reaping?.parents.find((p) => p.isPid1);
  // Followed: PID 1 does not reap when one of its zombies outlasted the longest known reap
  // interval. One snapshot only: an init reaps at once, a zombie or two under it is one in flight.
  const pid1Piles = reaping ? pid1Reaping?.verdict === 'does-not-reap' : !!underPid1 && (identity.kind !== 'init' || underPid1.count > 2);
  if (pid1Piles) {
    const count = underPid1?.count ?? pid1Reaping?.seen ?? 0;
    const lastedS = pid1Reaping ? `; one lasted ${(pid1Reaping.longestSeenMs / 1000).toFixed(1)} s, longer than any init waits to reap` : '';
    findings.push({
      id: 'zombies-under-pid1',
      category: 'zombies',
      message: `${count} zombie${count === 1 ? '' : 's'} under PID 1 (${identity.program}), which does not reap the orphans it adopts${lastedS}${grows ? `; growing by ${growth.perSecond.toFixed(1)}/s` : ''}`,
      fix: identity.kind === 'init' ? [`${identity.program} as PID 1 should reap these at once: check that it is not stopped (state T) and is a version that reaps; dumb-init's --single-child changes only how signals are forwarded, not reaping`] : addInitFix(f),
    });
  }
  const liveParents = reaping
    ? reaping.parents.filter((p) => !p.isPid1 && p.verdict === 'does-not-reap').map((p) => ({ pid: p.pid, comm: p.comm, count: parents.find((q) => q.pid === p.pid)?.count ?? p.seen - p.gone }))
    : parents.filter((q) => !q.isPid1);
  for (const p of liveParents) {
    findings.push({
      id: 'zombies-live-parent',
      category: 'zombies',
      message: `${p.count} zombie${p.count === 1 ? '' : 's'} under ${p.comm} (PID ${p.pid}), a live parent that never waits for its children: an init cannot reap these (they are not orphans)`,
      fix: [`${p.comm} must wait for its children: waitpid / subprocess.wait() / a SIGCHLD handler that reaps`, 'they go only when it waits, or when it exits (then PID 1 adopts them: have an init there)'],
    });
  }
  if (!stop.endsOnSignal && stop.certain) {
    findings.push({ id: 'stop-signal-dropped', category: 'sigterm', message: stop.text, fix: sigtermFix(f, identity, stopSignal) });
  } else if (stop.appGetsSignal === false) {
    const app = stop.chain.at(-1) ?? 'the app';
    findings.push({
      id: 'app-sigkilled',
      category: 'sigterm',
      message: `the app (${app}) never gets ${stopSignal}: ${chain?.why ?? stop.text}; it is SIGKILLed with no chance to clean up`,
      fix: appKilledFix(f, identity, stop.chain),
    });
  }
  // A shell that passes the signal on (trap + wait) is a way to run an app, not a problem of its own.
  if (identity.kind === 'shell' && stop.certain && !(stop.endsOnSignal && stop.appGetsSignal)) {
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
  return { identity, cmdline: s.pid1.cmdline, signals, stop, zombies, pids, growth, reaping, findings, verdict: verdictLine(identity, stop, zombies.count, findings) };
}

export function verdictLine(id: Pid1Identity, stop: StopPrediction, zombies: number, findings: Finding[]): string {
  const what = id.kind === 'init' ? `init ${id.program}` : id.kind === 'shell' ? `shell ${id.program}` : `app ${id.program}`;
  const sig = !stop.certain ? `${stop.signal}: cannot tell` : stop.endsOnSignal ? `ends on ${stop.signal}` : `${stop.signal} dropped → SIGKILL after ${stop.timeoutS} s`;
  const head = findings.length === 0 ? 'ok' : `${findings.length} problem${findings.length === 1 ? '' : 's'}`;
  return `${head}: PID 1 is ${what}, ${sig}, ${zombies} zombie${zombies === 1 ? '' : 's'}`;
}

/** The verdict in a few words, for one line of a list at 80 columns: "app python3 · 37 zombies · drops SIGTERM (137 after 10 s)". */
export function shortVerdict(d: Pick<Diagnosis, 'identity' | 'stop' | 'zombies'>): string {
  return uiText('en').containers.verdict(verdictFacts(d));
}

/** What the short verdict says, as data: the app words it in its language. */

export type { VerdictFacts };

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
