/**
 * `entrypoint-script-no-exec`: a script that is PID 1 (a Dockerfile's ENTRYPOINT/CMD names it, or
 * the user named it alone) and leaves the shell waiting for the app, so SIGTERM stops at the shell.
 * Only such scripts are judged: hook scripts and build scripts are never told to exec. Pure.
 */
import { scriptVerdict, type ScriptProblem } from '../shell/script-verdict.js';
import { lintWords, type LintText } from './lint-text.js';
import type { LintFinding } from './types.js';

/** A shebang that starts an init, which then runs the shell: `#!/usr/bin/dumb-init /bin/sh`. */
export const SHEBANG_INIT = /^#!\s*\S*\/(dumb-init|tini|tini-static|catatonit)\b/;

function messageOf(p: ScriptProblem, file: string, via: string | null, t: LintText): { message: string; fix: string } {
  const as = via ? t.scriptAs(via) : '';
  const branch = p.branch && p.branch !== '*' && p.branch !== 'then' && p.branch !== 'else' && p.branch !== 'elif' ? t.scriptBranch(p.branch) : '';
  switch (p.why) {
    case 'wait':
      return { message: t.scriptWait(file, as, branch), fix: t.scriptWaitFix };
    case 'keepalive':
      return { message: t.scriptKeepalive(file, as, p.text, branch), fix: `trap 'exit 143' TERM INT; ${p.text} & wait` };
    case 'pipeline':
    case 'loop':
    case 'negated':
      return { message: t.scriptLoop(file, as, p.why === 'loop', p.text, branch), fix: t.groupInitFix };
    default:
      return { message: t.scriptNoExec(file, as, p.text, branch), fix: p.fixedLine !== null ? t.scriptExecFix(p.fixedLine.trim()) : t.groupInitFix };
  }
}

/** The findings for a script that is PID 1; `lineOffset` places a heredoc's lines in its Dockerfile. */
export function lintEntrypointScript(file: string, text: string, via: string | null, lineOffset = 0, t: LintText = lintWords('en')): LintFinding[] {
  // `#!/usr/bin/dumb-init /bin/sh`: the init is PID 1 and signals the script's whole process group.
  if (SHEBANG_INIT.test(text)) return [];
  const v = scriptVerdict(text);
  return v.problems.map((p) => {
    const { message, fix } = messageOf(p, file, via, t);
    const line = p.line + lineOffset;
    return {
      file,
      line,
      rule: 'entrypoint-script-no-exec',
      level: 'error' as const,
      message,
      fix,
      lab: t.labs.signals,
      ...(p.fixedLine !== null ? { edit: { line, endLine: line, text: p.fixedLine } } : {}),
    };
  });
}

/**
 * What the script hands PID 1 to: `passesCmd` when its end is `exec "$@"` (the container's CMD runs
 * as PID 1), and `onlyCmd` when no other path execs a program of its own (then CMD is surely PID 1).
 */
export function scriptHandsOver(text: string, cmd0?: string): { passesCmd: boolean; onlyCmd: boolean } {
  const v = scriptVerdict(text);
  if (SHEBANG_INIT.test(text)) return { passesCmd: false, onlyCmd: false };
  const passesCmd = v.execs.some((e) => e.program === '$@' || e.words.some((w) => w === '$@'));
  // `set -- vault "$@"`: the script puts a program of its own in front of CMD (`server -dev` is vault's
  // subcommand, not a program), unless CMD already names that program.
  const prepends = [...text.matchAll(/\bset -- ("?)([\w./-]+)\1 "?\$(?:@|\{@\})/g)].map((m) => m[2] ?? '');
  const rewritten = prepends.length > 0 && cmd0 !== undefined && !prepends.includes(cmd0) && !cmd0.includes('/');
  // An exec of CMD's own program by name (`exec influxd "$@"` for CMD ["influxd"]) hands over to it too.
  const same = (p: string) => cmd0 !== undefined && p === cmd0.slice(cmd0.lastIndexOf('/') + 1);
  return { passesCmd, onlyCmd: passesCmd && !rewritten && v.allExecs.every((e) => e.passesArgs || same(e.program)) };
}
