/**
 * Reading a captured screen the way a presenter's audience would: what is cut off with "…",
 * how tall each lane's plot is, which English words of the app show under `--lang de`, and which
 * old German terms (core/german-terms.ts) show there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { UI_TEXT, type UiText } from '../core/i18n.js';
import { BINDINGS } from '../core/keymap.js';
import { LAB_BINDINGS } from '../core/lab-keymap.js';
import { oldGermanTerms } from '../core/german-terms.js';
import { LAB_TEXT } from '../core/lab-text.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';

/** The column of the border between slide and lanes (AppFrame's arithmetic), or null when the slide has the whole width. */
export function borderColumn(screen: string, columns: number): number | null {
  const col = Math.max(34, Math.floor(columns * 0.45));
  const lines = screen.split('\n').slice(0, -2);
  const withBorder = lines.filter((l) => [...l][col] === '│').length;
  return withBorder >= lines.length - 1 && withBorder > 0 ? col : null;
}

/** Left and right pane of each line (the right one empty when the slide has the whole width). */
export function panes(screen: string, columns: number): { left: string[]; right: string[] } {
  const col = borderColumn(screen, columns);
  const lines = screen.split('\n');
  if (col === null) return { left: lines, right: [] };
  return {
    left: lines.map((l) => [...l].slice(0, col).join('')),
    right: lines.map((l) => [...l].slice(col + 1).join('')),
  };
}

/** Every piece of the screen that ends in a truncation "…": a pane's row that was cut at its edge. */
export function cutCells(screen: string, columns: number): string[] {
  const { left, right } = panes(screen, columns);
  return [...left, ...right].map((l) => l.trimEnd()).filter((l) => l.endsWith('…'));
}

/** Heights of the plots in a pane: runs of rows that start with the y axis (`256┤`, `   │`). */
export function plotHeights(pane: string[]): number[] {
  const heights: number[] = [];
  let run = 0;
  for (const line of pane) {
    if (/^\s*\d*[┤│]/.test(line)) run++;
    else if (run > 0) {
      heights.push(run);
      run = 0;
    }
  }
  if (run > 0) heights.push(run);
  return heights;
}

function catalogStrings(t: UiText | object): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'function') {
      try {
        walk((v as (...a: unknown[]) => unknown)('X', 'X', true, true));
      } catch {
        // a function that needs real arguments: its fixed words are covered by the others
      }
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(t);
  return out;
}

const words = (texts: string[]): Set<string> => new Set(texts.flatMap((s) => s.match(/[A-Za-zÄÖÜäöüß]{3,}/g) ?? []).map((w) => w.toLowerCase()));

/** Words of the German slides (or labs): an English word there is the author's, not the app's. */
function germanContentWords(folder: 'slides' | 'labs' = 'slides'): Set<string> {
  const dir = path.join(PACKAGE_ROOT, folder, 'de');
  return words(readdirSync(dir).map((f) => readFileSync(path.join(dir, f), 'utf8')));
}
const germanSlideWords = (): Set<string> => germanContentWords('slides');

/** English words of the app (its catalog and key help) that its German side never uses. */
export function englishOnlyWords(): Set<string> {
  const de = words([...catalogStrings(UI_TEXT.de), ...BINDINGS.map((b) => b.help.de)]);
  const slides = germanSlideWords();
  const en = words([...catalogStrings(UI_TEXT.en), ...BINDINGS.map((b) => b.help.en)]);
  return new Set([...en].filter((w) => !de.has(w) && !slides.has(w)));
}

/** The app's English words on a screen that should be German. */
export function englishOnScreen(screen: string, english = englishOnlyWords()): string[] {
  return [...words([screen])].filter((w) => english.has(w));
}

/** English words of the lab runner (its words and its key table) that its German side and the German labs never use. */
export function englishOnlyLabWords(): Set<string> {
  const de = words([...catalogStrings(LAB_TEXT.de), ...LAB_BINDINGS.flatMap((b) => [b.help.de, b.hint?.de ?? ''])]);
  const labs = germanContentWords('labs');
  const en = words([...catalogStrings(LAB_TEXT.en), ...LAB_BINDINGS.flatMap((b) => [b.help.en, b.hint?.en ?? ''])]);
  return new Set([...en].filter((w) => !de.has(w) && !labs.has(w)));
}

/** Every fixed string of the lab runner in one language: its words and its key table. */
export function labRunnerStrings(lang: 'de' | 'en'): string[] {
  return [...catalogStrings(LAB_TEXT[lang]), ...LAB_BINDINGS.flatMap((b) => [b.help[lang], b.hint?.[lang] ?? ''])];
}

/** Old German terms on a screen that should use the lesson's one terminology. */
export function oldTermsOnScreen(screen: string): string[] {
  return oldGermanTerms(screen);
}
