/**
 * `zombie-lab lint` on the corpus in test/lint-corpus (expected findings in expected.json,
 * tricky ones included: JSON form with sh -c, bash -c that execs, multi-stage, ENTRYPOINT + CMD,
 * heredocs, line continuations), and the real binary's text, JSON and SARIF output and exit codes.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindOfFile, lintFile } from '../core/lint/lint.js';
import { CLI_ENTRY, PACKAGE_ROOT } from '../engine/package-paths.js';

const ROOT = path.join(PACKAGE_ROOT, 'test', 'lint-corpus');
const expected = JSON.parse(readFileSync(path.join(ROOT, 'expected.json'), 'utf8')) as Record<string, [number, string][]>;
const files = readdirSync(ROOT, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(path.join(ROOT, d.name)).map((f) => `${d.name}/${f}`));

const cli = (args: string[]) => spawnSync(process.execPath, [CLI_ENTRY, 'lint', ...args], { encoding: 'utf8', cwd: ROOT });

describe('lint corpus', () => {
  it('every corpus file has its expected findings listed', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(files)('%s', (rel) => {
    const file = path.join(ROOT, rel);
    const text = readFileSync(file, 'utf8');
    const kind = kindOfFile(file, text);
    expect(kind).not.toBeNull();
    const got = lintFile(rel, kind!, text, (p) => {
      try {
        return readFileSync(path.join(path.dirname(file), path.basename(p)), 'utf8');
      } catch {
        return null;
      }
    });
    expect(got.map((f) => [f.line, f.rule])).toEqual(expected[rel]);
    for (const f of got) {
      expect(f.fix.length).toBeGreaterThan(0);
      expect(f.lab).toMatch(/^zombie-lab lab /);
    }
  });
});

describe('zombie-lab lint, the binary', () => {
  it('text: file:line, rule, reason, fix and the lab; exit 1 on findings, 0 on a clean file', () => {
    const r = cli(['shell-form/Dockerfile']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^shell-form\/Dockerfile:3: error shell-form-cmd: shell-form CMD: PID 1 becomes \/bin\/sh -c/m);
    expect(r.stdout).toMatch(/^ {2}fix: CMD \["python3","\/app.py"\]/m);
    expect(r.stdout).toMatch(/^ {2}learn: zombie-lab lab signals/m);
    expect(cli(['good/Dockerfile', 'multi-stage/Dockerfile']).status).toBe(0);
    // Notes alone do not fail a build.
    expect(cli(['bash-c/Dockerfile']).status).toBe(0);
  });

  it('JSON and SARIF 2.1.0', () => {
    const j = JSON.parse(cli(['compose', '--format', 'json']).stdout) as { files: string[]; findings: { rule: string }[]; exitCode: number };
    expect(j.files).toEqual(['compose/compose.yaml']);
    expect(j.exitCode).toBe(1);
    const s = JSON.parse(cli(['k8s/deployment.yaml', '--format', 'sarif']).stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    expect(s.version).toBe('2.1.0');
    const run = s.runs[0]!;
    expect(run.results.map((x) => [x.ruleId, x.level, x.locations[0]?.physicalLocation.region.startLine])).toEqual([
      ['k8s-sh-c', 'error', 12],
      ['k8s-no-share-pid-ns', 'note', 8],
      ['k8s-share-pid-ns', 'note', 20],
    ]);
    expect(run.tool.driver.rules.map((x) => x.id).sort()).toEqual(['k8s-no-share-pid-ns', 'k8s-sh-c', 'k8s-share-pid-ns']);
  });

  it('a folder is walked with its subfolders (not dot-folders), and the summary counts the files', () => {
    const r = cli([]);
    expect(r.status).toBe(1);
    const shown = new Set([...r.stdout.matchAll(/^([\w./-]+):\d+: /gm)].map((m) => m[1]));
    const withFindings = Object.entries(expected).filter(([, f]) => f.length).map(([f]) => f);
    expect([...shown].sort()).toEqual(withFindings.sort());
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(new RegExp(` in ${files.length} files$`));
  });

  it('usage errors exit 2 with one line', () => {
    const missing = cli(['nope/Dockerfile']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe('zombie-lab lint: nope/Dockerfile: no such file or folder');
    expect(cli(['expected.json']).status).toBe(2);
    expect(cli(['good', '--format', 'xml']).status).toBe(2);
  });
});
