/**
 * Key bindings of the lab runner as one table, in the shape of the presenter's (keymap.ts):
 * each binding names its keys, what they do, its help line in both languages and, for the
 * hint line, a short word. The key handler, the help overlay and the hint line all read this
 * table, so a key cannot work without being listed (or be listed without working).
 */
import { keyLabel, type KeyBinding } from './keymap.js';
import type { Lang } from './lang.js';

export type LabAction =
  | { type: 'menu-move'; by: number }
  | { type: 'open' }
  | { type: 'next-step' }
  | { type: 'prev-step' }
  | { type: 'scroll'; by: number }
  | { type: 'toggle-hints' }
  | { type: 'check' }
  | { type: 'toggle-output' }
  | { type: 'next-lab' }
  | { type: 'back' }
  | { type: 'toggle-help' }
  | { type: 'quit' };

/** Where the keys are pressed: the list of labs, one lab, or the help over either. */
export type LabKeyMode = 'menu' | 'lab' | 'help';

export interface LabBinding extends KeyBinding<LabAction> {
  /** The screen the binding works on; `any` on both (and `?`/`q` over the help too). */
  on: 'menu' | 'lab' | 'any';
}

export const LAB_BINDINGS: readonly LabBinding[] = [
  { on: 'menu', keys: ['up', 'k'], label: '↑ k', action: { type: 'menu-move', by: -1 }, help: { en: 'previous lab', de: 'voriges Lab' }, hint: { keys: '↑/↓', en: 'choose', de: 'wählen' } },
  { on: 'menu', keys: ['down', 'j'], label: '↓ j', action: { type: 'menu-move', by: 1 }, help: { en: 'next lab', de: 'nächstes Lab' } },
  { on: 'menu', keys: ['enter'], label: 'Enter', action: { type: 'open' }, help: { en: 'open the chosen lab', de: 'gewähltes Lab öffnen' }, hint: { keys: 'Enter', en: 'open', de: 'öffnen' } },
  { on: 'lab', keys: ['right', 'n', ' '], label: '→ n space', action: { type: 'next-step' }, help: { en: 'next step', de: 'nächster Schritt' }, hint: { keys: '←/→', en: 'step', de: 'Schritt' } },
  { on: 'lab', keys: ['left', 'p'], label: '← p', action: { type: 'prev-step' }, help: { en: 'previous step', de: 'voriger Schritt' } },
  { on: 'lab', keys: ['h'], label: 'h', action: { type: 'toggle-hints' }, help: { en: 'show or hide the hints of this step', de: 'Tipps dieses Schritts zeigen oder verbergen' }, hint: { keys: 'h', en: 'hints', de: 'Tipps' } },
  { on: 'lab', keys: ['c'], label: 'c', action: { type: 'check' }, help: { en: 'check your work (builds and runs your files)', de: 'deine Arbeit prüfen (baut und startet deine Dateien)' }, hint: { keys: 'c', en: 'check', de: 'prüfen' } },
  { on: 'lab', keys: ['o'], label: 'o', action: { type: 'toggle-output' }, help: { en: "the builder's output of the check instead of its result (again: back)", de: 'Ausgabe des Builds statt des Ergebnisses (nochmal: zurück)' } },
  { on: 'lab', keys: ['down', 'j'], label: '↓ j', action: { type: 'scroll', by: 1 }, help: { en: 'scroll down', de: 'nach unten blättern' }, hint: { keys: '↑/↓', en: 'scroll', de: 'blättern' } },
  { on: 'lab', keys: ['up', 'k'], label: '↑ k', action: { type: 'scroll', by: -1 }, help: { en: 'scroll up', de: 'nach oben blättern' } },
  { on: 'lab', keys: ['enter'], label: 'Enter', action: { type: 'next-lab' }, help: { en: 'after a passed check: open the next lab', de: 'nach bestandenem Check: nächstes Lab öffnen' } },
  { on: 'lab', keys: ['escape', 'b'], label: 'Esc b', action: { type: 'back' }, help: { en: 'back to the list of labs', de: 'zurück zur Liste der Labs' }, hint: { keys: 'Esc', en: 'labs', de: 'Labs' } },
  { on: 'any', keys: ['?'], label: '?', action: { type: 'toggle-help' }, help: { en: 'this help (again or Esc: close)', de: 'diese Hilfe (nochmal oder Esc: schließen)' }, hint: { keys: '?', en: 'help', de: 'Hilfe' } },
  { on: 'any', keys: ['q', 'ctrl+c'], label: 'q Ctrl-C', action: { type: 'quit' }, help: { en: 'quit (a running check is stopped, its containers removed)', de: 'beenden (ein laufender Check wird gestoppt, seine Container entfernt)' }, hint: { keys: 'q', en: 'quit', de: 'beenden' } },
];

const worksOn = (b: LabBinding, mode: 'menu' | 'lab'): boolean => b.on === 'any' || b.on === mode;

/** The bindings of one screen, in table order. */
export function labBindings(mode: 'menu' | 'lab'): LabBinding[] {
  return LAB_BINDINGS.filter((b) => worksOn(b, mode));
}

/** One key name (keymap.ts keyName) in, the action out; null for a key that does nothing there. */
export function resolveLabKey(name: string | null, mode: LabKeyMode): LabAction | null {
  if (name === null) return null;
  if (mode === 'help') {
    if (name === '?' || name === 'escape') return { type: 'toggle-help' };
    return name === 'q' || name === 'ctrl+c' ? { type: 'quit' } : null;
  }
  return labBindings(mode).find((b) => b.keys.includes(name))?.action ?? null;
}

/** The help lines of one screen, in table order. */
export function labKeyHelp(mode: 'menu' | 'lab', lang: Lang): { keys: string; what: string }[] {
  return labBindings(mode).map((b) => ({ keys: keyLabel(b.label, lang), what: b.help[lang] }));
}

/** The hint line's items of one screen: `←/→ step`, `c check`, … */
export function labHintItems(mode: 'menu' | 'lab', lang: Lang): string[] {
  return labBindings(mode).flatMap((b) => (b.hint ? [`${b.hint.keys} ${b.hint[lang]}`] : []));
}
