/**
 * Claims and experiments: every `{claim:<id>}` in slides and labs must name a claim with an
 * experiment on the real engine, every experiment must exist, and docs/claims.md must match.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS, renderClaimsDoc, type Marked } from '../core/claims.js';
import { findClaims } from '../core/labs/claims-marker.js';
import { PACKAGE_ROOT } from './package-paths.js';

async function markdownFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(PACKAGE_ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...(await markdownFiles(rel)));
    else if (e.name.endsWith('.md')) out.push(rel);
  }
  return out.sort();
}

async function allMarks(): Promise<Marked[]> {
  const files = [...(await markdownFiles('slides')), ...(await markdownFiles('labs'))];
  const marks: Marked[] = [];
  for (const file of files) {
    for (const c of findClaims(await readFile(path.join(PACKAGE_ROOT, file), 'utf8'))) marks.push({ id: c.id, file, line: c.line });
  }
  return marks;
}

describe('claims', () => {
  it('every claim marked in a slide or lab has an experiment', async () => {
    const marks = await allMarks();
    expect(marks.length).toBeGreaterThan(20);
    const known = new Set(CLAIMS.map((c) => c.id));
    const unknown = marks.filter((m) => !known.has(m.id)).map((m) => `${m.file}:${m.line}: {claim:${m.id}} has no experiment in src/core/claims.ts`);
    expect(unknown).toEqual([]);
  });

  it('every experiment named for a claim exists as a test', async () => {
    const missing: string[] = [];
    for (const c of CLAIMS) {
      expect(c.tests.length, c.id).toBeGreaterThan(0);
      for (const t of c.tests) {
        const text = await readFile(path.join(PACKAGE_ROOT, t.file), 'utf8').catch(() => '');
        if (!text.includes(`it('${t.name}`) && !text.includes(`it("${t.name}`)) missing.push(`${c.id}: no test "${t.name}" in ${t.file}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('docs/claims.md lists every claim with its tests and where it is stated', async () => {
    const doc = renderClaimsDoc(await allMarks());
    const file = path.join(PACKAGE_ROOT, 'docs', 'claims.md');
    if (process.env.ZOMBIE_LAB_WRITE_CLAIMS === '1') await writeFile(file, doc);
    expect(await readFile(file, 'utf8').catch(() => ''), 'docs/claims.md is out of date: run ZOMBIE_LAB_WRITE_CLAIMS=1 npx vitest run src/engine/claims.test.ts').toBe(doc);
  });
});
