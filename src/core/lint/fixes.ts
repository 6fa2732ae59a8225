/**
 * Fixes lint can write out and that keep what the command does: an exec-form array only where
 * every word is literal (no variable, glob, redirection or `&&` that needs a shell), else `exec`
 * inside the shell, else an init that signals the whole process group. Pure.
 */
import { withExec, type ShellCVerdict } from '../shell/shell-c.js';
import { argWords, hasRedirects, literalValue, parseShell } from '../shell/syntax.js';
import { lintWords, type LintText } from './lint-text.js';

/** `nginx -g "daemon off;"` → ["nginx", "-g", "daemon off;"]; null when the command needs a shell. */
export function execFormOf(command: string): string[] | null {
  const p = parseShell(command);
  const stmts = p.script.commands;
  if (p.errors.length > 0 || stmts.length !== 1) return null;
  const st = stmts[0]!;
  const c = st.command;
  if (st.background || c.type !== 'Command' || !c.name || c.prefix.length > 0 || hasRedirects(c)) return null;
  if (c.suffix.some((s) => s.type !== 'Word')) return null;
  const words = [c.name, ...argWords(c)].map(literalValue);
  if (words.some((w) => w === null)) return null;
  // exec is the shell's: `exec app` in exec form is just app.
  const out = words as string[];
  return out[0] === 'exec' ? out.slice(1) : out;
}

export const jsonArray = (words: readonly string[]) => `[${words.map((w) => JSON.stringify(w)).join(', ')}]`;

/** The init fix for what `exec` cannot mend (pipelines, loops, traps): one that signals the whole group. */
export const GROUP_INIT_FIX = lintWords('en').groupInitFix;

/** A shell-form instruction's fix: exec form where the words are literal, else `exec` in the shell, else an init. */
export function shellFormFix(keyword: string, command: string, verdict: ShellCVerdict, t: LintText = lintWords('en')): { text: string; replacement: string | null } {
  const form = execFormOf(command);
  if (form) return { text: t.fixExecForm(`${keyword} ${jsonArray(form)}`), replacement: `${keyword} ${jsonArray(form)}` };
  const exec = withExec(verdict);
  if (exec !== null) return { text: t.fixWithExec(`${keyword} ${exec}`), replacement: `${keyword} ${exec}` };
  return { text: t.groupInitFix, replacement: null };
}
