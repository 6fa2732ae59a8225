/**
 * Reads a deck from `<slidesRoot>/<lang>/*.md` and validates it. A deck with any problem is
 * refused as a whole, so the presenter never starts with half the slides broken.
 */
import { readdir } from 'node:fs/promises';
import { readContentFile } from './content-file.js';
import { basename, join } from 'node:path';
import { SLIDES_DIR } from './package-paths.js';
import { buildDeck, formatSlideErrors, type SlideSource } from '../core/slides/deck.js';
import { langFromLocale, type LocaleEnv } from '../core/slides/lang.js';
import type { Lang } from '../core/lang.js';
import type { Deck, SlideError } from '../core/slides/types.js';

/** Thrown when the deck cannot be used; `message` is one `file:line: problem` line per problem. */
export class SlideDeckError extends Error {
  constructor(readonly errors: SlideError[]) {
    super(formatSlideErrors(errors));
    this.name = 'SlideDeckError';
  }
}

/** The `slides/` folder shipped with the package. */
export const BUNDLED_SLIDES_ROOT = SLIDES_DIR;

export async function loadDeck(slidesRoot: string, lang: Lang): Promise<Deck> {
  // Messages name files as `slides/de/01-x.md`, relative to the folder holding the slides.
  const shown = `${basename(slidesRoot)}/${lang}`;
  const dir = join(slidesRoot, lang);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'folder not found' : `cannot read folder (${code ?? String(err)})`;
    throw new SlideDeckError([{ file: shown, line: 0, message: `${why} at ${dir}: check the slides path` }]);
  }
  const read = await Promise.all(names.map(async (name) => ({ file: `${shown}/${name}`, r: await readContentFile(join(dir, name)) })));
  const unreadable: SlideError[] = read.flatMap(({ file, r }) => (r.ok ? [] : [{ file, line: r.line, message: r.message }]));
  if (unreadable.length) throw new SlideDeckError(unreadable);
  const sources: SlideSource[] = read.map(({ file, r }) => ({ file, text: r.ok ? r.text : '' }));
  const result = buildDeck(lang, sources, shown);
  if (!result.ok) throw new SlideDeckError(result.errors);
  return result.deck;
}

/** The deck language to use when none was asked for, from LC_ALL / LC_MESSAGES / LANG. */
export function defaultLang(env: LocaleEnv = process.env): Lang {
  return langFromLocale(env);
}
