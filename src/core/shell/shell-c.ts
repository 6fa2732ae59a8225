/**
 * What `SHELL -c 'SCRIPT'` (and Docker's shell form, `/bin/sh -c "…"`) leaves as PID 1, from the
 * script's syntax tree and the shell's measured behaviour (tails.ts). `real-shells.test.ts` runs
 * every case of `shell-c.test.ts` through Debian's dash, bash and BusyBox and compares. Pure.
 */
import { SHELL_LABEL, type ShellKind } from './shell-kind.js';
import { parseShell, type Command, type ParsedShell } from './syntax.js';
import { tailsOf, type ChildWhy, type Tail } from './tails.js';

export interface ShellCVerdict {
  /** The shell stays PID 1 and the command runs as its child. */
  stays: boolean;
  /** What becomes PID 1 when the shell execs (its basename; `$@` or `$CMD` when it is an expansion). */
  program: string | null;
  /** The words of the exec'd command, as the program receives them (expansions as written). */
  words: string[];
  /** Why, in a few words, for a finding's text. */
  why: string;
  /** The command the shell waits for, to put `exec` before; null when `exec` cannot help (a pipeline, a loop). */
  app: Command | null;
  /** Why the shell stays, when it does. */
  cause: ChildWhy | null;
  /** Nothing in the script runs for long (empty, or builtins only). */
  endsAtOnce: boolean;
  parsed: ParsedShell;
}

const WHY: Record<ChildWhy, (shell: ShellKind) => string> = {
  command: (s) => (s === 'dash' ? `${SHELL_LABEL.dash} never execs the command of -c` : 'the command is not the last one'),
  pipeline: () => 'no shell execs a pipeline',
  background: () => 'a background job keeps the shell',
  loop: () => 'a loop keeps the shell',
  function: () => 'a function keeps the shell',
  compound: (s) => `${SHELL_LABEL[s]} does not exec inside if, case or braces`,
  redirect: (s) => `${SHELL_LABEL[s]} does not exec a command with a redirection`,
  trap: () => 'a trap with a command keeps the shell to run it',
  dash: () => `${SHELL_LABEL.dash} never execs the command of -c`,
  wait: () => '`wait` keeps the shell',
  keepalive: (s) => (s === 'dash' ? `${SHELL_LABEL.dash} never execs the command of -c` : 'the command is not the last one'),
  negated: () => '`!` keeps the shell to invert the status',
};

function verdictOf(tails: Tail[], shell: ShellKind, parsed: ParsedShell): ShellCVerdict {
  const child = tails.find((t): t is Extract<Tail, { kind: 'child' }> => t.kind === 'child');
  const exec = tails.find((t): t is Extract<Tail, { kind: 'exec' }> => t.kind === 'exec');
  if (child) return { stays: true, program: null, words: [], why: WHY[child.why](shell), cause: child.why, app: child.app, endsAtOnce: false, parsed };
  if (exec) {
    const wrote = exec.node.name?.value === 'exec';
    return { stays: false, program: exec.program, words: exec.words, why: wrote ? `exec: ${exec.program} replaces the shell` : `${SHELL_LABEL[shell]} execs the last simple command (${exec.program}), which becomes PID 1`, cause: null, app: null, endsAtOnce: false, parsed };
  }
  return { stays: false, program: null, words: [], why: 'the script runs nothing that lasts', cause: null, app: null, endsAtOnce: true, parsed };
}

export function pid1OfShellC(shell: ShellKind, script: string): ShellCVerdict {
  const parsed = parseShell(script);
  return verdictOf(tailsOf(parsed, { implicit: shell === 'dash' ? 'none' : shell }), shell, parsed);
}

/**
 * The script with `exec` put before the command the shell waits for, or null when that cannot
 * keep the behaviour (a pipeline, a loop, a trap that must still run, a keep-alive like `sleep`).
 */
export function withExec(v: ShellCVerdict): string | null {
  const app = v.app;
  // exec would skip a trap's command, and cannot replace a shell with a pipeline, a loop or a keep-alive.
  if (!app?.name || (v.cause !== 'command' && v.cause !== 'compound' && v.cause !== 'redirect')) return null;
  const src = v.parsed.source;
  return `${src.slice(0, app.name.pos)}exec ${src.slice(app.name.pos)}`;
}
