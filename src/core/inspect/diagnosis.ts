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
import type { Lang } from '../lang.js';
import { inspectWords, type InspectText } from './inspect-text.js';
import type { FindingId } from './finding-ids.js';

/** Finding categories, as `--fail-on` names them. */
export const FAIL_CATEGORIES = ['zombies', 'sigterm', 'no-pids-limit', 'shell-pid1', 'pids'] as const;
export type FailCategory = (typeof FAIL_CATEGORIES)[number];

export { FINDING_IDS, type FindingId } from './finding-ids.js';

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

function addInitFix(f: ContainerFacts, t: InspectText): string[] {
  const dockerfile = t.addInit.dockerfile;
  switch (f.startedBy.kind) {
    case 'compose':
      return [t.addInit.compose(f.startedBy.service), dockerfile];
    case 'kubernetes':
      return [t.addInit.kubernetes, dockerfile];
    default:
      return [t.addInit.run, dockerfile];
  }
}

const SHELL_META = /[;&|<>()$`\\"'*?[\]{}~#=\n]/;

/** `CMD ["python3", "app.py"]` from `/bin/sh -c "python3 app.py"`, when the string is a plain command. */
export function execFormOf(shellCommand: string): string | null {
  const words = shellCommand.trim().split(/\s+/);
  if (!shellCommand.trim() || SHELL_META.test(shellCommand) || words[0] === 'exec') return null;
  return `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;
}

function shellFix(f: ContainerFacts, id: Pid1Identity, t: InspectText): string[] {
  const argv = f.entrypoint?.length ? f.entrypoint : f.cmd;
  const which = f.entrypoint?.length ? 'ENTRYPOINT' : 'CMD';
  if (id.shellFromShellForm && argv) {
    const exec = execFormOf(argv[2] ?? '');
    return [exec ? t.shellExecForm(which, exec) : t.shellExecLast(which), t.execNotEnough];
  }
  if (id.script) return [t.scriptExec(id.script), t.scriptNotEnough];
  return [t.makeAppPid1];
}

/** docker run / compose / Dockerfile ways to set the stop signal. */
function stopSignalFix(f: ContainerFacts, signal: string, t: InspectText): string[] {
  return [t.stopSignalRun(signal, f.startedBy.kind === 'compose' ? f.startedBy.service : null), t.stopSignalDockerfile(signal)];
}

function appKilledFix(f: ContainerFacts, id: Pid1Identity, chain: string[], t: InspectText): string[] {
  if (id.init === 'runsvdir') return stopSignalFix(f, 'SIGHUP', t).map((l, i) => (i === 0 ? t.runsvdirFirst(l) : l));
  const shell = chain.slice(1, -1).find((p) => ['sh', 'dash', 'bash', 'ash', 'busybox'].includes(p));
  if (shell) {
    const argv = f.entrypoint?.length ? f.entrypoint : f.cmd;
    const which = f.entrypoint?.length ? 'ENTRYPOINT' : 'CMD';
    const exec = isShellFormArgv(argv) ? execFormOf(argv?.[2] ?? '') : null;
    return [exec ? t.appKilledExecForm(which, exec) : t.appKilledShellExec(shell), t.appKilledGroup];
  }
  return [t.appKilledInitChild];
}

function sigtermFix(f: ContainerFacts, id: Pid1Identity, signal: string, t: InspectText): string[] {
  if (id.init === 'systemd') return stopSignalFix(f, 'SIGRTMIN+3', t).map((l, i) => (i === 0 ? t.systemdStop(signal, l) : l));
  if (id.kind === 'shell') return shellFix(f, id, t);
  if (id.kind === 'init') return [t.initNoAct(id.program, signal)];
  return [t.handler(signal), ...addInitFix(f, t).map((l, i) => (i === 0 ? t.addInit.lead(l) : l))];
}

function pidsLimitFix(f: ContainerFacts, t: InspectText): string {
  switch (f.startedBy.kind) {
    case 'compose':
      return t.pidsLimitFix.compose(f.startedBy.service);
    case 'kubernetes':
      return t.pidsLimitFix.kubernetes;
    default:
      return t.pidsLimitFix.run;
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
  /** The language of messages, fixes, verdicts and predictions (ids never change); English when not given. */
  lang?: Lang;
  /** The snapshot's "PID 1" is a main process further down its namespace (inspect --pod, a shared PID namespace). */
  notPid1?: boolean;
}

export function diagnose(input: DiagnoseInput): Diagnosis {
  const { facts: f, snapshot: s } = input;
  const t = inspectWords(input.lang);
  const identity = identifyPid1(s.pid1.cmdline, s.pid1.comm, { entrypoint: f.entrypoint, cmd: f.cmd });
  const stopSignal = normalizeSignalName(f.stopSignal);
  const names = [...new Set([stopSignal, 'SIGTERM', 'SIGINT'])];
  const signals = names.map((n) => judgeSignal(identity, s.pid1.masks, n, t, input.notPid1 ?? false));
  const stopVerdict = signals[0] as SignalVerdict;
  const timeoutS = f.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
  const chain = stopChain({ identity, procs: s.procs, pid1Masks: s.pid1.masks, pid1Script: s.pid1.script, signal: stopSignal, lang: input.lang ?? 'en' });
  const stop = chain ? predictFromChain(chain, stopSignal, timeoutS, t) : predictStop(stopVerdict, timeoutS, t);
  if (!stop.certain && stopVerdict.effect === 'deferred') {
    signals[0] = { ...stopVerdict, judgedBy: t.trapUncertain(chain?.why ?? '') };
  }
  // A shell's trap that passes the signal on while the script waits: PID 1 acts on it at once.
  if (identity.kind === 'shell' && chain?.endsOnSignal && stopVerdict.effect === 'deferred') {
    signals[0] = { ...stopVerdict, effect: 'handled', judgedBy: t.trapWaits(stopSignal, chain.why) };
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
    const lastedS = pid1Reaping ? (pid1Reaping.longestSeenMs / 1000).toFixed(1) : null;
    findings.push({
      id: 'zombies-under-pid1',
      category: 'zombies',
      message: t.zombiesUnderPid1(count, identity.program, lastedS, grows ? growth.perSecond.toFixed(1) : null),
      fix: identity.kind === 'init' ? [t.initShouldReap(identity.program)] : addInitFix(f, t),
    });
  }
  const liveParents = reaping
    ? reaping.parents.filter((p) => !p.isPid1 && p.verdict === 'does-not-reap').map((p) => ({ pid: p.pid, comm: p.comm, count: parents.find((q) => q.pid === p.pid)?.count ?? p.seen - p.gone }))
    : parents.filter((q) => !q.isPid1);
  for (const p of liveParents) {
    findings.push({
      id: 'zombies-live-parent',
      category: 'zombies',
      message: t.zombiesLiveParent(p.count, p.comm, p.pid),
      fix: t.liveParentFix(p.comm),
    });
  }
  if (!stop.endsOnSignal && stop.certain) {
    findings.push({ id: 'stop-signal-dropped', category: 'sigterm', message: stop.text, fix: sigtermFix(f, identity, stopSignal, t) });
  } else if (stop.appGetsSignal === false) {
    const app = stop.chain.at(-1) ?? t.theApp;
    findings.push({
      id: 'app-sigkilled',
      category: 'sigterm',
      message: t.appSigkilled(app, stopSignal, chain?.why ?? stop.text),
      fix: appKilledFix(f, identity, stop.chain, t),
    });
  }
  // A shell that passes the signal on (trap + wait) is a way to run an app, not a problem of its own.
  if (identity.kind === 'shell' && stop.certain && !(stop.endsOnSignal && stop.appGetsSignal)) {
    findings.push({
      id: 'shell-pid1',
      category: 'shell-pid1',
      message: t.shellPid1(identity.program, identity.shellFromShellForm ? (f.entrypoint?.length ? 'ENTRYPOINT' : 'CMD') : null, identity.script ?? null, stopSignal),
      fix: shellFix(f, identity, t),
    });
  }
  const pids = { ...s.pids, limit: s.pids.limit ?? f.pidsLimit, pidMax: s.pidMax, pidMaxSeenFrom: s.pidMaxSeenFrom };
  if (pids.limit === null) {
    findings.push({
      id: 'no-pids-limit',
      category: 'no-pids-limit',
      message: t.noPidsLimit(String(s.pidMax ?? '?'), s.pidMaxSeenFrom === 'host'),
      fix: [pidsLimitFix(f, t)],
    });
  } else if (pids.used !== null && pids.used >= pids.limit * 0.8) {
    findings.push({ id: 'pids-near-limit', category: 'pids', message: t.pidsNear(pids.used, pids.limit), fix: [t.pidsNearFix, pidsLimitFix(f, t)] });
  }
  if (pids.refusedForks !== null && pids.refusedForks > 0) {
    findings.push({ id: 'refused-forks', category: 'pids', message: t.refused(pids.refusedForks), fix: [t.refusedFix] });
  }
  const zombies = { count: s.zombies, lasting: lasting.length, parents };
  return { identity, cmdline: s.pid1.cmdline, signals, stop, zombies, pids, growth, reaping, findings, verdict: verdictLine(identity, stop, zombies.count, findings, t) };
}

export function verdictLine(id: Pid1Identity, stop: StopPrediction, zombies: number, findings: Finding[], t: InspectText = inspectWords('en')): string {
  const kind = id.kind === 'init' ? 'init' : id.kind === 'shell' ? 'shell' : 'app';
  const sig = !stop.certain ? t.sigCannotTell(stop.signal) : stop.endsOnSignal ? t.sigEnds(stop.signal) : t.sigDropped(stop.signal, stop.timeoutS);
  return t.verdict(findings.length, kind, id.program, sig, zombies);
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
