/** The German slides, labs and lab runner use the lesson's one terminology (core/german-terms.ts). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { oldGermanTerms } from '../core/german-terms.js';
import { labRunnerStrings } from '../test-support/screen-check.js';
import { PACKAGE_ROOT } from './package-paths.js';

describe('German terminology in the content', () => {
  it('the German slides and labs use no old term', async () => {
    const found: string[] = [];
    let files = 0;
    for (const dir of ['slides/de', 'labs/de']) {
      for (const f of (await readdir(path.join(PACKAGE_ROOT, dir))).filter((n) => n.endsWith('.md'))) {
        files++;
        const lines = (await readFile(path.join(PACKAGE_ROOT, dir, f), 'utf8')).split('\n');
        lines.forEach((l, i) => found.push(...oldGermanTerms(l).map((t) => `${dir}/${f}:${i + 1}: ${t}`)));
      }
    }
    expect(files).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('the lab runner says nothing in an old term', () => {
    const de = labRunnerStrings('de');
    expect(de.length).toBeGreaterThan(20);
    expect(de.flatMap((s) => oldGermanTerms(s).map((t) => `${s}: ${t}`))).toEqual([]);
  });
});
