import { describe, expect, it } from 'vitest';
import { LINT_RULES, LINT_TEXT } from './lint-text.js';
import { LANGS } from '../slides/types.js';

describe('lint text tables', () => {
  it('every rule id has its own description in each language, and German differs from English', () => {
    for (const rule of LINT_RULES) {
      for (const lang of LANGS) expect(LINT_TEXT[lang].rules[rule].trim(), `${lang} ${rule}`).not.toBe('');
      expect(LINT_TEXT.de.rules[rule], rule).not.toBe(LINT_TEXT.en.rules[rule]);
    }
    // No other rule slipped into a table.
    for (const lang of LANGS) expect(Object.keys(LINT_TEXT[lang].rules).sort()).toEqual([...LINT_RULES].sort());
  });

  it('says levels, labs and the summary in German, with the lab commands unchanged', () => {
    const de = LINT_TEXT.de;
    expect(de.levels).toEqual({ error: 'Fehler', warning: 'Warnung', note: 'Hinweis' });
    for (const [topic, text] of Object.entries(de.labs)) expect(text.split(' (')[0]).toBe(LINT_TEXT.en.labs[topic as keyof typeof de.labs].split(' (')[0]);
    expect(de.summary(3, 2, 1, 1)).toBe('3 Befunde (2 Fehler oder Warnungen, 1 Hinweis) in 1 Datei');
    expect(LINT_TEXT.en.summary(1, 1, 0, 2)).toBe('1 finding (1 error or warning, 0 notes) in 2 files');
  });
});
