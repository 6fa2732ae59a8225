/**
 * lint on real files nobody here wrote: test/real-world/files holds Dockerfiles, entrypoint and hook
 * scripts, compose files and manifests taken unchanged from public repositories (each with its
 * repository, commit, path and licence in test/real-world/expected/<owner>__<repo>.json), and the
 * findings a reader expects of each, judged by reading the files. lint runs on each repository's
 * folder as a user runs it in a checkout; the test prints precision and recall and fails below
 * precision 95 % or recall 90 %.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from './lint-files.js';
import { PACKAGE_ROOT } from './package-paths.js';

/** Another corpus of the same layout can be measured the same way: ZOMBIE_LAB_REAL_WORLD_DIR=/path npx vitest run this file. */
const OWN = path.join(PACKAGE_ROOT, 'test', 'real-world');
const ROOT = process.env.ZOMBIE_LAB_REAL_WORLD_DIR ? path.resolve(process.env.ZOMBIE_LAB_REAL_WORLD_DIR) : OWN;
const FILES = path.relative(process.cwd(), path.join(ROOT, 'files'));

interface Expected {
  repo: string;
  commit: string;
  licence: string;
  files: string[];
  expected: [string, number, string, string?][];
}

const corpus = readdirSync(path.join(ROOT, 'expected'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ dir: f.replace(/\.json$/, ''), e: JSON.parse(readFileSync(path.join(ROOT, 'expected', f), 'utf8')) as Expected }));

const key = (file: string, line: number, rule: string) => `${file}:${line}: ${rule}`;

describe('the real-world corpus', () => {
  it('records where every file came from', () => {
    const repos = new Set(corpus.map((c) => c.e.repo));
    const files = corpus.flatMap((c) => c.e.files.map((f) => path.join(c.dir, f)));
    if (ROOT === OWN) {
      expect(repos.size).toBeGreaterThanOrEqual(30);
      expect(files.length).toBeGreaterThanOrEqual(150);
    }
    for (const c of corpus) {
      expect(c.e.commit, c.dir).toMatch(/^[0-9a-f]{40}$/);
      expect(c.e.licence, c.dir).toMatch(/MIT|BSD|Apache|ISC|CC0|MPL|Unlicense/i);
      expect(c.dir).toBe(c.e.repo.replace('/', '__'));
      for (const f of c.e.files) expect(existsSync(path.join(ROOT, 'files', c.dir, f)), `${c.dir}/${f}`).toBe(true);
    }
  });

  it('lint finds what a reader finds: precision >= 95 %, recall >= 90 %', () => {
    let tp = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    const perRepo: string[] = [];
    for (const c of corpus) {
      const dir = path.join(FILES, c.dir);
      const run = lintPaths([dir]);
      const got = new Set(run.findings.map((f) => key(path.relative(dir, f.file), f.line, f.rule)));
      const want = new Set(c.e.expected.map(([f, l, r]) => key(f, l, r)));
      let hit = 0;
      for (const g of got) {
        if (want.has(g)) hit++;
        else wrong.push(`${c.dir}/${g}`);
      }
      for (const w of want) if (!got.has(w)) missed.push(`${c.dir}/${w}`);
      tp += hit;
      perRepo.push(`${c.e.repo}: ${hit}/${want.size} expected found, ${got.size - hit} not expected`);
    }
    const reported = tp + wrong.length;
    const expectedCount = tp + missed.length;
    const precision = reported === 0 ? 1 : tp / reported;
    const recall = expectedCount === 0 ? 1 : tp / expectedCount;
    const report = [
      `lint on the real-world corpus: ${corpus.length} repositories, ${reported} findings, ${expectedCount} expected`,
      `precision ${(precision * 100).toFixed(1)} % (${tp}/${reported}), recall ${(recall * 100).toFixed(1)} % (${tp}/${expectedCount})`,
      ...wrong.map((w) => `  not expected: ${w}`),
      ...missed.map((m) => `  missed:       ${m}`),
    ];
    console.log(report.join('\n'));
    void perRepo;
    expect(precision, report.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(recall, report.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
