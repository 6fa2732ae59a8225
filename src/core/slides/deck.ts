/**
 * A deck is all slide files of one language, in file-name order. Pure: the loader reads the
 * files, this decides whether they make a usable deck.
 */
import { parseSlideFile } from './parse.js';
import type { Lang } from '../lang.js';
import type { Deck, Slide, SlideError } from './types.js';

export interface SlideSource {
  /** Name used in messages, e.g. `slides/de/01-titel.md`. */
  file: string;
  text: string;
}

export type DeckResult = { ok: true; deck: Deck } | { ok: false; errors: SlideError[] };

/** `folder` names the deck's folder in messages when it holds no slides at all. */
export function buildDeck(lang: Lang, sources: SlideSource[], folder = `slides/${lang}`): DeckResult {
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const slides: Slide[] = [];
  const errors: SlideError[] = [];
  for (const source of ordered) {
    const result = parseSlideFile(source.file, source.text);
    if (result.ok) slides.push(...result.slides);
    else errors.push(...result.errors);
  }
  if (errors.length > 0) return { ok: false, errors };
  if (slides.length === 0) {
    return { ok: false, errors: [{ file: folder, line: 0, message: 'no slides found: add Markdown files like 01-intro.md' }] };
  }
  return { ok: true, deck: { lang, slides } };
}

/** One line per problem, `file:line: message`, the form editors and terminals can jump to. */
export function formatSlideErrors(errors: SlideError[]): string {
  return errors.map((e) => (e.line > 0 ? `${e.file}:${e.line}: ${e.message}` : `${e.file}: ${e.message}`)).join('\n');
}
