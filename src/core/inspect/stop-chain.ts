/**
 * What `docker stop` does to the whole chain from PID 1 down to the app, not to PID 1 alone:
 * an init that forwards the signal hands it to its child, and when that child is a shell that
 * did not exec (docker-init → sh → app) the shell dies of it, the init exits with it and the
 * kernel SIGKILLs the app, which never saw the signal. Inits that supervise services each have
 * their own way with it (runsvdir exits at once, supervisord stops its programs first, systemd
 * re-executes itself on SIGTERM and stops on SIGRTMIN+3). Measured on Debian 12's packages
 * (src/cli/inspect-inits.integration.test.ts). Pure.
 */
import type { Lang } from '../slides/types.js';
import { inspectWords, type InspectText } from './inspect-text.js';
import { decodeSignalMask, type SignalMasks } from '../signal-mask.js';
import { isShellProgram, type InitId, type Pid1Identity } from './pid1-kind.js';
import { scriptStop, type ScriptStop } from './script-stop.js';
import type { ProcInfo, ScriptText } from './snapshot.js';

const STANDARD: Record<string, number> = {
  SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11,
  SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGSTKFLT: 16, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20,
  SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24, SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPWR: 30, SIGSYS: 31,
};

/** The signal's number as Docker and glibc count it (SIGRTMIN is 34: glibc keeps 32 and 33); null when unknown. */
export function signalNumber(name: string): number | null {
  const n = STANDARD[name];
  if (n !== undefined) return n;
  const rt = /^SIGRT(MIN|MAX)([+-]\d+)?$/.exec(name);
  if (rt) return (rt[1] === 'MIN' ? 34 : 64) + Number(rt[2] ?? 0);
  const raw = /^SIGRT(\d+)$/.exec(name); // the masks' own naming: SIGRT<n> is signal 32+n
  return raw ? 32 + Number(raw[1]) : null;
}

/** The name the decoded masks (core/signal-mask.ts) give a signal. */
export function maskName(name: string): string {
  const n = signalNumber(name);
  return n === null ? name : (decodeSignalMask((1n << BigInt(n - 1)).toString(16))[0] ?? name);
}

export type Disposition = 'caught' | 'ignored' | 'blocked' | 'default';

export function dispositionOf(masks: SignalMasks, signal: string): Disposition {
  const m = maskName(signal);
  if (masks.caught.includes(m)) return 'caught';
  if (masks.ignored.includes(m)) return 'ignored';
  if (masks.blocked.includes(m)) return 'blocked';
  return 'default';
}

export interface StopOutcome {
  /** The container ends on the signal, without docker stop's SIGKILL at the timeout. */
  endsOnSignal: boolean;
  /** The exit code docker stop leaves, where it can be told (137: SIGKILL at the timeout); null: the app's to choose. */
  expectedExit: number | null;
  /** The app at the end of the chain gets the stop signal itself; false: it is SIGKILLed without one; null: cannot tell. */
  appGetsSignal: boolean | null;
  /** Programs from PID 1 down to the app. */
  chain: string[];
  /** Why, in a sentence. */
  why: string;
  /** What decides could not be read (a shell's trap is set, its script is not readable from here). */
  uncertain?: true;
}

/** How an init passes a stop signal on: to its one child, to the child's process group, or its own way. */
const FORWARDS_TO: Partial<Record<InitId, 'child' | 'group'>> = {
  tini: 'child',
  'docker-init': 'child',
  catatonit: 'child',
  // dumb-init starts its child in a session of its own and signals that whole group.
  'dumb-init': 'group',
};

/** Supervising inits: what each does on a stop signal, as measured (Debian 12). */
function supervisorOutcome(init: InitId, signal: string, chain: string[], t: InspectText): StopOutcome | null {
  const n = signalNumber(signal);
  switch (init) {
    case 'runsvdir':
      if (signal === 'SIGTERM') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: false, chain, why: t.chain.runsvdirTerm };
      if (signal === 'SIGHUP') return { endsOnSignal: true, expectedExit: 111, appGetsSignal: true, chain, why: t.chain.runsvdirHup };
      return null;
    case 'supervisord':
      if (signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGQUIT') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: true, chain, why: t.chain.supervisord(signal) };
      return null;
    case 'systemd':
      if (n === 37) return { endsOnSignal: true, expectedExit: null, appGetsSignal: true, chain, why: t.chain.systemdHalt };
      if (signal === 'SIGTERM') return { endsOnSignal: false, expectedExit: 137, appGetsSignal: false, chain, why: t.chain.systemdTerm };
      return null;
    case 's6-svscan':
      if (signal === 'SIGTERM') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: true, chain, why: t.chain.s6 };
      return null;
    case 'busybox-init':
      if (signal === 'SIGTERM' || signal === 'SIGUSR1' || signal === 'SIGUSR2') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: true, chain, why: t.chain.busybox };
      return null;
    default:
      return null;
  }
}

function liveChildren(procs: readonly ProcInfo[], pid: number): ProcInfo[] {
  return procs.filter((p) => p.ppid === pid && p.state !== 'Z' && p.pid !== pid).sort((a, b) => a.pid - b.pid);
}

/** The first live child, its first live child, …: the way from a supervisor down to its (first) service. */
function descend(procs: readonly ProcInfo[], pid: number): string[] {
  const out: string[] = [];
  for (let at = pid, depth = 0; depth < 6; depth++) {
    const next = liveChildren(procs, at)[0];
    if (!next) break;
    out.push(programOf(next));
    at = next.pid;
  }
  return out;
}

const programOf = (p: ProcInfo): string => {
  const a0 = p.cmdline?.[0];
  return a0 ? a0.slice(a0.lastIndexOf('/') + 1) : p.comm;
};

/** A shell catches SIGINT (and SIGCHLD) by itself; any other signal in its SigCgt is a `trap`. */
const trapOnly = (signal: string): boolean => signal !== 'SIGINT' && signal !== 'SIGCHLD';

/** A shell's script verdict: its file or -c string, where it was read. */
export function scriptVerdictOf(p: { script?: ScriptText | undefined }, signal: string, t: InspectText = inspectWords('en')): ScriptStop {
  const s = p.script;
  if (!s) return { kind: 'unknown', why: t.chain.noScript };
  if (s.text === null) return { kind: 'unknown', why: t.chain.unreadable(s.path, s.unreadable ?? 'unreadable') };
  return scriptStop(s.text, signal, t);
}

/** A process that is not PID 1 and gets the signal: what becomes of it and of the app under it. */
function receive(p: ProcInfo, procs: readonly ProcInfo[], signal: string, n: number, group: boolean, chain: string[], t: InspectText): StopOutcome {
  const kids = liveChildren(procs, p.pid);
  const program = programOf(p);
  const d = p.masks ? dispositionOf(p.masks, signal) : null;
  const unseen = p.masks ? '' : t.chain.unseen;
  if (isShellProgram(program) && kids.length > 0) {
    const child = kids[0] as ProcInfo;
    const below = [...chain, program];
    const appChain = [...below, programOf(child)];
    const v = scriptVerdictOf(p, signal, t);
    if (v.kind === 'forwards') {
      const app = receive(child, procs, signal, n, false, below, t);
      return { ...app, endsOnSignal: true, expectedExit: v.exit ?? app.expectedExit, chain: app.chain, why: t.chain.passesOn(program, signal, v.why) };
    }
    if (v.kind === 'unknown' && d === 'caught' && trapOnly(signal)) return { endsOnSignal: false, expectedExit: null, appGetsSignal: null, chain: appChain, uncertain: true, why: t.chain.trapUnknown(program, signal, v.why) };
    if ((d ?? 'default') === 'default') {
      if (group) return { ...receive(child, procs, signal, n, true, below, t), why: t.chain.groupDies(program, signal) };
      return { endsOnSignal: true, expectedExit: 128 + n, appGetsSignal: false, chain: appChain, why: t.chain.diesAppNot(program, signal, unseen) };
    }
    return { endsOnSignal: false, expectedExit: 137, appGetsSignal: false, chain: appChain, why: t.chain.keeps(program, d === 'caught', signal) };
  }
  const here = [...chain, program];
  switch (d ?? 'default') {
    case 'caught':
    case 'blocked':
      return { endsOnSignal: true, expectedExit: null, appGetsSignal: true, chain: here, why: t.chain.handler(program, signal) };
    case 'ignored':
      return { endsOnSignal: false, expectedExit: 137, appGetsSignal: true, chain: here, why: t.chain.ignores(program, signal) };
    default:
      return { endsOnSignal: true, expectedExit: 128 + n, appGetsSignal: true, chain: here, why: t.chain.dies(program, signal, 128 + n, unseen) };
  }
}

export interface ChainInput {
  identity: Pid1Identity;
  /** The namespace's processes, PID 1 among them, with cmdline/masks/script where they were read. */
  procs: readonly ProcInfo[];
  pid1Masks: SignalMasks | null;
  /** PID 1's script (its file, or the `-c` string of a shell-form CMD). */
  pid1Script?: ScriptText | undefined;
  signal: string;
  /** The language of the `why` (English when not given). */
  lang?: Lang;
}

/**
 * The chain's outcome, or null where PID 1's own verdict (signal-verdict.ts) says all there is:
 * an app as PID 1, an init this module does not know the ways of.
 */
export function stopChain(input: ChainInput): StopOutcome | null {
  const { identity: id, procs, signal } = input;
  const n = signalNumber(signal);
  if (n === null || signal === 'SIGKILL') return null;
  const kids = liveChildren(procs, 1);
  const pid1 = id.program;
  const t = inspectWords(input.lang);
  if (id.init) {
    const sup = supervisorOutcome(id.init, signal, [pid1, ...descend(procs, 1)], t);
    if (sup) return sup;
    const how = FORWARDS_TO[id.init];
    const child = kids[0];
    if (!how || !child) return null;
    const r = receive(child, procs, signal, n, how === 'group', [pid1], t);
    // The init exits with its child's status (128+n when the signal killed it), or waits with it.
    return { ...r, why: t.chain.forwards(pid1, signal, how === 'group', r.why) };
  }
  if (id.kind === 'shell') {
    const v = scriptVerdictOf({ script: input.pid1Script }, signal, t);
    const d = input.pid1Masks ? dispositionOf(input.pid1Masks, signal) : 'default';
    const child = kids[0];
    if (v.kind === 'forwards' && d === 'caught' && child) {
      const r = receive(child, procs, signal, n, false, [pid1], t);
      return { ...r, endsOnSignal: true, expectedExit: v.exit ?? r.expectedExit, why: t.chain.pid1PassesOn(pid1, signal, v.why) };
    }
    const chain = child ? [pid1, programOf(child)] : [pid1];
    // A trap is set but the script cannot be read: it may pass the signal on (trap + wait) or not.
    if (v.kind === 'unknown' && d === 'caught' && trapOnly(signal)) return { endsOnSignal: false, expectedExit: null, appGetsSignal: null, chain, uncertain: true, why: t.chain.pid1TrapUnknown(pid1, signal, v.why) };
    const why = v.kind === 'unknown' ? t.chain.noTrapDrops(v.why, signal) : v.why;
    return { endsOnSignal: false, expectedExit: 137, appGetsSignal: false, chain, why: t.chain.pid1NoExec(pid1, why) };
  }
  return null;
}
