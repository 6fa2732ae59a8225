/**
 * An entrypoint script judged as PID 1: where its run ends (tails.ts, no shell execs a script's
 * last command by itself), which ends leave the shell as PID 1 waiting for the app (the problem),
 * and the one-line change that fixes each. A `trap … TERM` + `wait` script forwards SIGTERM and
 * is no problem. Pure.
 */
import { parseShell, type ParsedShell } from './syntax.js';
import { tailsOf, type ChildWhy, type Tail } from './tails.js';

export interface ScriptProblem {
  line: number;
  /** The command the shell waits for, as written. */
  text: string;
  why: ChildWhy;
  /** The whole line as it should read, where one line fixes it; null where an init is the fix. */
  fixedLine: string | null;
  /** The case pattern or if branch it is in (null: the script's main path). */
  branch: string | null;
}

export interface ScriptVerdict {
  /** The programs the script execs at its ends (`$@` for the container's CMD). */
  execs: { program: string; words: string[]; line: number }[];
  problems: ScriptProblem[];
  /** It ends in `wait` with a trap on TERM: SIGTERM is passed on. */
  forwards: boolean;
  /** Something lint cannot follow (`eval`, a sourced file) decides the end. */
  unknown: string | null;
  parsed: ParsedShell;
}

/**
 * Branches of a `case` that run a one-off task and end (help, a migration, an interactive shell),
 * not the long-running app: waiting for them as PID 1 is no problem.
 */
const ONE_OFF_BRANCH = /help|version|init\b|setup|migrat|upgrade|install|backup|restore|check|test|shell|bash|console|cli\b|create|import|export|seed|reset|clean|config|print|show|list|generat|health|dump|^-/i;
const ONE_OFF_COMMAND = /^(bash|sh|ash|zsh|dash|cat|less|more|man)$/;

function lineText(p: ParsedShell, pos: number): { start: number; text: string } {
  const start = p.source.lastIndexOf('\n', pos - 1) + 1;
  const end = p.source.indexOf('\n', pos);
  return { start, text: p.source.slice(start, end === -1 ? undefined : end) };
}

function problemOf(p: ParsedShell, t: Extract<Tail, { kind: 'child' }>): ScriptProblem | null {
  const name = t.app?.name?.value ?? '';
  if (t.branch !== null && t.branch !== '*' && ONE_OFF_BRANCH.test(t.branch)) return null;
  if (ONE_OFF_COMMAND.test(name)) return null;
  const line = p.lineOf(t.node.pos);
  const { start, text } = lineText(p, t.node.pos);
  let fixedLine: string | null = null;
  if (t.why === 'command' && t.app?.name && p.lineOf(t.app.name.pos) === line) {
    const at = t.app.name.pos - start;
    fixedLine = `${text.slice(0, at)}exec ${text.slice(at)}`;
  }
  return { line, text: p.text(t.node).split('\n')[0] ?? '', why: t.why, fixedLine, branch: t.branch };
}

export function scriptVerdict(source: string): ScriptVerdict {
  const parsed = parseShell(source);
  const tails = tailsOf(parsed, { implicit: 'none' });
  const execs = tails.flatMap((t) => (t.kind === 'exec' ? [{ program: t.program, words: t.words, line: parsed.lineOf(t.node.pos) }] : []));
  const seen = new Set<number>();
  const problems: ScriptProblem[] = [];
  for (const t of tails) {
    if (t.kind !== 'child') continue;
    const pr = problemOf(parsed, t);
    if (pr && !seen.has(pr.line)) {
      seen.add(pr.line);
      problems.push(pr);
    }
  }
  const waits = tails.some((t) => t.kind === 'end' && parsed.text(t.node).startsWith('wait'));
  const unknown = tails.find((t) => t.kind === 'unknown');
  return { execs, problems, forwards: waits, unknown: unknown?.kind === 'unknown' ? unknown.why : null, parsed };
}
