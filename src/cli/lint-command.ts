/**
 * `zombie-lab lint [FILE...] [--format text|json|sarif]`: static PID 1 checks of Dockerfiles,
 * compose files, Kubernetes pod specs and entrypoint scripts; no engine needed. A folder stands
 * for the files in it that lint knows; no argument: the current folder.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { lintJson, lintSarif, lintText } from '../core/lint/lint.js';
import { lintOnDisk } from '../engine/lint-files.js';
import { lintExitCode, type LintFinding } from '../core/lint/types.js';

export interface LintCliOptions {
  format?: string;
  json?: boolean;
}

const PACKAGE_VERSION = '0.1.0';

function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /^(Dockerfile|Containerfile)/i.test(n) || /\.(ya?ml|dockerfile|sh)$/i.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

export function runLint(args: string[], o: LintCliOptions): number {
  const format = o.json ? 'json' : (o.format ?? 'text');
  if (!['text', 'json', 'sarif'].includes(format)) {
    process.stderr.write(`zombie-lab lint: --format must be text, json or sarif, got "${format}"\n`);
    return 2;
  }
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
  else process.stdout.write(`${lintText(findings).join('\n')}\n`);
  return lintExitCode(findings);
}
