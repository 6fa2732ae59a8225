/**
 * How PID 1 treats a stop signal, from the SigCgt/SigIgn/SigBlk masks of /proc/1/status and
 * what PID 1 is. The kernel gives a namespace's PID 1 only the signals it has a handler for
 * (or blocks and waits for): with the default action, SIGTERM from `docker stop` is dropped.
 * Pure.
 */
import type { SignalMasks } from '../signal-mask.js';
import type { Pid1Identity } from './pid1-kind.js';
import { dispositionOf, signalNumber, type Disposition, type StopOutcome } from './stop-chain.js';
import { inspectWords, type InspectText } from './inspect-text.js';

export { dispositionOf, type Disposition };


/** What that means for PID 1 when `docker stop` sends it. */
export type Effect =
  /** PID 1 acts on it (its own handler, or an init that forwards it to the app). */
  | 'handled'
  /** The kernel drops it, or PID 1 ignores it: only SIGKILL ends the container. */
  | 'dropped'
  /** A shell's own handler: the shell acts only once its running command ends. */
  | 'deferred';

export interface SignalVerdict {
  signal: string;
  disposition: Disposition;
  effect: Effect;
  /** How this verdict was reached, in a sentence (the masks, or a known exception). */
  judgedBy: string;
  /** The signal's default action ends the process: it is not its namespace's PID 1 (see judgeSignal). */
  diesOfIt?: true;
}

/** How each kind of PID 1 is judged; shown by `inspect` next to the verdict and in docs/inspect.md. */
export const JUDGED_BY = inspectWords('en').judgedBy;

/**
 * `notPid1`: the process is a container's main process but not its namespace's PID 1 (a pod's
 * shared PID namespace): the kernel's shield for PID 1 does not cover it, so the default action
 * kills it; everything else is judged as for PID 1.
 */
export function judgeSignal(id: Pid1Identity, masks: SignalMasks | null, signal: string, t: InspectText = inspectWords('en'), notPid1 = false): SignalVerdict {
  const JUDGED_BY = t.judgedBy;
  const disp = masks ? dispositionOf(masks, signal) : 'default';
  if (notPid1 && masks && disp === 'default' && id.kind !== 'shell' && !id.init) return { signal, disposition: disp, effect: 'handled', judgedBy: JUDGED_BY.notPid1, diesOfIt: true };
  if (id.init === 'systemd' && signal === 'SIGTERM') return { signal, disposition: disp, effect: 'dropped', judgedBy: JUDGED_BY.systemdTerm };
  if (id.init === 'systemd' && signalNumber(signal) === 37) return { signal, disposition: disp, effect: 'handled', judgedBy: JUDGED_BY.systemdHalt };
  if (id.init === 'busybox-init' && ['SIGTERM', 'SIGUSR1', 'SIGUSR2'].includes(signal)) return { signal, disposition: disp, effect: 'handled', judgedBy: JUDGED_BY.busyboxInit };
  if (id.init === 'tini' || id.init === 'docker-init') {
    return { signal, disposition: masks ? dispositionOf(masks, signal) : 'default', effect: 'handled', judgedBy: JUDGED_BY.sigtimedwait };
  }
  if (!masks) return { signal, disposition: 'default', effect: 'dropped', judgedBy: JUDGED_BY.noMasks };
  const disposition = dispositionOf(masks, signal);
  if (id.init === 'dumb-init' && disposition === 'caught') return { signal, disposition, effect: 'handled', judgedBy: JUDGED_BY.dumbInit };
  if (id.init === 'pause' && disposition === 'caught') return { signal, disposition, effect: 'handled', judgedBy: JUDGED_BY.pause };
  if (id.kind === 'shell' && disposition !== 'ignored') {
    return { signal, disposition, effect: disposition === 'caught' ? 'deferred' : 'dropped', judgedBy: disposition === 'caught' ? JUDGED_BY.shell : JUDGED_BY.default };
  }
  switch (disposition) {
    case 'caught':
      return { signal, disposition, effect: 'handled', judgedBy: JUDGED_BY.caught };
    case 'ignored':
      return { signal, disposition, effect: 'dropped', judgedBy: JUDGED_BY.ignored };
    case 'blocked':
      return { signal, disposition, effect: 'handled', judgedBy: id.kind === 'init' ? JUDGED_BY.signalfd : JUDGED_BY.blocked };
    default:
      return { signal, disposition, effect: 'dropped', judgedBy: JUDGED_BY.default };
  }
}

/** Docker's names: "15", "TERM", "SIGTERM" and "sigterm" all mean SIGTERM; "37", "RTMIN+3" mean SIGRTMIN+3. */
export function normalizeSignalName(raw: string | null | undefined): string {
  const v = (raw ?? '').trim().toUpperCase();
  if (!v) return 'SIGTERM';
  const byNumber: Record<string, string> = { '1': 'SIGHUP', '2': 'SIGINT', '3': 'SIGQUIT', '9': 'SIGKILL', '10': 'SIGUSR1', '12': 'SIGUSR2', '15': 'SIGTERM' };
  if (byNumber[v]) return byNumber[v];
  const n = Number(v);
  if (Number.isInteger(n) && n >= 34 && n <= 64) return n === 34 ? 'SIGRTMIN' : `SIGRTMIN+${n - 34}`;
  return v.startsWith('SIG') ? v : `SIG${v}`;
}

export interface StopPrediction {
  signal: string;
  timeoutS: number;
  /** True: the container ends on the stop signal; false: the engine will SIGKILL after the timeout. */
  endsOnSignal: boolean;
  /** Exit code docker stop will most likely leave: 137 after SIGKILL; null when it is the app's to choose. */
  expectedExit: number | null;
  /** The app at the end of the chain gets the signal itself (false: it is SIGKILLed without one); null: cannot tell. */
  appGetsSignal: boolean | null;
  /** Programs from PID 1 down to the app, as far as they were judged. */
  chain: string[];
  /** False where what decides could not be read (then endsOnSignal is false and expectedExit null, and nothing is a finding). */
  certain: boolean;
  text: string;
}

export function predictStop(verdict: SignalVerdict, timeoutS: number, t: InspectText = inspectWords('en')): StopPrediction {
  const { signal } = verdict;
  const base = { signal, timeoutS, appGetsSignal: null, chain: [], certain: true };
  if (signal === 'SIGKILL') return { ...base, endsOnSignal: true, expectedExit: 137, appGetsSignal: false, text: t.killStop };
  if (verdict.diesOfIt) {
    const code = 128 + (signalNumber(signal) ?? 15);
    return { ...base, endsOnSignal: true, expectedExit: code, appGetsSignal: true, text: t.diesOfSignal(signal, code, timeoutS) };
  }
  if (verdict.effect === 'handled') {
    return { ...base, endsOnSignal: true, expectedExit: null, text: t.endsOnSignal(signal, timeoutS) };
  }
  const why = verdict.effect === 'deferred' ? t.shellDefers : verdict.disposition === 'ignored' ? t.pid1Ignores(signal) : t.pid1NoHandler(signal);
  return { ...base, endsOnSignal: false, expectedExit: 137, text: t.willWait(timeoutS, why) };
}

/** The chain's outcome (stop-chain.ts) as docker stop's prediction. */
export function predictFromChain(o: StopOutcome, signal: string, timeoutS: number, t: InspectText = inspectWords('en')): StopPrediction {
  const exit = o.expectedExit === null ? t.exitApps : t.exitCode(o.expectedExit);
  if (o.uncertain) {
    const text = t.cannotTell(signal, timeoutS, o.why);
    return { signal, timeoutS, endsOnSignal: false, expectedExit: null, appGetsSignal: null, chain: o.chain, certain: false, text };
  }
  const text = o.endsOnSignal ? t.endsBefore(signal, exit, timeoutS, o.why) : t.willWait(timeoutS, o.why);
  return { signal, timeoutS, endsOnSignal: o.endsOnSignal, expectedExit: o.endsOnSignal ? o.expectedExit : 137, appGetsSignal: o.appGetsSignal, chain: o.chain, certain: true, text };
}
