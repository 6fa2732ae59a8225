/** `zombie-lab lint`: which rules a file gets, and the text, JSON and SARIF reports. Pure. */
import { lintDockerfile } from './dockerfile.js';
import { endsInExec } from './shell-command.js';
import { LAB_LINKS, lintExitCode, type FileKind, type LintFinding } from './types.js';
import { kindOfYaml, lintCompose, lintKubernetes } from './yaml-files.js';

export function kindOfFile(name: string, text: string): FileKind | null {
  const b = name.slice(name.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Containerfile)(\..+)?$/i.test(b) || /\.(dockerfile|containerfile)$/i.test(b)) return 'dockerfile';
  if (/\.(ya?ml)$/i.test(b)) return kindOfYaml(text);
  if (/\.(sh|bash)$/i.test(b) || /^#!.*\b(sh|bash|dash)\b/.test(text)) return 'script';
  return null;
}

export function lintScript(file: string, text: string): LintFinding[] {
  const r = endsInExec(text);
  if (r.ok || !r.last) return [];
  return [{ file, line: r.last.line, rule: 'entrypoint-script-no-exec', level: 'warning', message: `"${r.last.text}" is the last command without exec: if this script is the entrypoint, the shell stays PID 1 and never passes SIGTERM on`, fix: `exec ${r.last.text}`, lab: LAB_LINKS.signals }];
}

export function lintFile(file: string, kind: FileKind, text: string, readContext?: (p: string) => string | null): LintFinding[] {
  switch (kind) {
    case 'dockerfile':
      return lintDockerfile(file, text, readContext);
    case 'compose':
      return lintCompose(file, text);
    case 'kubernetes':
      return lintKubernetes(file, text);
    case 'script':
      return lintScript(file, text);
  }
}

export function lintText(findings: readonly LintFinding[], fileCount?: number): string[] {
  const lines: string[] = [];
  for (const f of findings) lines.push(`${f.file}:${f.line}: ${f.level} ${f.rule}: ${f.message}`, `  fix: ${f.fix}`, `  learn: ${f.lab}`);
  const counted = findings.filter((f) => f.level !== 'note').length;
  lines.push(`${findings.length} finding${findings.length === 1 ? '' : 's'} (${counted} error${counted === 1 ? '' : 's'} or warning${counted === 1 ? '' : 's'}, ${findings.length - counted} notes)${fileCount === undefined ? '' : ` in ${fileCount} file${fileCount === 1 ? '' : 's'}`}`);
  return lines;
}

export function lintJson(files: string[], findings: LintFinding[]) {
  return { version: 1, files, findings, exitCode: lintExitCode(findings) };
}

/** SARIF 2.1.0, the format code-scanning UIs read. */
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
        })),
      },
    ],
  };
}
