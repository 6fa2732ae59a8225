/**
 * All labs of all languages: parsed, checked to match across languages, and found by id or
 * number. Pure: the loader reads the files.
 */
import { LANGS, type Lang } from '../lang.js';
import { parseLabFile } from './parse.js';
import type { Lab, LabFileError } from './types.js';

export interface LabSource {
  lang: Lang;
  /** Name used in messages, e.g. `labs/en/01-zombies.md`. */
  file: string;
  text: string;
}

export interface Catalog {
  byLang: Record<Lang, Lab[]>;
}

export type CatalogResult = { ok: true; catalog: Catalog } | { ok: false; errors: LabFileError[] };

export function buildCatalog(sources: SourcesLike): CatalogResult {
  const errors: LabFileError[] = [];
  const byLang = { de: [], en: [] } as Record<Lang, Lab[]>;
  for (const s of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const r = parseLabFile(s.file, s.text, s.lang);
    if (!r.ok) {
      errors.push(...r.errors);
      continue;
    }
    const base = s.file.split('/').at(-1) ?? '';
    if (!base.startsWith(`${r.lab.number}-`)) errors.push({ file: s.file, line: 0, message: `file name must start with the lab's number "${r.lab.number}-"` });
    const dup = byLang[s.lang].find((l) => l.id === r.lab.id || l.number === r.lab.number);
    if (dup) errors.push({ file: s.file, line: 0, message: `lab id or number repeats ${dup.file}: each lab needs its own id and number` });
    byLang[s.lang].push(r.lab);
  }
  if (errors.length) return { ok: false, errors };
  // Languages must carry the same labs with the same checks and the same number of steps.
  const [first, ...rest] = LANGS;
  for (const lang of rest) {
    for (const a of byLang[first]) {
      const b = byLang[lang].find((l) => l.id === a.id);
      if (!b) {
        errors.push({ file: a.file, line: 0, message: `no ${lang} version of lab "${a.id}": add labs/${lang}/${a.number}-....md` });
        continue;
      }
      if (b.number !== a.number || b.check !== a.check) errors.push({ file: b.file, line: 0, message: `number or check differs from ${a.file}` });
      if (b.steps.length !== a.steps.length) errors.push({ file: b.file, line: 0, message: `${b.steps.length} steps, but ${a.file} has ${a.steps.length}: keep the languages in step` });
    }
    for (const b of byLang[lang]) {
      if (!byLang[first].some((l) => l.id === b.id)) errors.push({ file: b.file, line: 0, message: `no ${first} version of lab "${b.id}"` });
    }
  }
  if (errors.length) return { ok: false, errors };
  for (const lang of LANGS) byLang[lang].sort((a, b) => a.number.localeCompare(b.number));
  return { ok: true, catalog: { byLang } };
}

type SourcesLike = readonly LabSource[];

/** `01`, `1`, `zombies` and `01-zombies` all name lab 01. */
export function findLab(catalog: Catalog, lang: Lang, ref: string): Lab | null {
  const r = ref.trim().toLowerCase();
  const num = /^\d+$/.test(r) ? r.padStart(2, '0') : null;
  return catalog.byLang[lang].find((l) => l.id === r || l.number === num || `${l.number}-${l.id}` === r) ?? null;
}
