import { describe, expect, it } from 'vitest';
import { buildCatalog, findLab, type LabSource } from './catalog.js';

const lab = (lang: 'de' | 'en', n: string, id: string, steps: number, check = 'zombies'): LabSource => ({
  lang,
  file: `labs/${lang}/${n}-${id}.md`,
  text: ['---', `id: ${id}`, `number: "${n}"`, 'title: T', 'summary: S', `check: ${check}`, '---', ...Array.from({ length: steps }, (_, i) => `## Step ${i + 1}\ntext`)].join('\n'),
});

describe('buildCatalog', () => {
  it('orders labs by number and finds them by number, id or both', () => {
    const r = buildCatalog([lab('en', '02', 'b', 1, 'signals'), lab('en', '01', 'a', 1), lab('de', '02', 'b', 1, 'signals'), lab('de', '01', 'a', 1)]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.catalog.byLang.en.map((l) => l.id)).toEqual(['a', 'b']);
    for (const ref of ['2', '02', 'b', '02-b']) expect(findLab(r.catalog, 'de', ref)?.id).toBe('b');
    expect(findLab(r.catalog, 'en', 'zzz')).toBeNull();
  });

  it('reports a lab missing in one language and a step count that differs', () => {
    const r = buildCatalog([lab('en', '01', 'a', 2), lab('de', '01', 'a', 1), lab('en', '02', 'b', 1)]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.file}: ${e.message.slice(0, 30)}`)).toEqual([
      'labs/en/01-a.md: 2 steps, but labs/de/01-a.md h',
      'labs/en/02-b.md: no de version of lab "b"',
    ]);
  });

  it('wants the file name to start with the number', () => {
    const bad = { ...lab('en', '01', 'a', 1), file: 'labs/en/zombies.md' };
    const r = buildCatalog([bad, lab('de', '01', 'a', 1)]);
    expect(r.ok ? [] : r.errors.map((e) => e.file)).toEqual(['labs/en/zombies.md']);
  });
});
