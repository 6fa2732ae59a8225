/**
 * What a shell that stayed PID 1 (or stands between an init and the app) does with the stop
 * signal, from its script: passes it on (a trap that kills the child while the script sits in
 * `wait`, which the trapped signal interrupts), or keeps it (no trap: dropped as PID 1, the
 * default action elsewhere; a trap while a foreground command runs: deferred until it ends).
 *
 * A small reading of the commonest pattern only, until the shell analysis of core/shell takes
 * its place; where it cannot tell, it says "unknown" and inspect says so. Pure.
 */

export type ScriptStop =
  /** trap on the signal that kills (or signals) the child, and the script sits in `wait`. */
  | { kind: 'forwards'; exit: number | null; why: string }
  /** Nothing passes the signal on. */
  | { kind: 'keeps'; why: string }
  | { kind: 'unknown'; why: string };

const SIGNAL_NUMBERS: Record<string, number> = { HUP: 1, INT: 2, QUIT: 3, USR1: 10, USR2: 12, TERM: 15 };

/** Commands of the script, comments and blank lines dropped, one per line or `;` (quotes are not parsed: a rough cut). */
function commands(text: string): string[] {
  return text
    .split('\n')
    .map((l) => (/^\s*#/.test(l) ? '' : l.trim()))
    .flatMap((l) => l.split(/;(?=(?:[^'"]|'[^']*'|"[^"]*")*$)/))
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The signals a `trap 'action' SIG…` line sets, with its action; null when the line is not a trap with an action. */
function trapOf(cmd: string): { action: string; signals: string[] } | null {
  const m = /^trap\s+(?:'([^']*)'|"([^"]*)"|(\S+))\s+(.+)$/.exec(cmd);
  if (!m) return null;
  const action = m[1] ?? m[2] ?? m[3] ?? '';
  const signals = (m[4] ?? '').split(/\s+/).map((s) => s.toUpperCase().replace(/^SIG/, ''));
  return { action, signals };
}

export function scriptStop(text: string, signal: string): ScriptStop {
  const name = signal.toUpperCase().replace(/^SIG/, '');
  const number = SIGNAL_NUMBERS[name];
  const cmds = commands(text);
  if (cmds.length === 0) return { kind: 'unknown', why: 'the script is empty' };
  const trap = cmds.map(trapOf).find((t) => t && t.signals.some((s) => s === name || (number !== undefined && s === String(number))));
  if (!trap || trap.action === '' || trap.action === '-') return { kind: 'keeps', why: `no trap on ${signal}: the shell does not pass it on` };
  const forwards = /\bkill\b/.test(trap.action);
  const background = cmds.some((c) => /[^&]&$/.test(c) || /[^&]&\s+\S/.test(c));
  const waitAt = cmds.findIndex((c) => /^wait(\s|$)/.test(c));
  if (!forwards) return { kind: 'keeps', why: `the trap on ${signal} does not kill or signal the app` };
  if (!background || waitAt < 0) return { kind: 'keeps', why: `the trap on ${signal} runs only after the foreground command ends, and that command never gets the signal` };
  // wait returns 128+n when the trapped signal interrupts it; that is the script's exit when wait is its last command.
  const last = waitAt === cmds.length - 1;
  return {
    kind: 'forwards',
    exit: last && number !== undefined ? 128 + number : null,
    why: `trap on ${signal} kills the child, and \`wait\` returns as soon as the signal comes${last ? `: the script ends with wait's ${number !== undefined ? 128 + number : '128+n'}` : ''}`,
  };
}
