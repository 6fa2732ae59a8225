/**
 * `zombie-lab lint [FILE...] [--format text|json|sarif]`: static PID 1 checks of Dockerfiles,
 * compose files, Kubernetes pod specs and entrypoint scripts; no engine needed. A folder stands
 * for the files in it and its subfolders that lint knows (not dot-folders or node_modules); no
 * argument: the current folder.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintJson, lintSarif, lintText } from '../core/lint/lint.js';
import { lintOnDisk } from '../engine/lint-files.js';
import { lintExitCode, type LintFinding } from '../core/lint/types.js';

export interface LintCliOptions {
  /** Checked by commander (`.choices()`). */
  format?: 'text' | 'json' | 'sarif';
  json?: boolean;
}

const PACKAGE_VERSION = '0.1.0';

/** Folders lint does not walk into: tools' and dependencies' trees, never the learner's own files. */
const SKIPPED = /^(\.|node_modules$|vendor$|dist$|target$|__pycache__$)/;
const MAX_DEPTH = 8;

/** The files lint knows in a folder and its subfolders (a repo's Dockerfiles are rarely at the top). */
function filesIn(dir: string, depth = 0): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isFile() && (/^(Dockerfile|Containerfile)/i.test(e.name) || /\.(ya?ml|dockerfile|containerfile|sh)$/i.test(e.name))) out.push(p);
    else if (e.isDirectory() && depth < MAX_DEPTH && !SKIPPED.test(e.name)) out.push(...filesIn(p, depth + 1));
  }
  return out;
}

export function runLint(args: string[], o: LintCliOptions): number {
  const format = o.json ? 'json' : (o.format ?? 'text');
  const files: string[] = [];
  for (const a of args.length ? args : ['.']) {
    let st;
    try {
      st = statSync(a);
    } catch {
      process.stderr.write(`zombie-lab lint: ${a}: no such file or folder\n`);
      return 2;
    }
    files.push(...(st.isDirectory() ? filesIn(a) : [a]));
  }
  const findings: LintFinding[] = [];
  const linted: string[] = [];
  for (const file of files) {
    const got = lintOnDisk(file);
    if (!got) {
      // Named on the command line: say so; found in a folder: not ours to judge.
      if (args.includes(file)) {
        process.stderr.write(`zombie-lab lint: ${file}: not a Dockerfile, compose file, Kubernetes manifest or shell script\n`);
        return 2;
      }
      continue;
    }
    linted.push(file);
    findings.push(...got);
  }
  if (format === 'json') process.stdout.write(`${JSON.stringify(lintJson(linted, findings), null, 2)}\n`);
  else if (format === 'sarif') process.stdout.write(`${JSON.stringify(lintSarif(findings, PACKAGE_VERSION), null, 2)}\n`);
  else process.stdout.write(`${lintText(findings, linted.length).join('\n')}\n`);
  return lintExitCode(findings);
}
