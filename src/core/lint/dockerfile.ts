/**
 * Dockerfile rules: what the final image makes PID 1 (dockerfile-image.ts), what its /bin/sh does
 * with the shell form (shell/shell-kind.ts, measured), the entrypoint script it runs (read from the
 * build context or a `COPY <<EOF` heredoc, judged as PID 1), and whether anything reaps. Where PID 1
 * comes from a base image lint cannot see, it says so instead of guessing. Pure.
 */
import { pid1OfShellC, withExec, type ShellCVerdict } from '../shell/shell-c.js';
import { shellOfImage, shellOfProgram, type ImageShell, type ShellKind } from '../shell/shell-kind.js';
import { baseName, isShellShebang } from '../shell/syntax.js';
import { finalImage, type FinalImage, type Form } from './dockerfile-image.js';
import { jsonArray, shellFormFix } from './fixes.js';
import { baseEntrypointOf, isInit, wantsInit, type BaseEntrypoint } from './known-programs.js';
import { pid1OfArgv, type ArgvPid1 } from './pid1-argv.js';
import { lintEntrypointScript, scriptHandsOver } from './script-rule.js';
import { lintWords, type LintText } from './lint-text.js';
import type { ImageFacts, LintContext, LintFinding, LintResult } from './types.js';

/** Why the shell stays, in the report's language (the verdict's own `why` is English). */
function whyOf(t: LintText, v: ShellCVerdict, shell: ShellKind | 'unknown' | 'none'): string {
  return v.cause ? t.why(v.cause, shell === 'unknown' || shell === 'none' ? 'dash' : shell) : v.why;
}

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const KILL = /^(SIG)?KILL$|^9$/i;

interface Judge {
  file: string;
  img: FinalImage;
  facts: ImageFacts | null;
  sh: ImageShell;
  /** The shell of the shell form (SHELL […] or the base's /bin/sh). */
  formShell: ShellKind | 'unknown' | 'none';
  formShellName: string;
  stop: string;
  out: LintFinding[];
  ctx: LintContext;
  t: LintText;
}

function baseEntryOf(j: Pick<Judge, 'img' | 'facts'>): BaseEntrypoint {
  if (!j.facts) return baseEntrypointOf(j.img.base);
  const ep = j.facts.entrypoint ?? [];
  if (ep.length === 0) return 'none';
  return isInit(ep[0] ?? '') ? 'init' : 'passes';
}

/** The verdict of the shell form under its shell: for an unknown shell, dash's (the worst case), and whether ash would differ. */
function shellFormVerdict(j: Judge, script: string): { v: ShellCVerdict; depends: boolean } {
  if (j.formShell === 'dash' || j.formShell === 'bash' || j.formShell === 'ash') return { v: pid1OfShellC(j.formShell, script), depends: false };
  const dash = pid1OfShellC('dash', script);
  return { v: dash, depends: dash.stays && !pid1OfShellC('ash', script).stays };
}

/**
 * A shell-form CMD or ENTRYPOINT (or a shell-form CMD handed to an exec-form ENTRYPOINT, `rule`
 * says which): a finding when the shell stays PID 1; the exec'd program when it does not.
 */
function judgeShellForm(j: Judge, f: Form, rule: string, under: string | null): string | null {
  const script = f.shell ?? '';
  if (f.brokenJson) {
    // `ENTRYPOINT ["java", "-jar", "app.jar"];` or single quotes: not JSON, so Docker runs the text through /bin/sh -c.
    j.out.push({ file: j.file, line: f.line, rule: 'json-form-invalid', level: 'error', message: j.t.jsonInvalid(f.keyword, j.formShellName, short(script, 40)), fix: j.t.jsonInvalidFix(f.keyword), lab: j.t.labs.own });
    return null;
  }
  if (j.formShell === 'none') {
    j.out.push({ file: j.file, line: f.line, rule, level: 'error', message: j.t.noShell(f.keyword, j.img.base), fix: j.t.noShellFix(f.keyword), lab: j.t.labs.own });
    return null;
  }
  const { v, depends } = shellFormVerdict(j, script);
  // `CMD /run.sh` or `CMD exec /start.sh`: the shell runs a script of the image, judged as what runs (after the shell form).
  const runs = v.stays ? v.app?.name?.value : v.words[0];
  const runsScript = runs !== undefined && isScriptIn(j, runs);
  if (!v.stays) {
    if (runsScript) judgeScript(j, runs, f);
    return runsScript ? null : v.program;
  }
  const fix = shellFormFix(f.keyword, script, v, j.t);
  const w = { keyword: f.keyword, script: short(script, 40), shellName: j.formShellName, stop: j.stop, why: whyOf(j.t, v, j.formShell), base: j.img.base };
  const lead = rule === 'cmd-shell-form-after-entrypoint' ? j.t.leadAfterEntrypoint(w.script) : j.t.leadShellForm(w);
  let message: string;
  let level: LintFinding['level'] = 'error';
  if (under) {
    level = 'warning';
    message = j.t.shellFormUnder(lead, under, w);
  } else if (depends) {
    level = 'warning';
    message = j.t.shellFormDepends(lead, w);
  } else {
    message = j.t.shellFormStays(lead, w, j.formShell === 'unknown');
  }
  j.out.push({ file: j.file, line: f.line, rule, level, message, fix: fix.text, lab: j.t.labs.signals, ...(fix.replacement ? { edit: { line: f.line, endLine: f.endLine, text: fix.replacement } } : {}) });
  if (runsScript) judgeScript(j, runs, f);
  return null;
}

function judgeExecFormShellC(j: Judge, a: ArgvPid1, f: Form, argv: readonly string[]): void {
  const sc = a.shellC;
  if (!sc || !sc.verdict.stays) return;
  const shellName = sc.shell === 'unknown' ? `${argv.find((w) => /(^|\/)(sh|bash|ash|dash)$/.test(w)) ?? 'sh'}` : j.t.shellLabel[sc.shell];
  const why = whyOf(j.t, sc.verdict, sc.shell);
  const exec = withExec(sc.verdict);
  const fixedArgv = exec === null ? null : argv.map((w) => (w === sc.script ? exec : w));
  const fix = fixedArgv ? `${f.keyword} ${jsonArray(fixedArgv)}` : null;
  let level: LintFinding['level'] = 'error';
  let message = j.t.jsonShC(jsonArray(argv.slice(0, argv.indexOf(sc.script))), shellName, why, j.stop);
  if (a.init) {
    level = 'warning';
    message = j.t.jsonShCUnder(a.init.name, shellName, why, j.stop);
  } else if (sc.dependsOnShell) {
    level = 'warning';
    message = j.t.jsonShCDepends(j.img.base || j.t.anUnknownBase, why, j.stop);
  }
  j.out.push({
    file: j.file,
    line: f.line,
    rule: 'json-sh-c',
    level,
    message,
    fix: fix ? j.t.jsonShCFix(fix) : j.t.jsonShCGroupFix,
    lab: j.t.labs.signals,
    ...(fix ? { edit: { line: f.line, endLine: f.endLine, text: fix } } : {}),
  });
}

/** The text of a file the image has at `p` (a context file or a COPY heredoc), or null. */
function imageFileText(j: Judge, p: string): { file: string; text: string; lineOffset: number; heredoc: boolean } | null {
  const where = j.img.fileAt(p, (rel) => (j.ctx.readContext?.(rel) ?? null) !== null);
  if (!where) return null;
  if (where.source.kind === 'heredoc') return { file: j.file, text: where.source.text, lineOffset: where.source.line - 1, heredoc: true };
  const got = j.ctx.readContext?.(where.source.rel);
  return got ? { ...got, lineOffset: 0, heredoc: false } : null;
}


/** A script the image runs: named like one, or a file from the context or a heredoc that starts with a shell's #!. */
function isScriptIn(j: Judge, p: string): boolean {
  if (/\.(sh|bash)$/.test(p)) return true;
  const f = imageFileText(j, p);
  return f !== null && isShellShebang(f.text);
}

/** Judges the script an argv runs, read from the build context; says how it hands PID 1 over, or null when it cannot be read. */
function judgeScript(j: Judge, scriptPath: string, f: Form, cmd0?: string, under?: string): { passesCmd: boolean; onlyCmd: boolean } | null {
  const got = imageFileText(j, scriptPath);
  if (!got || (!isShellShebang(got.text) && !/\.(sh|bash)$/.test(scriptPath))) return null;
  const via = j.t.scriptVia(under, got.heredoc, f.keyword, f.line, scriptPath, j.file);
  j.out.push(...lintEntrypointScript(got.file, got.text, via, got.lineOffset, j.t));
  return scriptHandsOver(got.text, cmd0);
}

function noInit(j: Judge, app: string | null, f: Form): void {
  if (!wantsInit(app)) return;
  j.out.push({
    file: j.file,
    line: f.line,
    rule: 'no-init',
    level: 'note',
    message: j.t.noInit(app, j.stop),
    fix: j.t.noInitFix,
    lab: j.t.labs.zombies,
  });
}


/** Judges an exec-form argv that is PID 1 (or under an init); returns the app that ends up PID 1. */
function judgeArgv(j: Judge, argv: string[], f: Form, cmd: Form | null): void {
  const isScript = (p: string) => isScriptIn(j, p);
  const a = pid1OfArgv(argv, j.formShell, isScript);
  judgeExecFormShellC(j, a, f, argv);
  if (a.script) {
    const hands = judgeScript(j, a.script, f, f.keyword === 'ENTRYPOINT' ? cmd?.json?.[0] : undefined, a.init ? j.t.runBy(a.init.name) : undefined);
    // The script hands PID 1 to CMD (`exec "$@"`): judge CMD as what runs.
    if (hands?.passesCmd && cmd?.shell !== null && cmd?.shell !== undefined && f.keyword === 'ENTRYPOINT') {
      judgeShellForm(j, cmd, 'cmd-shell-form-after-entrypoint', a.init?.name ?? null);
    } else if (hands?.passesCmd && cmd?.json && f.keyword === 'ENTRYPOINT' && !a.init) {
      const after = pid1OfArgv(cmd.json, j.formShell, isScript);
      judgeExecFormShellC(j, after, cmd, cmd.json);
      const inner = after.script ? judgeScript(j, after.script, cmd) : null;
      // Only when every exec of the script hands over CMD is CMD surely PID 1 (kong's docker-start execs nginx).
      // A script lint cannot read (catalina.sh, zkServer.sh from a tarball) may exec anything: not judged.
      const app = after.script || inner ? null : after.app;
      if (hands.onlyCmd && !after.init && !after.shellC && !(cmd.json[0] ?? '').startsWith('-')) noInit(j, app, cmd);
    }
    return;
  }
  if (f.keyword === 'ENTRYPOINT' && cmd?.shell !== null && cmd?.shell !== undefined && !a.shellC) {
    // ENTRYPOINT ["tini", "--"] + shell-form CMD: the init runs sh -c; ENTRYPOINT ["app"] + shell-form CMD: app gets sh -c as arguments.
    const passes = a.init !== null && a.app === null;
    if (passes) judgeShellForm(j, cmd, 'cmd-shell-form-after-entrypoint', a.init?.name ?? null);
    else {
      j.out.push({ file: j.file, line: cmd.line, rule: 'cmd-shell-form-after-entrypoint', level: 'error', message: j.t.cmdArgs(a.app ?? argv[0] ?? '', short(cmd.shell, 40)), fix: j.t.cmdArgsFix, lab: j.t.labs.own });
    }
    return;
  }
  if (!a.init && !a.shellC) noInit(j, a.app, f);
  else if (!a.init && a.shellC && !a.shellC.verdict.stays) noInit(j, a.app, f);
}

export function lintDockerfile(file: string, text: string, ctx: LintContext = {}): LintResult {
  const img = finalImage(text);
  const t = lintWords(ctx.lang);
  if (/windows|servercore|nanoserver/i.test(img.base) || /powershell|pwsh|cmd(\.exe)?$/i.test(img.shell?.[0] ?? '')) {
    return { findings: [], unjudged: [{ file, line: 0, what: 'PID 1', why: t.windows(img.base) }] };
  }
  const facts = img.base ? (ctx.imageFacts?.(img.base) ?? null) : null;
  const sh = shellOfImage(img.base);
  const formShell = img.shell ? (shellOfProgram(img.shell[0] ?? '', sh.sh) ?? 'unknown') : sh.sh;
  const formShellName = img.shell ? baseName(img.shell[0] ?? 'sh') : formShell === 'unknown' || formShell === 'none' ? '/bin/sh' : `/bin/sh (${t.shellLabel[formShell]})`;
  const stop = img.stopSignal ? img.stopSignal.value.toUpperCase().replace(/^(?!SIG)(?=[A-Z])/, 'SIG') : 'SIGTERM';
  const j: Judge = { file, img, facts, sh, formShell, formShellName, stop, out: [], ctx, t };
  const unjudged: LintResult['unjudged'] = [];
  const { ep, cmd } = img;
  let baseEntry = baseEntryOf(j);
  let shellStays = false;
  const before = () => j.out.filter((x) => /^shell-form-/.test(x.rule)).length;

  if (ep && !(ep.json && ep.json.length === 0)) {
    if (ep.shell !== null) {
      const n = before();
      const app = judgeShellForm(j, ep, 'shell-form-entrypoint', null);
      shellStays = before() > n;
      if (cmd) j.out.push({ file, line: cmd.line, rule: 'cmd-ignored-by-shell-entrypoint', level: 'warning', message: t.cmdIgnored, fix: t.cmdIgnoredFix, lab: t.labs.own });
      if (app && !shellStays) noInit(j, app, ep);
    } else if (ep.json) {
      judgeArgv(j, [...ep.json, ...(cmd?.json ?? [])], ep, cmd);
    }
  } else if (cmd) {
    // `ENTRYPOINT []` clears the base image's: CMD alone is the command.
    if (ep) baseEntry = 'none';
    const under = baseEntry === 'init' ? t.baseInit(img.base) : null;
    if (cmd.shell !== null) {
      const n = before();
      const app = judgeShellForm(j, cmd, 'shell-form-cmd', under);
      shellStays = before() > n && !under;
      if (app && baseEntry !== 'unknown' && baseEntry !== 'init') noInit(j, app, cmd);
    } else if (cmd.json) {
      if (baseEntry === 'init') {
        const a = pid1OfArgv(cmd.json, formShell, (p) => isScriptIn(j, p));
        judgeExecFormShellC(j, { ...a, init: a.init ?? { name: t.baseInit(img.base), args: [] } }, cmd, cmd.json);
      } else if (baseEntry === 'unknown') {
        const a = pid1OfArgv(cmd.json, formShell, (p) => isScriptIn(j, p));
        judgeExecFormShellC(j, a, cmd, cmd.json);
        if (a.script) judgeScript(j, a.script, cmd);
        if (!a.shellC && !a.script && !a.init) unjudged.push({ file, line: cmd.line, what: `CMD ${jsonArray(cmd.json)}`, why: t.baseMayHaveEntrypoint(img.base || t.theBaseImage, baseName(cmd.json[0] ?? '')) });
      } else if (!(cmd.json[0] ?? '').startsWith('-')) judgeArgv(j, cmd.json, cmd, null);
    }
  } else {
    unjudged.push({ file, line: 0, what: 'PID 1', why: t.noCmd(img.base || t.theBaseImage, !!facts) });
  }

  if (img.stopSignal) {
    const line = img.stopSignal.line;
    if (KILL.test(img.stopSignal.value)) j.out.push({ file, line, rule: 'stopsignal-kill', level: 'warning', message: t.stopsignalKill, fix: t.stopsignalKillFix, lab: t.labs.signals });
    else if (shellStays) j.out.push({ file, line, rule: 'stopsignal-to-shell', level: 'warning', message: t.stopsignalToShell(stop), fix: t.stopsignalToShellFix, lab: t.labs.signals });
  }
  return { findings: j.out, unjudged };
}
