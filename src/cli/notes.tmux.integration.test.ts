/**
 * Speaker notes in a second terminal, driven for real: `zombie-lab notes` started before the
 * app waits for it, then follows the replaying app slide by slide (notes, next title, clock),
 * says when the app has gone, and quits on q; no slide's notes show a claim marker or Markdown
 * syntax. No engine: the app replays a recording.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, RECORDINGS_DIR } from '../engine/package-paths.js';
import { newestRecording } from '../engine/replay-source.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const tmuxOk = tmuxForTests();
const recording = newestRecording(RECORDINGS_DIR);
const sessions: TmuxSession[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'zl-notes-'));
afterAll(() => {
  for (const s of sessions) s.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!tmuxOk || !recording)('zombie-lab notes', () => {
  for (const lang of ['en', 'de'] as const) {
    it(`${lang}: follows the presenter app live, from before it starts until after it quits`, async () => {
      const socket = path.join(dir, `${lang}.sock`);
      const env = `ZOMBIE_LAB_NOTES_SOCKET=${socket}`;
      const notes = new TmuxSession(`zl-notes-${lang}-${process.pid}`, 80, 24);
      const app = new TmuxSession(`zl-notes-app-${lang}-${process.pid}`, 100, 30);
      sessions.push(notes, app);
      notes.start();
      app.start();
      const words = lang === 'de' ? { waiting: 'warte auf die Präsentation', slide: 'Folie', next: 'als Nächstes:', last: 'dies ist die letzte Folie', gone: 'Präsentation ist beendet' } : { waiting: 'waiting for the presenter app', slide: 'slide', next: 'next:', last: 'this is the last slide', gone: 'presenter app has gone' };
      notes.run(`${env} node ${CLI_ENTRY} notes --lang ${lang}`);
      await notes.waitScreen((s) => (s.includes(words.waiting) ? true : undefined), 20_000, 'notes to wait for the app');
      expect(notes.screen()).toMatch(/\d\d:\d\d:\d\d/);

      app.run(`${env} node ${CLI_ENTRY} --replay ${recording} --lang ${lang}`);
      await app.waitScreen((s) => (new RegExp(`${words.slide} 1/`).test(s) ? true : undefined), 20_000, 'the app to start');
      const first = await notes.waitScreen((s) => (new RegExp(`${words.slide} 1/\\d+ · REPLAY`).test(s) ? s : undefined), 10_000, 'notes of slide 1');
      expect(first).toContain(words.next);
      expect(first).toMatch(/\d\d:\d\d:\d\d · \d\d:\d\d/);
      // The first slide's note, not its projected text.
      expect(first).toMatch(lang === 'de' ? /Willkommen|PID 1/ : /Welcome/);

      // Every slide's notes as the speaker reads them: no claim marker, no Markdown syntax (issue 22 row 4).
      const of = Number(/\/(\d+)/.exec(first)?.[1]);
      expect(of).toBeGreaterThan(10);
      const markup = /\{claim:|`|\*\*|\]\(/;
      expect(first).not.toMatch(markup);
      for (let n = 2; n <= of; n++) {
        app.keys('l');
        const screen = await notes.waitScreen((s) => (new RegExp(`${words.slide} ${n}/`).test(s) ? s : undefined), 10_000, `notes of slide ${n}`);
        expect(screen, `slide ${n}`).not.toMatch(markup);
      }
      app.keys('g', 'g');
      await notes.waitScreen((s) => (new RegExp(`${words.slide} 1/`).test(s) ? s : undefined), 10_000, 'notes of slide 1 again');
      app.keys('G');
      const last = await notes.waitScreen((s) => (s.includes(words.last) ? s : undefined), 10_000, 'notes of the last slide');
      expect(last).not.toContain(words.next);

      app.keys('q');
      await app.exited(20_000, 'the app to quit');
      await notes.waitScreen((s) => (s.includes(words.gone) ? true : undefined), 10_000, 'notes to see the app go');
      notes.keys('q');
      const end = await notes.exited(10_000, 'notes to quit');
      expect(end).toMatch(/ZL_EXIT=0/);
    });
  }
});
