/**
 * `zombie-lab lint [FILE|FOLDER...] [--format text|json|sarif]`: static PID 1 checks of Dockerfiles,
 * compose files, Kubernetes manifests and entrypoint scripts; no engine needed. A folder stands for
 * the Dockerfiles, compose files and manifests in it and its subfolders (scripts count where a
 * Dockerfile runs them); no argument: the current folder. A file lint cannot read is said in one
 * line on stderr and the others are still linted.
 */
import { lintJson, lintSarif, lintText } from '../core/lint/lint.js';
import { lintExitCode, type ImageFacts } from '../core/lint/types.js';
import { lintWords } from '../core/lint/lint-text.js';
import { problemIn, problemOf } from '../core/problem-text.js';
import { readImageFacts } from '../engine/image-facts.js';
import { lintPaths } from '../engine/lint-files.js';
import { CommandOutput } from './command-output.js';
import { EXIT_USAGE } from './exit-codes.js';
import { defaultLang } from '../engine/slides-loader.js';
import type { Lang } from '../core/lang.js';

export interface LintCliOptions {
  /** Checked by commander (`.choices()`). */
  format?: 'text' | 'json' | 'sarif';
  json?: boolean;
  /** Messages and fixes in this language (rule ids never change); default from the locale. */
  lang?: Lang;
}

const PACKAGE_VERSION = '0.1.0';

export async function runLint(args: string[], o: LintCliOptions): Promise<number> {
  const format = o.json ? 'json' : (o.format ?? 'text');
  const lang = o.lang ?? defaultLang();
  const output = new CommandOutput(format !== 'text');
  // First without the engine, noting the images lint would like to see; where some are on the
  // engine (never pulled), again with what they say of their ENTRYPOINT and CMD.
  const asked: string[] = [];
  let run = lintPaths(args, { lang, imageFacts: (ref) => (asked.push(ref), null) });
  const facts = run.missing.length ? new Map<string, ImageFacts>() : await readImageFacts(asked);
  if (facts.size > 0) {
    run = lintPaths(args, { lang, imageFacts: (ref) => facts.get(ref) ?? null });
    output.say(`zombie-lab lint: read from this engine's images (not pulled): ${[...facts.keys()].join(', ')}`);
  }
  for (const m of run.missing) {
    const p = problemIn(lang, problemOf({ id: 'no-such-path', path: m }));
    output.say(`zombie-lab lint: ${p.message} (${lintWords(lang).fix}: ${p.fix})`);
  }
  if (run.missing.length > 0) return EXIT_USAGE;
  for (const p of run.problems) output.say(`zombie-lab lint: ${p}`);
  if (format === 'json') output.json(lintJson(run.linted, run.findings, run.unjudged, lang), 'indented');
  else if (format === 'sarif') output.json(lintSarif(run.findings, PACKAGE_VERSION, lang), 'indented');
  else output.result(`${lintText(run.findings, run.unjudged, run.linted.length, lang).join('\n')}\n`);
  return lintExitCode(run.findings);
}
