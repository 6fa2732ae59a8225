/**
 * Where a shell's run ends: the commands in tail position, followed through functions, `if`,
 * `case`, `{ }`, `( )` and `&&`/`||`, each said to exec (a program replaces the shell), run as the
 * shell's child (the shell stays PID 1 while it runs), or end the shell. `implicit` says which
 * shell execs a last simple command by itself (bash and ash for `-c`; none for a script file),
 * as measured (`real-shells.test.ts`). Pure.
 */
import type { ShellKind } from './shell-kind.js';
import { argWords, baseName, commandName, hasRedirects, literalValue, statementsOf, type Command, type ParsedShell, type ShellNode, type Statement, type Word } from './syntax.js';

export type ChildWhy = 'command' | 'pipeline' | 'background' | 'loop' | 'function' | 'compound' | 'redirect' | 'trap' | 'dash' | 'wait' | 'keepalive' | 'negated';

export type Tail =
  | { kind: 'exec'; program: string; words: string[]; node: Command }
  /** The shell stays PID 1 while `app` runs as its child (app: the command to exec, when there is one). */
  | { kind: 'child'; why: ChildWhy; app: Command | null; node: { pos: number; end: number }; branch: string | null }
  | { kind: 'end'; node: { pos: number; end: number } }
  | { kind: 'unknown'; why: string; node: { pos: number; end: number } };

/** Who execs a last simple command by itself: `bash` and `ash` for `sh -c`, `none` for scripts and Debian's dash. */
export type Implicit = Exclude<ShellKind, 'dash'> | 'none';

/** Builtins that run inside the shell and end quickly: at the end they leave the previous command as the last one. */
const QUICK = new Set(['echo', 'printf', 'true', 'false', ':', 'set', 'export', 'unset', 'shift', 'cd', 'umask', 'ulimit', 'local', 'readonly', 'declare', 'typeset', 'test', '[', 'exit', 'return', 'trap', 'alias', 'hash', 'getopts', 'read', 'let', 'pushd', 'popd', 'shopt', 'builtin']);
/** Programs that do a small job and end (file chores, text tools): never the app a shell waits for. */
const CHORES = new Set(['rm', 'cp', 'mv', 'mkdir', 'rmdir', 'chmod', 'chown', 'chgrp', 'ln', 'touch', 'sed', 'awk', 'grep', 'find', 'tar', 'gzip', 'gunzip', 'unzip', 'envsubst', 'install', 'date', 'sort', 'cut', 'tr', 'head', 'wc', 'basename', 'dirname', 'id', 'whoami', 'hostname', 'uname', 'stat', 'sync', 'update-ca-certificates', 'ldconfig', 'sysctl', 'setcap', 'usermod', 'useradd', 'groupadd', 'addgroup', 'adduser', 'printenv', 'env-update']);

/** Commands that only wait: exec'ing them changes nothing for SIGTERM (a PID 1 sleep drops it too). */
const KEEPALIVE = /^(sleep|tail|pause)$/;

interface Ctx {
  p: ParsedShell;
  implicit: Implicit;
  functions: Map<string, Statement[]>;
  /** A `trap` with a command is set: bash and ash then stay to run it (only read for implicit exec). */
  trapped: boolean;
  /** A trap on TERM (or INT) with a command: a `wait` at the end forwards. */
  termTrap: boolean;
  depth: number;
  seen: Set<string>;
  branch: string | null;
}

function trapInfo(p: ParsedShell, functions: Map<string, string>): { any: boolean; term: boolean } {
  let any = false;
  let term = false;
  const visit = (list: readonly Statement[]) => {
    for (const st of list) {
      const c = st.command;
      if (c.type === 'Command' && commandName(c) === 'trap') {
        const words = argWords(c);
        const action = words[0] ? literalValue(words[0]) : null;
        const signals = words.slice(1).map((w) => w.value.toUpperCase().replace(/^SIG/, ''));
        const hasCommand = action === null || (action !== '' && action !== '-' && !/^\d+$/.test(action));
        if (hasCommand && signals.length > 0) {
          any = true;
          // A trap passes SIGTERM on only if it kills or exits (itself, or through a function it calls).
          const body = action === null ? words[0]!.value : (functions.get(action.trim().split(/\s+/)[0] ?? '') ?? action);
          if (signals.some((s) => s === 'TERM' || s === 'INT' || s === '15' || s === '2') && /\b(kill|pkill|killall|exit)\b/.test(body)) term = true;
        }
      } else if (c.type === 'Function') {
        const body = c.body;
        if (body.type === 'BraceGroup' || body.type === 'Subshell') visit(statementsOf(body.body));
      }
    }
  };
  visit(statementsOf(p.script));
  return { any, term };
}

function functionsOf(list: readonly Statement[], into = new Map<string, Statement[]>()): Map<string, Statement[]> {
  for (const st of list) {
    const c = st.command;
    if (c.type === 'Function') {
      const b = c.body;
      if (b.type === 'BraceGroup' || b.type === 'Subshell') into.set(c.name.value, [...statementsOf(b.body)]);
      else if (b.type === 'CompoundList') into.set(c.name.value, [...b.commands]);
    } else if (c.type === 'If') {
      for (const l of [c.then, ...c.elif.map((e) => e.then), ...(c.else ? [c.else] : [])]) functionsOf(statementsOf(l), into);
    }
  }
  return into;
}

/** `$(which named)`, `$(command -v named)` → named: the program such a word runs. */
export function wordValue(w: Word): string {
  const lit = literalValue(w);
  if (lit !== null) return lit;
  const m = /^\$\((?:which|command -v)\s+([\w.+-]+)\)$|^`(?:which|command -v)\s+([\w.+-]+)`$/.exec(w.text);
  return m ? (m[1] ?? m[2] ?? w.value) : w.value;
}

/** `exec [-cl] [-a name] prog args…`: the words after exec's own options. */
function execWords(c: Command): string[] {
  const words = argWords(c).map(wordValue);
  let i = 0;
  while (i < words.length && /^-[acl]+$/.test(words[i] ?? '')) i += (words[i] ?? '').includes('a') ? 2 : 1;
  if (words[i] === '--') i++;
  return words.slice(i);
}

const isExternal = (c: Command, ctx: Ctx) => {
  const n = commandName(c);
  return n !== null && !QUICK.has(n) && n !== 'wait' && n !== 'exec' && !ctx.functions.has(n) && n !== 'eval' && n !== 'source' && n !== '.';
};

function tailOfCommand(c: Command, ctx: Ctx, allowImplicit: boolean): Tail[] {
  const name = commandName(c);
  if (name === null) return [{ kind: 'end', node: c }];
  if (name === 'exec') {
    const words = execWords(c);
    if (words.length === 0) return [{ kind: 'end', node: c }];
    return [{ kind: 'exec', program: baseName(words[0] ?? ''), words, node: c }];
  }
  if (name === 'eval' || name === 'source' || name === '.') return [{ kind: 'unknown', why: `${name} runs code lint cannot see`, node: c }];
  if (name === 'wait') return ctx.termTrap ? [{ kind: 'end', node: c }] : [{ kind: 'child', why: 'wait', app: null, node: c, branch: ctx.branch }];
  if (QUICK.has(name) || CHORES.has(baseName(name))) return [{ kind: 'end', node: c }];
  const fn = ctx.functions.get(name);
  if (fn) {
    if (ctx.depth > 8 || ctx.seen.has(name)) return [{ kind: 'unknown', why: `${name} calls itself`, node: c }];
    // Inside a function no shell execs a last command by itself (measured: `f() { app; }; f` stays).
    return tailsOfList(fn, { ...ctx, implicit: 'none', depth: ctx.depth + 1, seen: new Set([...ctx.seen, name]) });
  }
  if (!allowImplicit || ctx.implicit === 'none') return [{ kind: 'child', why: KEEPALIVE.test(baseName(name)) ? 'keepalive' : 'command', app: c, node: c, branch: ctx.branch }];
  if (ctx.trapped) return [{ kind: 'child', why: 'trap', app: c, node: c, branch: ctx.branch }];
  if (ctx.implicit === 'bash' && hasRedirects(c)) return [{ kind: 'child', why: 'redirect', app: c, node: c, branch: ctx.branch }];
  const words = [c.name, ...argWords(c)].filter((w) => w !== undefined).map(wordValue);
  const program = name === 'command' ? (words[1] ?? name) : name;
  return [{ kind: 'exec', program: baseName(program), words: name === 'command' ? words.slice(1) : words, node: c }];
}

function tailOfNode(n: ShellNode, ctx: Ctx, allowImplicit: boolean): Tail[] {
  switch (n.type) {
    case 'Command':
      return tailOfCommand(n, ctx, allowImplicit);
    case 'Pipeline': {
      const only = n.commands.length === 1 ? n.commands[0] : undefined;
      if (only && n.prefixes.length === 0) return tailOfNode(only, ctx, allowImplicit);
      const negated = n.prefixes.some((p) => p.type === 'Negation');
      const last = n.commands.at(-1);
      return [{ kind: 'child', why: negated && n.commands.length === 1 ? 'negated' : 'pipeline', app: last?.type === 'Command' ? last : null, node: n, branch: ctx.branch }];
    }
    case 'AndOr': {
      // Only the right-most runs last; what runs before it runs as the shell's child.
      const last = n.commands.at(-1);
      if (!last) return [{ kind: 'end', node: n }];
      const tails = tailOfNode(last, ctx, allowImplicit);
      if (tails.every((t) => t.kind === 'end')) {
        // `app || true`, `app && echo done`: the app before them was the shell's child.
        for (const prev of [...n.commands].reverse().slice(1)) {
          if (prev.type === 'Command' && isExternal(prev, ctx)) return [{ kind: 'child', why: 'command', app: null, node: prev, branch: ctx.branch }];
          if (prev.type !== 'Command') break;
        }
      }
      return tails;
    }
    case 'If': {
      // ash execs into the branch it takes; bash and dash only follow an explicit exec there.
      const inner = allowImplicit && ctx.implicit === 'ash';
      const branches = [n.then, ...n.elif.map((e) => e.then)];
      const out = branches.flatMap((b, i) => tailsOfList(statementsOf(b), { ...ctx, branch: i === 0 ? 'then' : 'elif' }, inner));
      out.push(...(n.else ? tailsOfList(statementsOf(n.else), { ...ctx, branch: 'else' }, inner) : [{ kind: 'end' as const, node: n }]));
      return compound(out, n, ctx, allowImplicit, inner);
    }
    case 'Case': {
      const inner = allowImplicit && ctx.implicit === 'ash';
      const out = n.items.flatMap((it) => tailsOfList(statementsOf(it.body), { ...ctx, branch: it.pattern.map((w) => w.value).join('|') }, inner));
      if (!n.items.some((it) => it.pattern.some((w) => w.value === '*'))) out.push({ kind: 'end', node: n });
      return compound(out, n, ctx, allowImplicit, inner);
    }
    case 'BraceGroup':
    case 'Subshell': {
      const inner = allowImplicit && ctx.implicit === 'ash';
      return compound(tailsOfList(statementsOf(n.body), ctx, inner), n, ctx, allowImplicit, inner);
    }
    case 'Redirected':
      return tailOfNode(n.command, ctx, allowImplicit && ctx.implicit === 'ash');
    case 'While':
    case 'For':
    case 'Select':
    case 'ArithmeticFor':
    case 'Coproc':
      return [{ kind: 'child', why: 'loop', app: null, node: n, branch: ctx.branch }];
    case 'Function':
    case 'TestCommand':
    case 'ArithmeticCommand':
      return [{ kind: 'end', node: n }];
  }
}

/** bash and dash stay for a compound command; a branch that runs a child says so as 'compound'. */
function compound(out: Tail[], n: { pos: number; end: number }, ctx: Ctx, allowImplicit: boolean, inner: boolean): Tail[] {
  if (!allowImplicit || inner || ctx.implicit === 'none') return out;
  return out.map((t) => (t.kind === 'child' && t.why === 'command' ? { ...t, why: 'compound' as const } : t));
}

function tailOfStatement(st: Statement, ctx: Ctx, allowImplicit: boolean): Tail[] {
  if (st.background) return [{ kind: 'end', node: st }];
  return tailOfNode(st.command, ctx, allowImplicit);
}

function tailsOfList(list: readonly Statement[], ctx: Ctx, allowImplicit = true): Tail[] {
  // From the end, past quick builtins (`echo done`, `exit $?`) to the statement that ran last.
  for (let i = list.length - 1; i >= 0; i--) {
    const st = list[i]!;
    const tails = tailOfStatement(st, ctx, allowImplicit && i === list.length - 1);
    // `echo done` or `exit $?` last: the command before it is the one the shell waited for.
    const name = st.command.type === 'Command' && !st.background ? commandName(st.command) : null;
    if (name !== null && (QUICK.has(name) || CHORES.has(baseName(name))) && i > 0) continue;
    return tails;
  }
  return [{ kind: 'end', node: { pos: 0, end: 0 } }];
}

export interface TailOptions {
  implicit: Implicit;
}

/** The tails of a whole script (or a `-c` string). */
export function tailsOf(p: ParsedShell, o: TailOptions): Tail[] {
  const top = statementsOf(p.script);
  const functions = functionsOf(top);
  const bodies = new Map([...functions].map(([name, body]) => [name, body.map((st) => p.text(st)).join('\n')]));
  const traps = trapInfo(p, bodies);
  const ctx: Ctx = { p, implicit: o.implicit, functions, trapped: traps.any, termTrap: traps.term, depth: 0, seen: new Set(), branch: null };
  return tailsOfList(top, ctx);
}
