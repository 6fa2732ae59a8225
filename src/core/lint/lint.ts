/** `zombie-lab lint`: which rules a file gets, and the text, JSON and SARIF reports. Pure. */
import { isShellShebang } from '../shell/syntax.js';
import { lintDockerfile } from './dockerfile.js';
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
      return { findings: lintEntrypointScript(file, text, null), unjudged: [] };
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Text: each finding with its fix and lab; what was not judged, one line a file; one line per problem file. */
export function lintText(findings: readonly LintFinding[], unjudged: readonly LintUnjudged[] = [], fileCount?: number): string[] {
  const lines: string[] = [];
  for (const f of findings) lines.push(`${f.file}:${f.line}: ${f.level} ${f.rule}: ${f.message}`, `  fix: ${f.fix}`, `  learn: ${f.lab}`);
  const byFile = new Map<string, LintUnjudged[]>();
  for (const u of unjudged) byFile.set(u.file, [...(byFile.get(u.file) ?? []), u]);
  for (const [file, us] of byFile) {
    const first = us[0]!;
    lines.push(us.length === 1 ? `${file}:${first.line}: not judged: ${first.what} ${first.why}` : `${file}: not judged: ${plural(us.length, 'service or container')} run their image's own command, which lint cannot see (${us.slice(0, 3).map((u) => u.what).join(', ')}${us.length > 3 ? ', …' : ''}); zombie-lab inspect checks them running`);
  }
  const counted = findings.filter((f) => f.level !== 'note').length;
  const s = counted === 1 ? '' : 's';
  lines.push(`${plural(findings.length, 'finding')} (${counted} error${s} or warning${s}, ${plural(findings.length - counted, 'note')})${fileCount === undefined ? '' : ` in ${plural(fileCount, 'file')}`}`);
  return lines;
}

export function lintJson(files: string[], findings: LintFinding[], unjudged: LintUnjudged[] = []) {
  return { version: 1, files, findings, unjudged, exitCode: lintExitCode(findings) };
}

/** SARIF 2.1.0, the format code-scanning UIs read; a one-line fix goes in as a SARIF fix. */
export function lintSarif(findings: readonly LintFinding[], toolVersion: string) {
  const rules = [...new Map(findings.map((f) => [f.rule, f])).values()].map((f) => ({
    id: f.rule,
    shortDescription: { text: f.rule.replace(/-/g, ' ') },
    help: { text: `${f.fix}\n${f.lab}` },
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'zombie-lab lint', version: toolVersion, rules } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          level: f.level,
          message: { text: `${f.message}. Fix: ${f.fix}` },
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
