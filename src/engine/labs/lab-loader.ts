/** Reads every lab file under `labs/<lang>/` and validates them as one catalog. */
import { readdir } from 'node:fs/promises';
import { readContentFile } from '../content-file.js';
import path from 'node:path';
import { buildCatalog, type Catalog, type LabSource } from '../../core/labs/catalog.js';
import { formatLabErrors } from '../../core/labs/parse.js';
import type { LabFileError } from '../../core/labs/types.js';
import { LANGS } from '../../core/lang.js';
import { LABS_DIR } from '../package-paths.js';

export class LabFilesError extends Error {
  constructor(readonly errors: LabFileError[]) {
    super(formatLabErrors(errors));
    this.name = 'LabFilesError';
  }
}

export async function readLabSources(labsRoot = LABS_DIR): Promise<LabSource[]> {
  const shown = path.basename(labsRoot);
  const out: LabSource[] = [];
  for (const lang of LANGS) {
    let names: string[];
    try {
      names = (await readdir(path.join(labsRoot, lang))).filter((n) => n.endsWith('.md'));
    } catch {
      throw new LabFilesError([{ file: `${shown}/${lang}`, line: 0, message: `folder not found at ${path.join(labsRoot, lang)}: the package is incomplete, reinstall it` }]);
    }
    for (const name of names) {
      const file = `${shown}/${lang}/${name}`;
      const r = await readContentFile(path.join(labsRoot, lang, name));
      if (!r.ok) throw new LabFilesError([{ file, line: r.line, message: r.message }]);
      out.push({ lang, file, text: r.text });
    }
  }
  return out;
}

export async function loadCatalog(labsRoot = LABS_DIR): Promise<Catalog> {
  const r = buildCatalog(await readLabSources(labsRoot));
  if (!r.ok) throw new LabFilesError(r.errors);
  return r.catalog;
}
