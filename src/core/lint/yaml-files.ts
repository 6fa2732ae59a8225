/**
 * Compose files and Kubernetes manifests, read with `yaml` (merge keys on, as compose reads them;
 * aliases bounded, so a bomb is refused in one line) so every finding names its line. A service or
 * container whose PID 1 comes from an image lint cannot see is said to be not judged, never guessed
 * at. Pure.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type YAMLMap } from 'yaml';
import { shellOfImage, type ImageShell } from '../shell/shell-kind.js';
import { PROBE_KINDS } from '../pods/probe-kinds.js';
import { leftInBackground } from '../shell/background.js';
import { argWords, literalValue, parseShell } from '../shell/syntax.js';
import { withExec } from '../shell/shell-c.js';
import { finalImage } from './dockerfile-image.js';
import { jsonArray } from './fixes.js';
import { baseEntrypointOf, INITS, isInit, looksLikeWrapperName, wantsInit, type BaseEntrypoint } from './known-programs.js';
import { pid1OfArgv, type ArgvPid1 } from './pid1-argv.js';
import { lintWords, type LintText } from './lint-text.js';
import type { ShellCVerdict } from '../shell/shell-c.js';
import { type FileKind, type LintContext, type LintFinding, type LintResult, type LintUnjudged } from './types.js';

/** Real compose files use many aliases (getsentry/self-hosted: hundreds); a billion-laughs file needs millions. */
export const MAX_YAML_ALIASES = 10_000;

export class YamlRefused extends Error {}

interface ParsedYaml {
  docs: Document[];
  lc: LineCounter;
}

// lint asks a file's kind (kindOfYaml), then lints the same text: the last text's parse is kept so
// that it is parsed once (parsing is most of lint's time on a checkout full of YAML). Nothing here
// changes a parsed document.
let lastParsed: { text: string; parsed: ParsedYaml } | null = null;

function parseDocs(text: string): ParsedYaml {
  if (lastParsed?.text === text) return lastParsed.parsed;
  const lc = new LineCounter();
  const got = parseAllDocuments(text, { merge: true, lineCounter: lc });
  const parsed = { docs: (Array.isArray(got) ? got : [got]) as Document[], lc };
  lastParsed = { text, parsed };
  return parsed;
}

/** The document as plain data, aliases bounded. */
function toJs(doc: Document): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw new YamlRefused(`more than ${MAX_YAML_ALIASES} alias expansions (a YAML alias bomb?): not read`);
    throw e;
  }
}

export function kindOfYaml(text: string): FileKind | null {
  // Without the words its keys are spelled with, no document can be either (CI workflows, Helm
  // values, configs: most YAML in a checkout), and it is not parsed at all.
  if (!text.includes('services') && !(text.includes('kind') && text.includes('apiVersion'))) return null;
  for (const doc of parseDocs(text).docs) {
    const c = doc.contents;
    if (!isMap(c)) continue;
    if (c.has('services') && isMap(c.get('services', true))) return 'compose';
    if (c.has('kind') && c.has('apiVersion')) return 'kubernetes';
  }
  return null;
}

/** A command given as a list, or a string (compose splits it into words as a shell would, but runs no shell). */
function argvOf(v: unknown): string[] | null {
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : String(x as number)));
  if (typeof v !== 'string') return null;
  const p = parseShell(v);
  const words: string[] = [];
  for (const st of p.script.commands) {
    if (st.command.type !== 'Command') return v.trim().split(/\s+/);
    const c = st.command;
    for (const w of [...(c.name ? [c.name] : []), ...argWords(c)]) words.push(literalValue(w) ?? w.value);
  }
  return words;
}

const scalar = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

interface Site {
  file: string;
  line: number;
  /** `service "web"`, `Deployment api, container app`. */
  who: string;
  out: LintFinding[];
  t: LintText;
}

interface Verdict {
  a: ArgvPid1;
  /** The shell stays PID 1 (or between the init and the app). */
  stays: boolean;
}

/** Why the shell stays, in the report's language. */
function whyOf(t: LintText, v: ShellCVerdict, shell: string): string {
  return v.cause ? t.why(v.cause, shell === 'bash' || shell === 'ash' ? shell : 'dash') : v.why;
}

function judgeShellC(s: Site, a: ArgvPid1, rule: string, keyword: string, under: string | null, argv: string[], stopWaits: string): boolean {
  const sc = a.shellC;
  if (!sc?.verdict.stays) return false;
  const exec = withExec(sc.verdict);
  const fixed = exec === null ? null : argv.map((w) => (w === sc.script ? exec : w));
  let level: LintFinding['level'] = 'error';
  const why = whyOf(s.t, sc.verdict, sc.shell);
  let message = s.t.yamlShC(s.who, argv[0] ?? 'sh', why, stopWaits);
  if (under) {
    level = 'warning';
    message = s.t.yamlShCUnder(s.who, under, argv[0] ?? 'sh', why);
  } else if (sc.dependsOnShell) {
    level = 'warning';
    message = s.t.yamlShCDepends(s.who, why, stopWaits);
  }
  s.out.push({
    file: s.file,
    line: s.line,
    rule,
    level,
    message,
    fix: fixed ? s.t.yamlShCFix(keyword, jsonArray(fixed)) : s.t.yamlShCGroupFix,
    lab: s.t.labs.signals,
  });
  return true;
}

function noInitApp(a: ArgvPid1): string | null {
  return !a.init && !a.shellC?.verdict.stays && wantsInit(a.app) ? a.app : null;
}

const looksLikeScript = (p: string) => /\.(sh|bash)$/.test(p);

interface BuiltImage {
  sh: ImageShell;
  /** What the image's ENTRYPOINT does with the service's command. */
  entry: BaseEntrypoint;
  /** An exec-form ENTRYPOINT the command is appended to (`ENTRYPOINT ["python"]` + `command: app.py`). */
  entrypoint: string[] | null;
}

/** A service's image: named (guessed from its name), or built from a Dockerfile lint can read (its base and ENTRYPOINT). */
function imageOf(image: string, build: unknown, ctx: LintContext): BuiltImage {
  if (image && !build) return { sh: shellOfImage(image), entry: baseEntrypointOf(image), entrypoint: null };
  const b = typeof build === 'string' ? { context: build } : (build as { context?: unknown; dockerfile?: unknown; dockerfile_inline?: unknown } | undefined);
  const unknown: BuiltImage = { sh: { sh: 'unknown', why: 'no image' }, entry: 'unknown', entrypoint: null };
  if (!b) return unknown;
  const dir = scalar(b.context) || '.';
  const df = scalar(b.dockerfile) || 'Dockerfile';
  const inline = scalar(b.dockerfile_inline);
  const got = inline ? { text: inline } : /^[a-z]+:\/\//.test(dir) ? null : ctx.readContext?.(`${dir.replace(/\/$/, '')}/${df}`);
  if (!got) return { ...unknown, sh: { sh: 'unknown', why: `the Dockerfile of ${dir} is not here` } };
  const img = finalImage(got.text);
  const sh = shellOfImage(img.base);
  if (!img.ep) return { sh, entry: baseEntrypointOf(img.base), entrypoint: null };
  const ep = img.ep.json ?? null;
  if (!ep || ep.length === 0) return { sh, entry: ep ? 'none' : 'unknown', entrypoint: null };
  if (isInit(ep[0] ?? '')) return { sh, entry: 'init', entrypoint: null };
  // A script ENTRYPOINT may take the command as a subcommand of its own (redash's `server`): unknown.
  // A program takes the command as its arguments.
  return looksLikeWrapperName(ep[0] ?? '') ? { sh, entry: 'unknown', entrypoint: null } : { sh, entry: 'none', entrypoint: ep };
}

function keyLine(lc: LineCounter, map: YAMLMap, key: string, fallback: number): number {
  const pair = map.items.find((p) => scalar((p.key as { value?: unknown } | null)?.value) === key);
  const at = (pair?.key as Node | undefined)?.range?.[0];
  return at === undefined ? fallback : lc.linePos(at).line;
}

export function lintCompose(file: string, text: string, ctx: LintContext = {}): LintResult {
  const { docs, lc } = parseDocs(text);
  const out: LintFinding[] = [];
  const unjudged: LintUnjudged[] = [];
  const t = lintWords(ctx.lang);
  const doc = docs[0];
  if (!doc) return { findings: out, unjudged };
  const services = doc.get('services', true);
  if (!isMap(services)) return { findings: out, unjudged };
  const js = (toJs(doc) as { services?: Record<string, Record<string, unknown> | null> }).services ?? {};
  for (const pair of services.items) {
    const name = scalar((pair.key as { value?: unknown } | null)?.value);
    const svc = js[name];
    if (!svc || typeof svc !== 'object') continue;
    const keyAt = (pair.key as Node | null)?.range?.[0];
    const svcLine = keyAt === undefined ? 1 : lc.linePos(keyAt).line;
    const svcMap = isMap(pair.value) ? pair.value : null;
    const lineOf = (k: string) => (svcMap ? keyLine(lc, svcMap, k, svcLine) : svcLine);
    const image = scalar(svc.image);
    const entry = argvOf(svc.entrypoint);
    const command = argvOf(svc.command);
    const init = svc.init === true;
    const grace = scalar(svc.stop_grace_period) || '10s';
    const who = `${t.service(name)}${ctx.imageFacts?.(image) ? t.imageReadFromEngine(image) : ''}`;
    const built = imageOf(image, svc.build, ctx);
    const shKind = built.sh.sh;
    let flagged = false;
    const site = (k: string): Site => ({ file, line: lineOf(k), who, out, t });
    if (scalar(svc.stop_signal) && /KILL|^9$/i.test(scalar(svc.stop_signal))) {
      out.push({ file, line: lineOf('stop_signal'), rule: 'compose-stop-signal-kill', level: 'warning', message: t.composeStopKill(who), fix: t.composeStopKillFix, lab: t.labs.signals });
    }
    // The image as the engine has it (never pulled): its ENTRYPOINT and CMD fill in what the service leaves out.
    const facts = image && !svc.build ? (ctx.imageFacts?.(image) ?? null) : null;
    const fromImage = !entry && facts ? [...(facts.entrypoint ?? []), ...(command ?? facts.cmd ?? [])] : !entry && command && built.entrypoint ? [...built.entrypoint, ...command] : null;
    const argv = entry ? [...entry, ...(command ?? [])] : (fromImage ?? command);
    if (!argv || argv.length === 0) {
      if (!svc.build) unjudged.push({ file, line: svcLine, what: who, why: t.ownEntrypoint(image || t.itsImage) });
      continue;
    }
    if (!entry && !fromImage && (argv[0] ?? '').startsWith('-')) {
      // Flags only: arguments to the image's own ENTRYPOINT (traefik --providers…, mariadb --binlog…).
      unjudged.push({ file, line: lineOf('command'), what: who, why: t.passesOptions(image || t.itsImage) });
      continue;
    }
    // Only `command`: the image's ENTRYPOINT runs it (most pass it on with exec "$@"; tini-based ones put an init in front).
    const baseEntry: BaseEntrypoint = entry || fromImage ? 'none' : built.entry;
    const a = pid1OfArgv(argv, shKind, looksLikeScript);
    const under = init ? t.composeInit : a.init ? a.init.name : baseEntry === 'init' ? t.imageInit(image) : null;
    const v: Verdict = { a, stays: false };
    v.stays = judgeShellC(site(entry ? 'entrypoint' : 'command'), a, 'compose-sh-c', entry ? 'entrypoint' : 'command', under, argv, t.composeStopWaits(grace));
    flagged = v.stays;
    const app = noInitApp(a);
    if (app && !init && baseEntry !== 'init' && (entry || baseEntry === 'none' || baseEntry === 'passes')) {
      out.push({ file, line: svcLine, rule: 'compose-no-init', level: 'note', message: t.composeNoInit(who, app), fix: t.composeNoInitFix(who), lab: t.labs.init });
      flagged = true;
    } else if (a.app && !a.shellC && !init && !entry && baseEntry === 'unknown' && !INITS.has(a.app)) {
      unjudged.push({ file, line: lineOf('command'), what: who, why: t.underEntrypoint(image || t.itsImage) });
    }
    const pids = (svc.deploy as { resources?: { limits?: { pids?: unknown } } } | undefined)?.resources?.limits?.pids;
    if (flagged && svc.pids_limit === undefined && pids === undefined) {
      out.push({ file, line: svcLine, rule: 'compose-no-pids-limit', level: 'note', message: t.composeNoPids(who), fix: t.composeNoPidsFix(who), lab: t.labs.zombies });
    }
  }
  return { findings: out, unjudged };
}

/** Where each kind keeps its pod spec. */
const POD_SPEC: Record<string, string[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

function lintWorkload(file: string, lc: LineCounter, node: YAMLMap, out: LintFinding[], unjudged: LintUnjudged[], ctx: LintContext): void {
  const kind = scalar(node.get('kind'));
  if (kind === 'List') {
    const items = node.get('items', true);
    if (isSeq(items)) for (const it of items.items) if (isMap(it)) lintWorkload(file, lc, it, out, unjudged, ctx);
    return;
  }
  const path = POD_SPEC[kind];
  if (!path) return;
  const name = scalar((node.getIn(['metadata', 'name'])) ?? kind) || kind;
  const spec = node.getIn(path, true);
  if (!isMap(spec)) return;
  const share = spec.get('shareProcessNamespace') === true;
  // With the host's PID namespace no container process is PID 1: nothing here to judge.
  if (spec.get('hostPID') === true) return;
  const grace = scalar(spec.get('terminationGracePeriodSeconds')) || '30';
  const t = lintWords(ctx.lang);
  const containers = spec.get('containers', true);
  if (!isSeq(containers)) return;
  for (const c of containers.items) {
    if (!isMap(c)) continue;
    const cjs = c.toJSON() as Record<string, unknown>;
    const cname = scalar(cjs.name) || '?';
    const who = t.workload(kind, name, cname);
    const at = (c as unknown as Node).range?.[0];
    const cLine = at === undefined ? 1 : lc.linePos(at).line;
    const line = keyLine(lc, c, 'command', cLine);
    const args = argvOf(cjs.args);
    const image = scalar(cjs.image);
    // The image as the engine has it: its ENTRYPOINT stands in for a missing command (args replace its CMD).
    const facts = image ? (ctx.imageFacts?.(image) ?? null) : null;
    const command = argvOf(cjs.command) ?? (facts?.entrypoint ?? (args ? null : facts?.cmd) ?? null);
    if (!command) {
      unjudged.push({ file, line: cLine, what: who, why: t.k8sOwnEntrypoint(image || t.itsImage, !!args) });
      continue;
    }
    // Kubernetes' command replaces ENTRYPOINT, args replace CMD.
    const argv = [...command, ...(args ?? [])];
    const sh = shellOfImage(image);
    const a = pid1OfArgv(argv, sh.sh, looksLikeScript);
    const site: Site = { file, line, who, out, t };
    // With a shared PID namespace pause is PID 1: the shell is not, and SIGTERM's default action ends it.
    if (!share) judgeShellC(site, a, 'k8s-sh-c', 'command', a.init ? a.init.name : null, argv, t.k8sStopWaits(grace));
    const tini = a.init && /^tini/.test(a.init.name);
    const env = (cjs.env as { name?: unknown; value?: unknown }[] | undefined) ?? [];
    if (share && tini && !a.init?.args.some((x) => /^-[a-z]*s/.test(x)) && !env.some((e) => e.name === 'TINI_SUBREAPER')) {
      out.push({ file, line, rule: 'k8s-tini-not-pid1', level: 'warning', message: t.k8sTini(who), fix: t.k8sTiniFix, lab: t.labs.subreaper });
    }
    const app = noInitApp(a);
    // An exec probe that leaves a child running: when its shell exits, the child is adopted by PID 1,
    // and with the app as PID 1 (no init, no shared namespace) every probe run leaves a zombie.
    if (app && !share) {
      for (const probe of PROBE_KINDS) {
        const left = backgroundOfProbe(lc, c, probe);
        if (left) out.push({ file, line: left.line, rule: 'k8s-exec-probe-orphans', level: 'warning', message: t.k8sProbeOrphans(who, probe, left.child, app), fix: t.k8sProbeOrphansFix, lab: t.labs.pods });
      }
    }
    // A Job runs to completion: a missing init costs it nothing.
    if (app && !share && kind !== 'Job' && kind !== 'CronJob') {
      out.push({ file, line, rule: 'k8s-no-init', level: 'note', message: t.k8sNoInit(who, app, grace), fix: t.k8sNoInitFix, lab: t.labs.subreaper });
    }
  }
}

const SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|busybox sh)$/;

/** What a container's exec probe leaves running in the background (its `sh -c` script read as a shell would), and its line. */
function backgroundOfProbe(lc: LineCounter, c: YAMLMap, probe: string): { child: string; line: number } | null {
  const cmd = c.getIn([probe, 'exec', 'command'], true);
  if (!isSeq(cmd)) return null;
  const argv = cmd.items.map((i) => scalar(isScalar(i) ? i.value : null));
  const at = argv.findIndex((w) => /^-[a-z]*c[a-z]*$/.test(w));
  if (!SHELLS.test(argv[0] ?? '') || at < 1 || at + 1 >= argv.length) return null;
  const child = leftInBackground(argv[at + 1] ?? '');
  const pos = (cmd as unknown as Node).range?.[0];
  const shown = child && child.length > 40 ? `${child.slice(0, 39)}…` : child;
  return shown ? { child: shown, line: pos === undefined ? 1 : lc.linePos(pos).line } : null;
}

export function lintKubernetes(file: string, text: string, ctx: LintContext = {}): LintResult {
  const { docs, lc } = parseDocs(text);
  const out: LintFinding[] = [];
  const unjudged: LintUnjudged[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    // Aliases in manifests are rare; expand them bounded before reading (a bomb is refused here).
    toJs(doc);
    if (isMap(doc.contents)) lintWorkload(file, lc, doc.contents, out, unjudged, ctx);
  }
  return { findings: out, unjudged };
}
