/**
 * Key bindings of the presenter app: a key press in, an action out. Pure, so the bindings
 * are tested without a terminal and the help overlay is generated from the same table.
 */
import { MODE_IDS, type ModeId } from './modes.js';

export type Action =
  | { type: 'next-slide' }
  | { type: 'prev-slide' }
  | { type: 'first-slide' }
  | { type: 'last-slide' }
  | { type: 'run' }
  | { type: 'stop' }
  | { type: 'focus'; mode: ModeId }
  | { type: 'back' }
  | { type: 'toggle-tree' }
  | { type: 'toggle-help' }
  | { type: 'export-svg' }
  | { type: 'toggle-containers' }
  | { type: 'quit' };

/** The part of Ink's `Key` the bindings look at (all optional so tests stay short). */
export interface KeyPress {
  input: string;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  escape?: boolean;
  ctrl?: boolean;
}

export function actionForKey(k: KeyPress): Action | null {
  if (k.ctrl && k.input === 'c') return { type: 'quit' };
  if (k.ctrl) return null;
  if (k.rightArrow || k.pageDown) return { type: 'next-slide' };
  if (k.leftArrow || k.pageUp) return { type: 'prev-slide' };
  if (k.escape) return { type: 'back' };
  switch (k.input) {
    case ' ':
    case 'l':
      return { type: 'next-slide' };
    case 'h':
      return { type: 'prev-slide' };
    case 'g':
      return { type: 'first-slide' };
    case 'G':
      return { type: 'last-slide' };
    case 'r':
      return { type: 'run' };
    case 's':
      return { type: 'stop' };
    case 't':
      return { type: 'toggle-tree' };
    case '?':
      return { type: 'toggle-help' };
    case 'e':
      return { type: 'export-svg' };
    case 'i':
      return { type: 'toggle-containers' };
    case 'q':
      return { type: 'quit' };
    default: {
      const n = Number.parseInt(k.input, 10);
      const mode = String(n) === k.input ? MODE_IDS[n - 1] : undefined;
      return mode ? { type: 'focus', mode } : null;
    }
  }
}

/** Every binding, in the order the help overlay lists them. */
export const KEY_HELP: readonly { keys: string; what: string }[] = [
  { keys: '→ space l PgDn', what: 'next slide' },
  { keys: '← h PgUp', what: 'previous slide' },
  { keys: 'g / G', what: 'first / last slide' },
  { keys: 'r', what: 'run the demo (or restart it)' },
  { keys: 's', what: 'stop the demo (docker stop, timed)' },
  { keys: '1 2 3', what: 'focus a lane: no init / dumb-init / docker --init' },
  { keys: 't', what: 'process tree of the focused lane' },
  { keys: 'Esc', what: 'back (close help, tree, focus)' },
  { keys: 'e', what: 'export the plot as SVG (handout)' },
  { keys: 'i', what: 'your containers: PID 1 verdict of each running one (read-only)' },
  { keys: '?', what: 'this help' },
  { keys: 'q Ctrl-C', what: 'quit (stops and removes the containers)' },
];
