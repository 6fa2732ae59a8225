/** `zombie-lab lint`: which rules a file gets, and the text, JSON and SARIF reports. Pure. */
import { isShellShebang } from '../shell/syntax.js';
import { lintDockerfile } from './dockerfile.js';
import { lintWords, type LintRuleId } from './lint-text.js';
import type { Lang } from '../slides/types.js';
import { lintEntrypointScript } from './script-rule.js';
import { lintExitCode, type FileKind, type LintContext, type LintFinding, type LintResult, type LintUnjudged } from './types.js';
import { kindOfYaml, lintCompose, lintKubernetes } from './yaml-files.js';

export function isDockerfileName(name: string): boolean {
  const b = name.slice(name.lastIndexOf('/') + 1);
  return /^(Dockerfile|Containerfile)([-._].+)?$/i.test(b) || /[-._](dockerfile|containerfile)$/i.test(b);
}

export const isYamlName = (name: string) => /\.(ya?ml)$/i.test(name);

/** What kind of file this is, from its name and (for YAML and scripts) its content; null: none lint reads. */
export function kindOfFile(name: string, text: string): FileKind | null {
  if (isDockerfileName(name)) return 'dockerfile';
  if (isYamlName(name)) return kindOfYaml(text);
  const b = name.slice(name.lastIndexOf('/') + 1);
  if (/\.(sh|bash)$/i.test(b) || isShellShebang(text)) return 'script';
  return null;
}

/**
 * One file. A script is judged as PID 1 only here, when it is named on its own (the user says it
 * is an entrypoint); in a folder lint reaches scripts only through the Dockerfile that runs them.
 */
export function lintFile(file: string, kind: FileKind, text: string, ctx: LintContext = {}): LintResult {
  switch (kind) {
    case 'dockerfile':
      return lintDockerfile(file, text, ctx);
    case 'compose':
      return lintCompose(file, text, ctx);
    case 'kubernetes':
      return lintKubernetes(file, text, ctx);
    case 'script':
      return { findings: lintEntrypointScript(file, text, null, 0, lintWords(ctx.lang)), unjudged: [] };
  }
}

/** Text: each finding with its fix and lab; what was not judged, one line a file; one line per problem file. */
export function lintText(findings: readonly LintFinding[], unjudged: readonly LintUnjudged[] = [], fileCount?: number, lang: Lang = 'en'): string[] {
  const t = lintWords(lang);
  const lines: string[] = [];
  for (const f of findings) lines.push(`${f.file}:${f.line}: ${t.levels[f.level]} ${f.rule}: ${f.message}`, `  ${t.fix}: ${f.fix}`, `  ${t.learn}: ${f.lab}`);
  const byFile = new Map<string, LintUnjudged[]>();
  for (const u of unjudged) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u]);
  for (const [file, us] of byFile) {
    const first = us[0]!;
    lines.push(us.length === 1 ? `${file}:${first.line}: ${t.notJudged}: ${first.what} ${first.why}` : `${file}: ${t.notJudged}: ${t.notJudgedMany(us.length, `${us.slice(0, 3).map((u) => u.what).join(', ')}${us.length > 3 ? ', …' : ''}`)}`);
  }
  const counted = findings.filter((f) => f.level !== 'note').length;
  lines.push(t.summary(findings.length, counted, findings.length - counted, fileCount));
  return lines;
}

/** JSON: rule ids and levels stay as they are; messages, fixes and labs are in `lang`, which it names. */
export function lintJson(files: string[], findings: LintFinding[], unjudged: LintUnjudged[] = [], lang: Lang = 'en') {
  return { version: 1, lang, files, findings, unjudged, exitCode: lintExitCode(findings) };
}

/** SARIF 2.1.0, the format code-scanning UIs read; a one-line fix goes in as a SARIF fix. */
export function lintSarif(findings: readonly LintFinding[], toolVersion: string, lang: Lang = 'en') {
  const t = lintWords(lang);
  const rules = [...new Map(findings.map((f) => [f.rule, f])).values()].map((f) => ({
    id: f.rule,
    shortDescription: { text: t.rules[f.rule as LintRuleId] ?? f.rule.replace(/-/g, ' ') },
    help: { text: `${f.fix}\n${f.lab}` },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        language: lang,
        tool: { driver: { name: 'zombie-lab lint', version: toolVersion, rules } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: f.level,
          message: { text: `${f.message}. ${t.sarifFix}: ${f.fix}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: Math.max(1, f.line) } } }],
          ...(f.edit
            ? {
                fixes: [
                  {
                    description: { text: f.fix },
                    artifactChanges: [{ artifactLocation: { uri: f.file }, replacements: [{ deletedRegion: { startLine: f.edit.line, endLine: f.edit.endLine }, insertedContent: { text: `${f.edit.text}\n` } }] }],
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
