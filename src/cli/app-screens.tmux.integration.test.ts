/**
 * The presenter app on a projector: at 80x24, 100x30, 160x48 and 220x60, in German and
 * English, with the default and the high-contrast theme, through a whole run and its stop
 * (a replayed real run, so every screen is the same on every machine). Fails on any cut-off
 * cell ("…" at a pane's edge), on plots of unequal height or under 6 rows, on a lane fact
 * missing from the screen, and on an English UI word under --lang de.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, RECORDINGS_DIR } from '../engine/package-paths.js';
import { newestRecording } from '../engine/replay-source.js';
import { cutCells, englishOnScreen, panes, plotHeights } from '../test-support/screen-check.js';
import { CAPTURES_DIR, TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const tmuxOk = tmuxForTests();
const recording = newestRecording(RECORDINGS_DIR);
const SIZES = [
  [80, 24],
  [100, 30],
  [160, 48],
  [220, 60],
] as const;

interface Shot {
  name: string;
  columns: number;
  screen: string;
}

const sessions: TmuxSession[] = [];
afterAll(() => {
  for (const s of sessions) s.kill();
});

/** After a resize: the bottom line (hints and slide counter) reaches the new right edge. */
async function resized(term: TmuxSession, columns: number, rows: number): Promise<string> {
  term.resize(columns, rows);
  return term.waitScreen(
    (s) => {
      const lines = s.split('\n');
      const bottom = lines.filter((l) => l.trim() !== '').at(-1) ?? '';
      return lines.length >= rows - 1 && [...bottom].length === columns && /(slide|Folie) \d+\/\d+$/.test(bottom) ? s : undefined;
    },
    10_000,
    `the app to redraw at ${columns}x${rows}`,
  );
}

const stopRe = /(stopped|gestoppt)( in)? [\d.,]+ s · (exit|Exit) \d+/g;

describe.skipIf(!tmuxOk || !recording)('the presenter app at every size, language and theme', () => {
  for (const lang of ['en', 'de'] as const) {
    for (const theme of ['default', 'high-contrast'] as const) {
      it(`${lang}, ${theme}: nothing cut, plots equal and at least 6 rows${lang === 'de' ? ', no English word' : ''}`, async () => {
        const term = new TmuxSession(`zl-screens-${lang}-${theme}-${process.pid}`, 220, 60);
        sessions.push(term);
        term.start();
        term.run(`node ${CLI_ENTRY} --replay ${recording} --lang ${lang} --theme ${theme}`);
        await term.waitScreen((s) => (/(slide|Folie) 1\//.test(s) ? true : undefined), 20_000, 'the app to start');
        const shots: Shot[] = [];
        const shoot = async (phase: string, extra?: () => Promise<void>) => {
          for (const [c, r] of SIZES) {
            shots.push({ name: `${phase}-${c}x${r}`, columns: c, screen: await resized(term, c, r) });
            if (extra) await extra();
          }
        };
        const waitFor = (re: RegExp, what: string) => term.waitScreen((s) => (re.test(s) ? s : undefined), 40_000, what);

        // A slide that is not the demo: the lanes fold into one line.
        await shoot('title');
        term.keys('?');
        await shoot('help');
        // One key at a time: Esc and a key sent together read as Alt+key.
        term.keys('Escape');
        await term.waitScreen((s) => (/(Keys|Tasten) \(/.test(s) ? undefined : true), 10_000, 'the help to close');
        term.keys('d');
        await waitFor(/Demo: /, 'the demo slide');
        await shoot('idle');
        term.keys('r');
        await waitFor(/(zombies|Zombies) ([3-9]\d|\d{3})\b/, 'zombies in the no-init lane');
        await shoot('running');
        term.keys('s');
        await waitFor(/SIGKILL/, 'the stop');
        await shoot('stopping');
        // In the lanes themselves (the demo slide's summary on the left says it too).
        await term.waitScreen((s) => ([...panes(s, 220).right.join('\n').matchAll(stopRe)].length >= 3 ? s : undefined), 40_000, 'all three lanes stopped');
        await shoot('stopped');
        term.keys('g', 'g');
        await waitFor(/(slide|Folie) 1\//, 'the first slide');
        await shoot('title-after');
        term.keys('q');
        await term.exited(20_000, 'the app to quit');

        mkdirSync(CAPTURES_DIR, { recursive: true });
        const problems: string[] = [];
        for (const shot of shots) {
          writeFileSync(path.join(CAPTURES_DIR, `screens-${lang}-${theme}-${shot.name}.txt`), shot.screen);
          for (const cut of cutCells(shot.screen, shot.columns)) problems.push(`${shot.name}: cut "${cut.trim()}"`);
          const { right } = panes(shot.screen, shot.columns);
          const heights = plotHeights(right);
          if (shot.name.startsWith('idle') || shot.name.startsWith('running') || shot.name.startsWith('stop')) {
            if (heights.length === 0) problems.push(`${shot.name}: no plot`);
            if (new Set(heights).size > 1) problems.push(`${shot.name}: plot heights differ ${heights.join(',')}`);
            if (heights.some((h) => h < 6)) problems.push(`${shot.name}: a plot under 6 rows ${heights.join(',')}`);
            // Each plotted lane shows its facts whole, and every lane is on screen (plotted or summed up).
            const pane = right.join('\n');
            const facts = [...pane.matchAll(/(zombies|Zombies) \d+ {1,2}(peak|Spitze) \d+ {1,2}PID 1: \S+/g)].length;
            if (facts !== heights.length) problems.push(`${shot.name}: ${heights.length} plots but ${facts} lines of zombies/peak/PID 1`);
            for (const lane of [/\* 1 (no init|ohne Init)/, /o 2 dumb-init/, /\+ 3 docker --init/]) if (!lane.test(pane)) problems.push(`${shot.name}: lane ${lane.source} missing`);
          }
          if (shot.name.startsWith('stopped') && [...right.join('\n').matchAll(stopRe)].length < 3) problems.push(`${shot.name}: not all three stop times in the lanes`);
          if (lang === 'de') for (const w of englishOnScreen(shot.screen)) problems.push(`${shot.name}: English word "${w}"`);
        }
        expect(problems).toEqual([]);
      }, 180_000);
    }
  }
});
