/**
 * What a shell that stayed PID 1 (or stands between an init and the app) does with the stop
 * signal, from its script as core/shell reads it (a real parser; tails through functions,
 * `case`, `if`): passes it on (a trap on TERM or INT that kills, and the run ends in `wait`,
 * which the trapped signal interrupts), or keeps it (no such trap: dropped as PID 1, the default
 * action elsewhere; a trap while a foreground command runs: deferred until it ends). Pure.
 */
import { scriptVerdict } from '../shell/script-verdict.js';
import { inspectWords, type InspectText } from './inspect-text.js';

export type ScriptStop =
  /** trap on the signal that kills the child, and the script ends in `wait`: the script's exit is wait's 128+n. */
  | { kind: 'forwards'; exit: number | null; why: string }
  /** Nothing passes the signal on. */
  | { kind: 'keeps'; why: string }
  | { kind: 'unknown'; why: string };

/** The signals core/shell's trap reading covers (a trap on TERM or INT that kills or exits). */
const FORWARDED: Record<string, number> = { SIGTERM: 15, SIGINT: 2 };

export function scriptStop(text: string, signal: string, t: InspectText = inspectWords('en')): ScriptStop {
  if (!text.trim()) return { kind: 'unknown', why: t.script.empty };
  let v;
  try {
    v = scriptVerdict(text);
  } catch (err) {
    return { kind: 'unknown', why: t.script.unparsed(err instanceof Error ? err.message : String(err)) };
  }
  if (v.unknown) return { kind: 'unknown', why: t.script.decides(v.unknown) };
  const n = FORWARDED[signal];
  if (v.forwards && n !== undefined) {
    return { kind: 'forwards', exit: 128 + n, why: t.script.forwards(signal, 128 + n) };
  }
  if (v.forwards) return { kind: 'keeps', why: t.script.otherSignal(signal) };
  const p = v.problems[0];
  if (p) return { kind: 'keeps', why: t.script.line(p.line, p.text, signal) };
  return { kind: 'keeps', why: t.script.noTrap(signal) };
}
