/** Placeholder until the Ink lab runner lands: prints the lab list. */
import type { Catalog } from '../core/labs/catalog.js';
import type { Progress } from '../core/labs/progress.js';
import type { Lang } from '../core/slides/types.js';

export interface LabAppInput {
  catalog: Catalog;
  lang: Lang;
  progress: Progress;
  root: string;
  progressPath: string;
  labId?: string;
}

export async function runLabApp(input: LabAppInput): Promise<number> {
  for (const l of input.catalog.byLang[input.lang]) process.stdout.write(`${l.number}  ${l.title}\n`);
  return 0;
}
