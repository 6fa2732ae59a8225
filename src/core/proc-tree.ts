/** The process tree of one container as indented text lines, zombies marked. Pure. */
import type { ProcEntry } from './run-events.js';

export interface TreeLine {
  text: string;
  zombie: boolean;
}

/** The tree's own words, in the app's language (src/core/i18n.ts). */
export interface TreeWords {
  pid1: string;
  moreZombies: (n: number) => string;
  moreLines: (n: number) => string;
}

const ENGLISH: TreeWords = { pid1: 'PID 1 in the container', moreZombies: (n) => `${n} more zombies`, moreLines: (n) => `${n} more lines` };

/**
 * Children are ordered by pid; long runs of zombie siblings are folded into one line
 * (`… 120 more zombies`) so the tree fits the pane and the point stays visible.
 */
export function renderTree(entries: readonly ProcEntry[], maxLines: number, maxZombiesShown = 3, words: TreeWords = ENGLISH): TreeLine[] {
  const pids = new Set(entries.map((e) => e.pid));
  const children = new Map<number, ProcEntry[]>();
  for (const e of entries) {
    const list = children.get(e.ppid) ?? [];
    list.push(e);
    children.set(e.ppid, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.pid - b.pid);
  // Roots: processes whose parent is not in the container (PID 1 seen from the host has a host parent).
  const roots = entries.filter((e) => !pids.has(e.ppid)).sort((a, b) => a.pid - b.pid);
  const out: TreeLine[] = [];
  const walk = (e: ProcEntry, prefix: string, isLast: boolean, depth: number): void => {
    const branch = depth === 0 ? '' : isLast ? '└─ ' : '├─ ';
    const zombie = e.state === 'Z';
    // PIDs are the host's; the root is the container's PID 1, which is the point of the lesson.
    const note = depth === 0 ? `  ← ${words.pid1}` : '';
    out.push({ text: `${prefix}${branch}${e.pid} ${e.comm}${zombie ? ' <defunct> Z' : ` ${e.state}`}${note}`, zombie });
    const kids = children.get(e.pid) ?? [];
    const childPrefix = depth === 0 ? '' : prefix + (isLast ? '   ' : '│  ');
    const zombies = kids.filter((k) => k.state === 'Z');
    const live = kids.filter((k) => k.state !== 'Z');
    const shownZ = zombies.slice(0, maxZombiesShown);
    const hidden = zombies.length - shownZ.length;
    const shown = [...live, ...shownZ];
    shown.forEach((k, i) => walk(k, childPrefix, i === shown.length - 1 && hidden === 0, depth + 1));
    if (hidden > 0) out.push({ text: `${childPrefix}└─ … ${words.moreZombies(hidden)}`, zombie: true });
  };
  roots.forEach((r, i) => walk(r, '', i === roots.length - 1, 0));
  if (out.length <= maxLines) return out;
  const cut = out.slice(0, Math.max(0, maxLines - 1));
  cut.push({ text: `… ${words.moreLines(out.length - cut.length)}`, zombie: false });
  return cut;
}
