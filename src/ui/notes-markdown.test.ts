/**
 * Every speaker note of the bundled decks as `zombie-lab notes` shows it (issue 22 row 4):
 * rendered by the slides' own Markdown renderer, with no claim marker and no Markdown syntax
 * left on the screen, in both languages and colour modes.
 */
import { describe, expect, it } from 'vitest';
import { uiText } from '../core/i18n.js';
import { notesMessage, notesScreen } from '../core/speaker-notes.js';
import { stripAnsi, visibleWidth } from '../core/text-wrap.js';
import { BUNDLED_SLIDES_ROOT, loadDeck } from '../engine/slides-loader.js';
import { markdownLines } from './markdown-lines.js';

/** What Markdown source looks like when it was not rendered. */
const SYNTAX = [/\{claim:/, /`/, /\*\*/, /\]\(/, /^#+ /m, /(^|\s)_\S/];

describe('speaker notes on the notes screen', () => {
  for (const lang of ['en', 'de'] as const) {
    for (const noColor of [true, false]) {
      it(`${lang}${noColor ? ', no colour' : ''}: no claim marker and no Markdown syntax on any slide, every row within 80 columns`, async () => {
        const { slides } = await loadDeck(BUNDLED_SLIDES_ROOT, lang);
        expect(slides.some((s) => /\{claim:|`/.test(s.notes))).toBe(true); // the decks do have both to hide
        for (let i = 0; i < slides.length; i++) {
          const lines = notesScreen(notesMessage(slides, i, false, 0), new Date(), uiText(lang), 80, 200, (md, w) => markdownLines(md, w, noColor));
          const text = lines.map(stripAnsi).join('\n');
          for (const re of SYNTAX) expect(text, `slide ${i + 1}: ${re.source}`).not.toMatch(re);
          for (const l of lines) expect(visibleWidth(l)).toBeLessThanOrEqual(80);
        }
      });
    }
  }
});
