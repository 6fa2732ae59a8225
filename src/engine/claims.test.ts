/**
 * Claims and experiments: every `{claim:<id>}` in slides and labs must name a claim with an
 * experiment on the real engine, every experiment must exist, and docs/claims.md must match.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAIMS, renderClaimsDoc, type Marked } from '../core/claims.js';
import { unclaimedStatements, type Exception } from '../core/claims-coverage.js';
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

/**
 * Teaching units that name a signal, reaping, an exit code or an init but are no claim a run
 * can check. Kept short: each entry says why it needs no experiment.
 */
const NOT_CLAIMS: Exception[] = [
  { match: /how to reap zombies/, reason: 'the title slide names the topic and teaches nothing yet' },
  { match: /^## (Sources|Quellen)/m, reason: 'the sources slide lists where the facts come from' },
  { match: /^### s6-overlay/m, reason: "s6-overlay's stages as its README gives them: the lab's images have s6, not s6-overlay, and nothing can be pulled" },
  { match: /^(Then run the automatic check|The check runs|Der Check (?:baut|führt)|Dann der automatische Check)/, reason: "what the lab's own check does: the lab attempts test runs it, right and wrong" },
  { match: /^Note:\n(Processes form a tree|Prozesse bilden einen Baum)/m, reason: 'the process tree that ps and pstree show: the duties of PID 1 come on the next slides, with claims' },
  { match: /^(Everything so far ran|Bisher lief alles)/, reason: 'lab 07 opens with the questions lint and inspect answer, not with a statement' },
  { match: /^(The workspace holds an image|Der (Workspace|Arbeitsordner) enthält ein Image)/, reason: "lab 07's starting files as written, described; what each does is claimed where it is taught" },
];

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

  it('every teaching statement about signals, reaping, exit codes, PID limits or inits carries a claim', async () => {
    const files = [...(await markdownFiles('slides')), ...(await markdownFiles('labs'))];
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(PACKAGE_ROOT, file), 'utf8');
      for (const s of unclaimedStatements(text, file.startsWith('slides') ? 'slides' : 'labs', NOT_CLAIMS)) {
        found.push(`${file}:${s.line}: ${s.text.replace(/\s+/g, ' ').slice(0, 100)}`);
      }
    }
    expect(found, 'mark each with {claim:<id>} (src/core/claims.ts), or add a reasoned exception to NOT_CLAIMS').toEqual([]);
  });

  it('docs/claims.md lists every claim with its tests and where it is stated', async () => {
    const doc = renderClaimsDoc(await allMarks());
    const file = path.join(PACKAGE_ROOT, 'docs', 'claims.md');
    if (process.env.ZOMBIE_LAB_WRITE_CLAIMS === '1') await writeFile(file, doc);
    expect(await readFile(file, 'utf8').catch(() => ''), 'docs/claims.md is out of date: run ZOMBIE_LAB_WRITE_CLAIMS=1 npx vitest run src/engine/claims.test.ts').toBe(doc);
  });
});
