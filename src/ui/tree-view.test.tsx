/**
 * The focused lane's process tree at the smallest terminal (issue 22 row 7): at 80 columns its
 * pane is 42 wide, and the header and the PID 1 note were cut ("process tree · 50 processes, 47
 * zombies (…", "← PID 1 in the contain…"). Now they wrap, in the app's language.
 */
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { plain } from '../test-support/ink-frames.js';
import { uiText } from '../core/i18n.js';
import type { ProcEntry } from '../core/run-events.js';
import { visibleWidth } from '../core/text-wrap.js';
import { makeTheme } from '../core/theme.js';
import { TreeView } from './tree-view.js';

afterEach(() => cleanup());

// PID 1 (python3) with two live children and 47 zombies: the tree the issue saw.
const TREE: ProcEntry[] = [
  { pid: 2164, ppid: 1, comm: 'python3', state: 'S' },
  { pid: 2667, ppid: 2164, comm: 'python3', state: 'S' },
  { pid: 2672, ppid: 2164, comm: 'python3', state: 'S' },
  ...Array.from({ length: 47 }, (_, i): ProcEntry => ({ pid: 3000 + i, ppid: 2164, comm: 'python3', state: 'Z' })),
];
const words = (s: string): string => s.split(/\s+/).filter(Boolean).join(' ');

describe('TreeView at 80 columns', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: header and PID 1 note whole (wrapped, not cut), every row within the pane, within its height`, () => {
      const t = uiText(lang);
      const { lastFrame } = render(<TreeView tree={TREE} height={12} width={42} theme={makeTheme('default', true)} t={t} />);
      const lines = plain(lastFrame() ?? '').split('\n');
      expect(lines.length).toBeLessThanOrEqual(12);
      for (const l of lines) expect(visibleWidth(l), l).toBeLessThanOrEqual(42);
      expect(lines.filter((l) => l.trimEnd().endsWith('…'))).toEqual([]);
      const text = words(lines.join(' '));
      expect(text).toContain(words(t.tree.header(50, 47)));
      expect(text).toContain(`← ${t.tree.pid1}`);
      expect(text).toMatch(lang === 'de' ? /… \d+ weitere Zombies/ : /… \d+ more zombies/);
    });
  }
});
