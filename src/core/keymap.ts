/**
 * Key bindings of the presenter app as one table: each binding names its keys, what they do,
 * and its help line in both languages. The key handler and the help overlay both read this
 * table, so a key cannot work without being listed (or be listed without working). New
 * bindings (another command's key) are one more row in BINDINGS.
 *
 * Counts and two-key sequences (`5G`, `12 Enter`, `gg`) are resolved here too, from a small
 * prefix the caller keeps between key presses (and drops after PENDING_MS, app-state.ts).
 */
import { MODE_IDS, type ModeId } from './modes.js';
import type { Lang } from './slides/types.js';

export type Action =
  | { type: 'next-slide' }
  | { type: 'prev-slide' }
  | { type: 'first-slide' }
  | { type: 'last-slide' }
  /** `index` is 0-based; `fromCount`: typed as `12G` or `12 Enter`, whose digits may have focused lanes on the way. */
  | { type: 'goto-slide'; index: number; fromCount?: boolean }
  | { type: 'demo-slide' }
  | { type: 'slide-index' }
  | { type: 'blank' }
  | { type: 'toggle-lanes' }
  | { type: 'run' }
  | { type: 'stop' }
  | { type: 'focus'; mode: ModeId }
  | { type: 'back' }
  | { type: 'toggle-tree' }
  | { type: 'toggle-help' }
  | { type: 'export-svg' }
  | { type: 'toggle-containers' }
  | { type: 'quit' }
  /** Inside the slide index: move the selection, or go to it. */
  | { type: 'index-move'; by: number }
  | { type: 'index-go' }
  /** Inside the `i` list: move the selection, or open / close the selected container's details. */
  | { type: 'containers-move'; by: number }
  | { type: 'containers-detail' };

/** The part of Ink's `Key` the bindings look at (all optional so tests stay short). */
export interface KeyPress {
  input: string;
  leftArrow?: boolean;
  rightArrow?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

/**
 * The key names in one read from the terminal. Keys typed faster than one read (a burst, or
 * keys typed while the app loaded) arrive as one string: each character is a key of its own,
 * a carriage return or line feed among them is Enter (`12\r` is `1 2 Enter`).
 */
export function keyNames(k: KeyPress): (string | null)[] {
  // A named key (arrow, Enter, ...) is one key whatever its input says.
  const burst = !k.ctrl && !k.meta && k.input.length > 1 && !k.input.startsWith('\x1b') && keyName({ ...k, input: '' }) === null;
  if (!burst) return [keyName(k)];
  return [...k.input].map((ch) => (ch === '\r' || ch === '\n' ? 'enter' : keyName({ input: ch })));
}

/** One name per key: a printed character as itself, others by name (`right`, `ctrl+c`, ...). */
export function keyName(k: KeyPress): string | null {
  if (k.ctrl) return k.input.length === 1 ? `ctrl+${k.input.toLowerCase()}` : null;
  if (k.rightArrow) return 'right';
  if (k.leftArrow) return 'left';
  if (k.upArrow) return 'up';
  if (k.downArrow) return 'down';
  if (k.pageDown) return 'pagedown';
  if (k.pageUp) return 'pageup';
  if (k.home) return 'home';
  if (k.end) return 'end';
  if (k.return) return 'enter';
  if (k.escape) return 'escape';
  if (k.meta) return null;
  return k.input.length === 1 ? k.input : null;
}

/** One row of a key table: the presenter's (below) and the lab runner's (lab-keymap.ts) alike. */
export interface KeyBinding<A> {
  /** Key names as keyName gives them; `gg` and `<n>G` are sequences handled by resolveKey. */
  keys: readonly string[];
  /** How the keys are written in the help overlay. */
  label: string;
  action: A;
  help: Record<Lang, string>;
}

export type Binding = KeyBinding<Action>;

const focusKey = (i: number): Binding['keys'] => [String(i + 1)];
/** `1, 2 or 3`: every lane's number, for the one help row the focus keys share. */
const laneList = (or: string): string => {
  const n = MODE_IDS.map((_, i) => String(i + 1));
  return n.length > 1 ? `${n.slice(0, -1).join(', ')} ${or} ${n.at(-1)}` : (n[0] ?? '');
};

export const BINDINGS: readonly Binding[] = [
  { keys: ['right', 'down', 'pagedown', ' ', 'l', 'j'], label: '→ ↓ space l j PgDn', action: { type: 'next-slide' }, help: { en: 'next slide', de: 'nächste Folie' } },
  { keys: ['left', 'up', 'pageup', 'h', 'k'], label: '← ↑ h k PgUp', action: { type: 'prev-slide' }, help: { en: 'previous slide', de: 'vorige Folie' } },
  { keys: ['gg', 'home'], label: 'gg Home', action: { type: 'first-slide' }, help: { en: 'first slide', de: 'erste Folie' } },
  { keys: ['G', 'end'], label: 'G End', action: { type: 'last-slide' }, help: { en: 'last slide', de: 'letzte Folie' } },
  { keys: ['<n>G', '<n>enter'], label: '<n>G  <n> Enter', action: { type: 'goto-slide', index: 0 }, help: { en: 'go to slide n (5G, 12 Enter)', de: 'zu Folie n (5G, 12 Enter)' } },
  { keys: ['d'], label: 'd', action: { type: 'demo-slide' }, help: { en: 'go to the demo slide', de: 'zur Demo-Folie' } },
  { keys: ['ctrl+p'], label: 'Ctrl-P', action: { type: 'slide-index' }, help: { en: 'slide index', de: 'Folienübersicht' } },
  { keys: ['b', '.'], label: 'b .', action: { type: 'blank' }, help: { en: 'blank the screen (again: back)', de: 'Bildschirm dunkel (nochmal: zurück)' } },
  { keys: ['r'], label: 'r', action: { type: 'run' }, help: { en: 'run the demo (or restart it)', de: 'Demo starten (oder neu starten)' } },
  { keys: ['s'], label: 's', action: { type: 'stop' }, help: { en: 'stop the demo (docker stop, timed)', de: 'Demo stoppen (docker stop, gemessen)' } },
  ...MODE_IDS.map(
    (mode, i): Binding => ({
      keys: focusKey(i),
      label: String(i + 1),
      action: { type: 'focus', mode },
      // The same line for every lane: the help shows them as one row, `1 2 3`.
      help: {
        en: `focus lane ${laneList('or')}: plot and live process tree`,
        de: `Spur ${laneList('oder')} groß: Kurve und Prozessbaum`,
      },
    }),
  ),
  { keys: ['t'], label: 't', action: { type: 'toggle-tree' }, help: { en: 'process tree of the focused lane', de: 'Prozessbaum der gewählten Spur' } },
  { keys: ['p'], label: 'p', action: { type: 'toggle-lanes' }, help: { en: 'lanes beside every slide, or one summary line', de: 'Spuren neben jeder Folie, oder eine Zeile' } },
  { keys: ['escape'], label: 'Esc', action: { type: 'back' }, help: { en: 'back (close help, index, tree, focus)', de: 'zurück (Hilfe, Übersicht, Baum, Spur)' } },
  { keys: ['e'], label: 'e', action: { type: 'export-svg' }, help: { en: 'save the plot as an SVG handout', de: 'Kurve als SVG-Handout speichern' } },
  { keys: ['i'], label: 'i', action: { type: 'toggle-containers' }, help: { en: 'your containers: PID 1 verdict of each running one (read-only)', de: 'deine Container: PID 1 jedes laufenden (nur lesen)' } },
  { keys: ['?'], label: '?', action: { type: 'toggle-help' }, help: { en: 'this help', de: 'diese Hilfe' } },
  { keys: ['q', 'ctrl+c'], label: 'q Ctrl-C', action: { type: 'quit' }, help: { en: 'quit (stops and removes the containers)', de: 'beenden (stoppt und entfernt die Container)' } },
];

/** What the keys mean in the slide index (a list: move, go, close). */
const INDEX_KEYS: Record<string, Action> = {
  up: { type: 'index-move', by: -1 },
  k: { type: 'index-move', by: -1 },
  down: { type: 'index-move', by: 1 },
  j: { type: 'index-move', by: 1 },
  pageup: { type: 'index-move', by: -10 },
  pagedown: { type: 'index-move', by: 10 },
  enter: { type: 'index-go' },
  escape: { type: 'back' },
  'ctrl+p': { type: 'back' },
  q: { type: 'quit' },
  'ctrl+c': { type: 'quit' },
};

/**
 * The keys of the `i` list ("Your containers"), with their hints: the list's hint line is made
 * from this table, so a key listed there works and a key that works is listed.
 */
export const CONTAINER_BINDINGS: readonly Binding[] = [
  { keys: ['enter'], label: 'Enter', action: { type: 'containers-detail' }, help: { en: 'details', de: 'Einzelheiten' } },
  { keys: ['down', 'j'], label: '↓ j', action: { type: 'containers-move', by: 1 }, help: { en: 'next', de: 'nächster' } },
  { keys: ['up', 'k'], label: '↑ k', action: { type: 'containers-move', by: -1 }, help: { en: 'previous', de: 'voriger' } },
  { keys: ['pagedown'], label: 'PgDn', action: { type: 'containers-move', by: 10 }, help: { en: '10 down', de: '10 weiter' } },
  { keys: ['pageup'], label: 'PgUp', action: { type: 'containers-move', by: -10 }, help: { en: '10 up', de: '10 zurück' } },
  { keys: ['escape', 'i'], label: 'Esc', action: { type: 'back' }, help: { en: 'close', de: 'schließen' } },
  { keys: ['q', 'ctrl+c'], label: 'q', action: { type: 'quit' }, help: { en: 'quit', de: 'Ende' } },
];

const containerKeys = new Map<string, Action>(CONTAINER_BINDINGS.flatMap((b) => b.keys.map((k) => [k, b.action] as const)));

/**
 * The `i` list's hints, one per row of CONTAINER_BINDINGS (`↓ j next`, `Enter details`, ...), the
 * close and quit rows first: the hint line keeps its first two items whatever the width.
 */
export function containerHints(lang: Lang): string[] {
  const items = CONTAINER_BINDINGS.map((b) => ({ text: `${b.label} ${b.help[lang]}`, always: b.action.type === 'back' || b.action.type === 'quit' }));
  return [...items.filter((i) => i.always), ...items.filter((i) => !i.always)].map((i) => i.text);
}

export type KeyMode = 'normal' | 'index' | 'blank' | 'containers';

export interface Resolved {
  action: Action | null;
  /** Prefix to keep for the next key: digits of a count, or `g` waiting for a second `g`. */
  prefix: string;
}

const byKey = new Map<string, Binding>(BINDINGS.flatMap((b) => b.keys.map((k) => [k, b] as const)));

/** The binding a single key name triggers (no count, no sequence), if any. */
export function bindingFor(name: string): Binding | undefined {
  return byKey.get(name);
}

/** One key press in, the action and the prefix to keep out. Pure; the caller holds `prefix`. */
export function resolveKey(name: string | null, prefix: string, mode: KeyMode = 'normal'): Resolved {
  if (name === null) return { action: null, prefix: '' };
  if (mode === 'blank') {
    // Any key brings the screen back; quitting still quits.
    return { action: name === 'q' || name === 'ctrl+c' ? { type: 'quit' } : { type: 'blank' }, prefix: '' };
  }
  if (mode === 'index') return { action: INDEX_KEYS[name] ?? null, prefix: '' };
  if (mode === 'containers') return { action: containerKeys.get(name) ?? null, prefix: '' };
  if (/^[0-9]$/.test(name)) {
    const digits = prefix && /^[0-9]+$/.test(prefix) ? `${prefix}${name}`.slice(-4) : name;
    // Every lane digit focuses its lane at once, first in a count or not: `2`, then `3` is lane 3.
    return { action: bindingFor(name)?.action ?? null, prefix: digits };
  }
  if (/^[0-9]+$/.test(prefix) && (name === 'G' || name === 'enter')) {
    const n = Number(prefix);
    return { action: n >= 1 ? { type: 'goto-slide', index: n - 1, fromCount: true } : null, prefix: '' };
  }
  if (name === 'g') {
    if (prefix === 'g') return { action: bindingFor('gg')?.action ?? null, prefix: '' };
    return { action: null, prefix: 'g' };
  }
  return { action: bindingFor(name)?.action ?? null, prefix: '' };
}

/** Names of keys in a help label that a German keyboard names otherwise (the rest, Esc, Enter, PgDn, are printed on its keys). */
const KEY_WORDS: Record<Lang, Record<string, string>> = { en: {}, de: { space: 'Leertaste' } };

/** A binding's label in the help's language: `→ ↓ space` is `→ ↓ Leertaste` in German. */
export function keyLabel(label: string, lang: Lang): string {
  return label
    .split(' ')
    .map((w) => KEY_WORDS[lang][w] ?? w)
    .join(' ');
}

/**
 * Every binding's help line, in table order. Neighbours with the same line share one row, their
 * keys side by side (`1 2 3`), which keeps the overlay within 80x24.
 */
export function keyHelp(lang: Lang): { keys: string; what: string }[] {
  const rows: { keys: string; what: string }[] = [];
  for (const b of BINDINGS) {
    const last = rows.at(-1);
    const keys = keyLabel(b.label, lang);
    if (last && last.what === b.help[lang]) last.keys = `${last.keys} ${keys}`;
    else rows.push({ keys, what: b.help[lang] });
  }
  return rows;
}
