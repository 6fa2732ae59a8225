/**
 * `lint` on files on disk: the folder walk (Dockerfiles, Containerfiles, compose files and manifests;
 * scripts only through the Dockerfile that runs them, or when named alone), the build context a
 * Dockerfile's COPY reads from, and bad input said in one line per file (not text, too large, a YAML
 * bomb, a YAML that is neither compose nor Kubernetes) while the other files are still linted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isDockerfileName, isYamlName, kindOfFile, lintFile } from '../core/lint/lint.js';
import type { LintContext, LintFinding, LintUnjudged } from '../core/lint/types.js';
import { YamlRefused } from '../core/lint/yaml-files.js';

/** Larger files are said and skipped: real Dockerfiles, compose files and bundles of manifests are far smaller. */
export const MAX_LINT_BYTES = 16 * 1024 * 1024;
/** Folders lint does not walk into: tools' and dependencies' trees, never the learner's own files. */
const SKIPPED = /^(\.|node_modules$|vendor$|dist$|target$|__pycache__$)/;
const MAX_DEPTH = 8;

export interface LintRun {
  linted: string[];
  findings: LintFinding[];
  unjudged: LintUnjudged[];
  /** One line each: a file that could not be linted, and why. */
  problems: string[];
  /** A path on the command line that does not exist (a usage error). */
  missing: string[];
}

type Read = { text: string } | { problem: string };

/** The file as text, or why not: a binary or non-UTF-8 file is not a Dockerfile, whatever its name. */
export function readText(file: string): Read {
  let buf: Buffer;
  try {
    const st = statSync(file);
    if (st.size > MAX_LINT_BYTES) return { problem: `too large to lint (${(st.size / 1048576).toFixed(1)} MB; lint reads files up to ${MAX_LINT_BYTES / 1048576} MB)` };
    buf = readFileSync(file);
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (buf.subarray(0, 8192).includes(0)) return { problem: 'not a text file (it holds binary data)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return { problem: 'not a text file (not UTF-8)' };
  }
}

/** The files lint reads in a folder and its subfolders (a repo's Dockerfiles are rarely at the top). */
function filesIn(dir: string, depth = 0): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isFile() && (isDockerfileName(e.name) || isYamlName(e.name))) out.push(p);
    else if (e.isDirectory() && depth < MAX_DEPTH && !SKIPPED.test(e.name)) out.push(...filesIn(p, depth + 1));
  }
  return out;
}

/**
 * A Dockerfile's build context is usually its folder, sometimes a folder above (`docker build -f
 * docker/Dockerfile .`): a COPY source is looked for in the Dockerfile's folder, then upwards to `top`.
 */
function contextReader(file: string, top: string): NonNullable<LintContext['readContext']> {
  const dirs: string[] = [];
  for (let d = path.resolve(path.dirname(file)); ; d = path.dirname(d)) {
    dirs.push(d);
    if (d === path.resolve(top) || d === path.dirname(d) || dirs.length > 4) break;
  }
  return (rel) => {
    for (const d of dirs) {
      const p = path.resolve(d, rel.replace(/^\/+/, ''));
      const got = readText(p);
      if ('text' in got) return { file: path.relative(process.cwd(), p) || p, text: got.text };
    }
    return null;
  };
}

function lintOne(file: string, named: boolean, top: string, run: LintRun, ctx: LintContext): void {
  const got = readText(file);
  if ('problem' in got) {
    run.problems.push(`${file}: ${got.problem}`);
    return;
  }
  let kind;
  try {
    kind = kindOfFile(file, got.text);
  } catch {
    kind = null;
  }
  if (!kind) {
    // Named on the command line: say so and go on; found in a folder: not ours to judge.
    if (named) run.problems.push(`${file}: not a Dockerfile, compose file, Kubernetes manifest or shell script: not linted`);
    return;
  }
  try {
    // A compose file's build contexts are relative to its own folder, exactly; a Dockerfile's may lie above it.
    const r = lintFile(file, kind, got.text, { ...ctx, readContext: contextReader(file, kind === 'compose' ? path.dirname(file) : top) });
    run.linted.push(file);
    run.findings.push(...r.findings);
    run.unjudged.push(...r.unjudged);
  } catch (e) {
    run.problems.push(`${file}: ${e instanceof YamlRefused ? e.message : `could not be read as a ${kind} (${(e as Error).message.split('\n')[0]})`}`);
  }
}

export function lintPaths(args: readonly string[], ctx: LintContext = {}): LintRun {
  const run: LintRun = { linted: [], findings: [], unjudged: [], problems: [], missing: [] };
  for (const a of args.length ? args : ['.']) {
    let st;
    try {
      st = statSync(a);
    } catch {
      run.missing.push(a);
      continue;
    }
    if (st.isDirectory()) for (const f of filesIn(a)) lintOne(f, false, a, run, ctx);
    // A file named alone: its build context may be a folder above it, up to the folder lint runs in.
    else lintOne(a, true, path.resolve(a).startsWith(`${process.cwd()}${path.sep}`) ? process.cwd() : path.dirname(a), run, ctx);
  }
  // A script two Dockerfiles run is one finding.
  const seen = new Set<string>();
  run.findings = run.findings.filter((f) => {
    const k = `${f.file}:${f.line}:${f.rule}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return run;
}
