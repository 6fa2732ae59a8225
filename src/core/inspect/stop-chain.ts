/**
 * What `docker stop` does to the whole chain from PID 1 down to the app, not to PID 1 alone:
 * an init that forwards the signal hands it to its child, and when that child is a shell that
 * did not exec (docker-init → sh → app) the shell dies of it, the init exits with it and the
 * kernel SIGKILLs the app, which never saw the signal. Inits that supervise services each have
 * their own way with it (runsvdir exits at once, supervisord stops its programs first, systemd
 * re-executes itself on SIGTERM and stops on SIGRTMIN+3). Measured on Debian 12's packages
 * (src/cli/inspect-inits.integration.test.ts). Pure.
 */
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
function supervisorOutcome(init: InitId, signal: string, chain: string[]): StopOutcome | null {
  const n = signalNumber(signal);
  switch (init) {
    case 'runsvdir':
      if (signal === 'SIGTERM') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: false, chain, why: 'runsvdir exits at once on SIGTERM (exit 0) without stopping its services: the kernel SIGKILLs them (STOPSIGNAL SIGHUP makes it stop each service first)' };
      if (signal === 'SIGHUP') return { endsOnSignal: true, expectedExit: 111, appGetsSignal: true, chain, why: 'runsvdir sends SIGTERM to each runsv on SIGHUP, which stops its service, and exits 111' };
      return null;
    case 'supervisord':
      if (signal === 'SIGTERM' || signal === 'SIGINT' || signal === 'SIGQUIT') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: true, chain, why: `supervisord stops each program (SIGTERM, then SIGKILL after its stopwaitsecs) and exits 0 on ${signal}` };
      return null;
    case 'systemd':
      if (n === 37) return { endsOnSignal: true, expectedExit: null, appGetsSignal: true, chain, why: 'systemd halts on SIGRTMIN+3: it stops its units and exits' };
      if (signal === 'SIGTERM') return { endsOnSignal: false, expectedExit: 137, appGetsSignal: false, chain, why: 'systemd re-executes itself on SIGTERM and goes on running; it stops on SIGRTMIN+3' };
      return null;
    case 's6-svscan':
      if (signal === 'SIGTERM') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: true, chain, why: 's6-svscan has each s6-supervise bring its service down (SIGTERM), then exits 0' };
      return null;
    case 'busybox-init':
      if (signal === 'SIGTERM' || signal === 'SIGUSR1' || signal === 'SIGUSR2') return { endsOnSignal: true, expectedExit: 0, appGetsSignal: true, chain, why: `BusyBox's init sends SIGTERM to every process, SIGKILL a second later, and ends (exit 0)` };
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
export function scriptVerdictOf(p: { script?: ScriptText | undefined }, signal: string): ScriptStop {
  const s = p.script;
  if (!s) return { kind: 'unknown', why: 'it runs no script inspect could name' };
  if (s.text === null) return { kind: 'unknown', why: `its script ${s.path} could not be read (${s.unreadable ?? 'unreadable'})` };
  return scriptStop(s.text, signal);
}

/** A process that is not PID 1 and gets the signal: what becomes of it and of the app under it. */
function receive(p: ProcInfo, procs: readonly ProcInfo[], signal: string, n: number, group: boolean, chain: string[]): StopOutcome {
  const kids = liveChildren(procs, p.pid);
  const program = programOf(p);
  const d = p.masks ? dispositionOf(p.masks, signal) : null;
  const unseen = p.masks ? '' : ' (its signal masks are not visible from here: judged as the default action)';
  if (isShellProgram(program) && kids.length > 0) {
    const child = kids[0] as ProcInfo;
    const below = [...chain, program];
    const appChain = [...below, programOf(child)];
    const v = scriptVerdictOf(p, signal);
    if (v.kind === 'forwards') {
      const app = receive(child, procs, signal, n, false, below);
      return { ...app, endsOnSignal: true, expectedExit: v.exit ?? app.expectedExit, chain: app.chain, why: `${program} passes ${signal} on (${v.why})` };
    }
    if (v.kind === 'unknown' && d === 'caught' && trapOnly(signal)) return { endsOnSignal: false, expectedExit: null, appGetsSignal: null, chain: appChain, uncertain: true, why: `${program} did not exec and has a trap on ${signal}, and ${v.why}: whether the trap passes it on cannot be told` };
    if ((d ?? 'default') === 'default') {
      if (group) return { ...receive(child, procs, signal, n, true, below), why: `${program} dies of ${signal}; the app, in the same process group, gets it too` };
      return { endsOnSignal: true, expectedExit: 128 + n, appGetsSignal: false, chain: appChain, why: `${program} did not exec: it dies of ${signal}${unseen}, and the app under it never gets the signal: it is SIGKILLed when PID 1 exits` };
    }
    return { endsOnSignal: false, expectedExit: 137, appGetsSignal: false, chain: appChain, why: `${program} did not exec, and its ${d === 'caught' ? 'trap runs only after its command ends' : `${signal} is ignored`}: nothing stops the app until the SIGKILL` };
  }
  const here = [...chain, program];
  switch (d ?? 'default') {
    case 'caught':
    case 'blocked':
      return { endsOnSignal: true, expectedExit: null, appGetsSignal: true, chain: here, why: `${program} has a handler for ${signal}: the exit code is its own` };
    case 'ignored':
      return { endsOnSignal: false, expectedExit: 137, appGetsSignal: true, chain: here, why: `${program} ignores ${signal}: only the SIGKILL at the timeout ends it` };
    default:
      return { endsOnSignal: true, expectedExit: 128 + n, appGetsSignal: true, chain: here, why: `${program} has no handler for ${signal} and is not PID 1: it dies of it (${128 + n})${unseen}` };
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
  if (id.init) {
    const sup = supervisorOutcome(id.init, signal, [pid1, ...descend(procs, 1)]);
    if (sup) return sup;
    const how = FORWARDS_TO[id.init];
    const child = kids[0];
    if (!how || !child) return null;
    const r = receive(child, procs, signal, n, how === 'group', [pid1]);
    // The init exits with its child's status (128+n when the signal killed it), or waits with it.
    return { ...r, why: `${pid1} forwards ${signal} to ${how === 'group' ? "its child's process group" : 'its child'}; ${r.why}` };
  }
  if (id.kind === 'shell') {
    const v = scriptVerdictOf({ script: input.pid1Script }, signal);
    const d = input.pid1Masks ? dispositionOf(input.pid1Masks, signal) : 'default';
    const child = kids[0];
    if (v.kind === 'forwards' && d === 'caught' && child) {
      const r = receive(child, procs, signal, n, false, [pid1]);
      return { ...r, endsOnSignal: true, expectedExit: v.exit ?? r.expectedExit, why: `${pid1} passes ${signal} on: ${v.why}` };
    }
    const chain = child ? [pid1, programOf(child)] : [pid1];
    // A trap is set but the script cannot be read: it may pass the signal on (trap + wait) or not.
    if (v.kind === 'unknown' && d === 'caught' && trapOnly(signal)) return { endsOnSignal: false, expectedExit: null, appGetsSignal: null, chain, uncertain: true, why: `${pid1} is PID 1 with a trap on ${signal}, and ${v.why}: whether the trap passes it on cannot be told` };
    const why = v.kind === 'unknown' ? `${v.why}; with no trap on ${signal}, the kernel drops it` : v.why;
    return { endsOnSignal: false, expectedExit: 137, appGetsSignal: false, chain, why: `${pid1} is PID 1 and did not exec: ${why}` };
  }
  return null;
}
