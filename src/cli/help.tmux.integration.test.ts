/**
 * The presenter's key help in a real terminal at the smallest size the app runs at and at
 * 100x30, in both languages (issue 22 row 1): its whole title, every row of the key table once,
 * each readable as one piece, nothing of one column run into the other. No engine: a replay.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { uiText } from '../core/i18n.js';
import { keyHelp } from '../core/keymap.js';
import { CLI_ENTRY, RECORDINGS_DIR } from '../engine/package-paths.js';
import { newestRecording } from '../engine/replay-source.js';
import { helpBoxProblems } from '../test-support/help-screen.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const tmuxOk = tmuxForTests();
const recording = newestRecording(RECORDINGS_DIR);
const sessions: TmuxSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
});

describe.skipIf(!tmuxOk || !recording)('the key help (?) in a terminal', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: at 80x24 and at 100x30, the title whole and every key row once, nothing overlapping`, async () => {
      const t = uiText(lang);
      const term = new TmuxSession(`zl-help-${lang}-${process.pid}`, 80, 24);
      sessions.push(term);
      term.start();
      term.run(`node ${CLI_ENTRY} --replay ${recording} --lang ${lang}`);
      await term.waitScreen((s) => (/(slide|Folie) 1\//.test(s) ? true : undefined), 20_000, 'the app to start');
      term.keys('?');
      for (const [columns, rows] of [
        [80, 24],
        [100, 30],
      ] as const) {
        term.resize(columns, rows);
        // The box redrawn at this width: its top border spans it.
        const screen = await term.waitScreen((s) => (s.split('\n').some((l) => l.startsWith('╔') && [...l].length === Math.min(columns, 100)) && s.includes(t.helpTitle) ? s : undefined), 10_000, `the help at ${columns}x${rows}`);
        term.save(`help-${lang}-${columns}x${rows}`, screen);
        expect(helpBoxProblems(screen, t.helpTitle, keyHelp(lang)), `${columns}x${rows}`).toEqual([]);
      }
      term.keys('q');
      expect(await term.exited(20_000, 'the app to quit')).toMatch(/ZL_EXIT=0/);
    }, 60_000);
  }
});
