/**
 * An entrypoint script judged as PID 1: where its run ends (tails.ts, no shell execs a script's
 * last command by itself), which ends leave the shell as PID 1 waiting for the app (the problem),
 * and the one-line change that fixes each. A `trap … TERM` + `wait` script forwards SIGTERM and
 * is no problem. Pure.
 */
import { forEachChild, type SyntaxNode } from 'unbash';
import { argWords, baseName, commandName, parseShell, type ParsedShell } from './syntax.js';
import { tailsOf, wordValue, type ChildWhy, type Tail } from './tails.js';

/** `$@`, `${@}`, `$*`: the script's own arguments. */
export const isArgsWord = (v: string) => /^\$(@|\*|\{@\}|\{\*\})$/.test(v);

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
  /**
   * Every `exec` of a program anywhere in the script, with whether it hands over the script's own
   * arguments (`exec "$@"`, `exec gosu app "$@"`): one that does not decides PID 1 on its own path.
   */
  allExecs: { program: string; passesArgs: boolean; line: number }[];
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

function problemOf(p: ParsedShell, t: Extract<Tail, { kind: 'child' }>, caseExecs: boolean): ScriptProblem | null {
  const name = t.app?.name?.value ?? '';
  if (t.branch !== null && t.branch !== '*' && !['then', 'elif', 'else'].includes(t.branch) && (ONE_OFF_BRANCH.test(t.branch) || caseExecs)) return null;
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

/** Programs that run the command after their own arguments: `gosu user "$@"` still runs "$@". */
const RUNS_COMMAND_AFTER: Record<string, number> = { gosu: 1, 'su-exec': 1, chroot: 1, setuidgid: 1, 's6-setuidgid': 1, su: 1, runuser: 1, setpriv: 0, env: 0, nice: 0, tini: 0, 'tini-static': 0, 'dumb-init': 0, catatonit: 0, numactl: 0, chpst: 0 };

/** Is the command these words run the script's own arguments (or the script itself again, which ends in them)? */
function commandIsArgs(words: string[], isArgs: (v: string) => boolean): boolean {
  let i = 0;
  while (i < words.length) {
    const w = words[i] ?? '';
    const skip = RUNS_COMMAND_AFTER[baseName(w)];
    if (skip === undefined) break;
    i++;
    while (i < words.length && ((words[i] ?? '').startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] ?? ''))) i += words[i] === '--' ? 1 : 1;
    // su and runuser take the user after their options; the rest take theirs first.
    i += skip;
    while (i < words.length && (words[i] ?? '').startsWith('-')) i++;
  }
  const first = words[i] ?? '';
  return isArgs(first) || /^\$(0|\{0\}|BASH_SOURCE|\{BASH_SOURCE\})$/.test(first);
}

function allExecsOf(p: ParsedShell, isArgs: (v: string) => boolean): ScriptVerdict['allExecs'] {
  const out: ScriptVerdict['allExecs'] = [];
  const visit = (n: SyntaxNode) => {
    if (n.type === 'Command' && commandName(n) === 'exec') {
      const words = argWords(n).filter((w) => !/^-[acl]+$/.test(w.value));
      if (words[0]) out.push({ program: baseName(wordValue(words[0])), passesArgs: commandIsArgs(words.map((w) => w.value), isArgs), line: p.lineOf(n.pos) });
    }
    forEachChild(n, visit);
  };
  visit(p.script);
  return out;
}

export function scriptVerdict(source: string): ScriptVerdict {
  const parsed = parseShell(source);
  // `args=("$@")` … `exec "${args[@]}"`: an array made from the arguments hands them over too.
  const copies = [...source.matchAll(/(?:^|[\s;])([A-Za-z_][A-Za-z0-9_]*)=\(\s*"\$(?:@|\{@\})"/g)].map((m) => m[1] ?? '');
  const isArgs = (v: string) => isArgsWord(v) || copies.some((n) => v === `\${${n}[@]}`);
  const tails = tailsOf(parsed, { implicit: 'none' });
  const execs = tails.flatMap((t) => (t.kind === 'exec' ? [{ program: isArgs(t.program) ? '$@' : t.program, words: t.words.map((w) => (isArgs(w) ? '$@' : w)), line: parsed.lineOf(t.node.pos) }] : []));
  const seen = new Set<number>();
  const problems: ScriptProblem[] = [];
  // Where some case branch execs its program, the author knew exec: the branches that do not are tasks that end.
  const caseExecs = tails.some((t) => t.kind === 'exec' && t.program !== '$@');
  for (const t of tails) {
    if (t.kind !== 'child') continue;
    const pr = problemOf(parsed, t, caseExecs);
    if (pr && !seen.has(pr.line)) {
      seen.add(pr.line);
      problems.push(pr);
    }
  }
  const waits = tails.some((t) => t.kind === 'end' && parsed.text(t.node).startsWith('wait'));
  const unknown = tails.find((t) => t.kind === 'unknown');
  return { execs, problems, allExecs: allExecsOf(parsed, isArgs), forwards: waits, unknown: unknown?.kind === 'unknown' ? unknown.why : null, parsed };
}
