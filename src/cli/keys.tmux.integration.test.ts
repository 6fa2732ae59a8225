/**
 * Digit keys in a real terminal (issue 22 rows 2 and 3): on the demo slide a digit focuses its
 * lane every time, a pending slide number lapses by itself and gives the hint line back, and
 * `1 2 Enter` sent in one burst (one read, as tmux and fast typists deliver it) is slide 12.
 * No engine: the app replays a recording.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { uiText } from '../core/i18n.js';
import { keyHint } from '../core/keymap.js';
import { CLI_ENTRY, RECORDINGS_DIR } from '../engine/package-paths.js';
import { newestRecording } from '../engine/replay-source.js';
import { panes } from '../test-support/screen-check.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const tmuxOk = tmuxForTests();
const recording = newestRecording(RECORDINGS_DIR);
const sessions: TmuxSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
});

const LANES = [/\* 1 (no init|ohne Init)/, /o 2 dumb-init/, /\+ 3 docker --init/];

describe.skipIf(!tmuxOk || !recording)('digit keys in a terminal', () => {
  for (const [lang, columns, rows] of [
    ['en', 80, 24],
    ['de', 100, 30],
  ] as const) {
    it(`${lang} at ${columns}x${rows}: 2 then 3 focuses lane 3, the count lapses, 1 2 Enter in one burst is slide 12`, async () => {
      const t = uiText(lang);
      const slideRe = (n: number) => new RegExp(`${lang === 'de' ? 'Folie' : 'slide'} ${n}/\\d+\\s*$`, 'm');
      const countHint = lang === 'de' ? /G oder Enter geht zu Folie/ : /G or Enter goes to slide/;
      const term = new TmuxSession(`zl-keys-${lang}-${process.pid}`, columns, rows);
      sessions.push(term);
      term.start();
      term.run(`node ${CLI_ENTRY} --replay ${recording} --lang ${lang}`);
      await term.waitScreen((s) => (slideRe(1).test(s) ? true : undefined), 20_000, 'the app to start');
      term.keys('d');
      await term.waitScreen((s) => (/Demo: /.test(s) ? true : undefined), 10_000, 'the demo slide');
      // The focused lane is the only lane header in the right pane.
      const focused = (lane: number) => (s: string) => {
        const right = panes(s, columns).right.join('\n');
        return LANES.every((re, i) => re.test(right) === (i === lane - 1)) ? s : undefined;
      };
      const lapsed = (s: string) => (countHint.test(s) ? undefined : s);

      term.keys('2');
      await term.waitScreen(focused(2), 10_000, 'lane 2 focused');
      await term.waitScreen(lapsed, 10_000, 'the pending count to lapse');
      const hints = term.screen().split('\n').filter((l) => l.trim() !== '').at(-1) ?? '';
      expect(hints).toContain(keyHint('toggle-help', t.lang));
      term.keys('3');
      await term.waitScreen(focused(3), 10_000, 'lane 3 focused after the count lapsed');
      await term.waitScreen(lapsed, 10_000, 'the pending count to lapse again');

      term.keys('1', '2', 'Enter');
      const at12 = await term.waitScreen((s) => (slideRe(12).test(s) ? s : undefined), 10_000, 'slide 12 after 1 2 Enter');
      // The digits' lane focus was given back: lane 3, as before the count.
      expect(panes(at12, columns).right.join('\n')).toMatch(LANES[2] ?? /$^/);
      term.keys('q');
      expect(await term.exited(20_000, 'the app to quit')).toMatch(/ZL_EXIT=0/);
    }, 60_000);
  }
});
