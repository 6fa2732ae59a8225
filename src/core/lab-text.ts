/**
 * Every word the lab runner shows, in German and English, one object per language with the same
 * shape (a missing translation is a compile error), like the presenter's i18n.ts. The keys' words
 * are in the key table (lab-keymap.ts); the check's own messages come from the checks, in the
 * lab's language; engine problems are worded by problem-text.ts.
 */
import type { Lang } from './lang.js';

export interface LabUiText {
  lang: Lang;
  menuTitle: string;
  labTitle: (number: string, title: string) => string;
  step: (n: number, of: number, title: string) => string;
  workspace: (dir: string) => string;
  workspaceMaking: string;
  workspaceFailed: (why: string) => string;
  hints: string;
  noHints: string;
  checking: string;
  /** After "checking…" while the builder's output is hidden: how to see it. */
  outputHidden: (lines: number) => string;
  outputTitle: string;
  noOutput: string;
  passed: string;
  failed: string;
  /** After a pass: the next lab, and the key that opens it. */
  nextLab: (number: string, title: string) => string;
  lastLab: string;
  /** A check that could not run (the engine's problem, worded by problem-text.ts). */
  checkError: (message: string, fix: string) => string;
  helpTitle: string;
  /** The marker below an explanation that goes on. */
  more: string;
}

const en: LabUiText = {
  lang: 'en',
  menuTitle: 'zombie-lab: guided labs',
  labTitle: (n, t) => `Lab ${n}: ${t}`,
  step: (n, of, t) => `step ${n}/${of}: ${t}`,
  workspace: (d) => `your files: ${d}`,
  workspaceMaking: 'your files: …',
  workspaceFailed: (w) => `your files: (${w})`,
  hints: 'Hints',
  noHints: 'no hints for this step',
  checking: 'checking…',
  outputHidden: (n) => `(o shows the builder's output${n ? `, ${n} line${n === 1 ? '' : 's'}` : ''})`,
  outputTitle: "The builder's output (o: back to the result):",
  noOutput: '(nothing yet)',
  passed: 'All checks passed.',
  failed: 'Not yet. What to try:',
  nextLab: (n, t) => `Next: Lab ${n}: ${t}. Press Enter to open it.`,
  lastLab: 'That was the last lab. Well done! Esc goes back to the list.',
  checkError: (m, f) => (f ? `The check could not run: ${m}. Fix: ${f}` : `The check could not run: ${m}`),
  helpTitle: 'Keys of the lab runner',
  more: '… (↓ for more)',
};

const de: LabUiText = {
  lang: 'de',
  menuTitle: 'zombie-lab: geführte Labs',
  labTitle: (n, t) => `Lab ${n}: ${t}`,
  step: (n, of, t) => `Schritt ${n}/${of}: ${t}`,
  workspace: (d) => `deine Dateien: ${d}`,
  workspaceMaking: 'deine Dateien: …',
  workspaceFailed: (w) => `deine Dateien: (${w})`,
  hints: 'Tipps',
  noHints: 'keine Tipps für diesen Schritt',
  checking: 'prüfe…',
  outputHidden: (n) => `(o zeigt die Ausgabe des Builds${n ? `, ${n} Zeile${n === 1 ? '' : 'n'}` : ''})`,
  outputTitle: 'Ausgabe des Builds (o: zurück zum Ergebnis):',
  noOutput: '(noch nichts)',
  passed: 'Alle Checks bestanden.',
  failed: 'Noch nicht. Probier:',
  nextLab: (n, t) => `Weiter: Lab ${n}: ${t}. Enter öffnet es.`,
  lastLab: 'Das war das letzte Lab. Gut gemacht! Esc führt zurück zur Liste.',
  checkError: (m, f) => (f ? `Der Check konnte nicht laufen: ${m}. Abhilfe: ${f}` : `Der Check konnte nicht laufen: ${m}`),
  helpTitle: 'Tasten des Lab-Runners',
  more: '… (↓ für mehr)',
};

export const LAB_TEXT: Record<Lang, LabUiText> = { en, de };

export function labText(lang: Lang): LabUiText {
  return LAB_TEXT[lang];
}
