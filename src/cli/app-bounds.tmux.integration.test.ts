/**
 * No slide content can freeze the presenter app (issue 22 rows 6 and 18, point 2): a deck with a
 * line of a million characters is refused with its file and line before the screen is taken; a
 * deck at the limits (a slide of fifty 9,999-character lines, as many in its notes) is shown,
 * and the app answers SIGTERM and SIGHUP within 2 s even when the signal comes while it lays that
 * slide out. No engine: the app replays a recording.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_ENTRY, RECORDINGS_DIR, SLIDES_DIR } from '../engine/package-paths.js';
import { newestRecording } from '../engine/replay-source.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const tmuxOk = tmuxForTests();
const recording = newestRecording(RECORDINGS_DIR);
const sessions: TmuxSession[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'zl-bounds-'));
afterAll(() => {
  for (const s of sessions) s.kill();
  rmSync(dir, { recursive: true, force: true });
});

/** The bundled deck, changed by `edit` in both languages; returns its folder. */
function deck(name: string, edit: (folder: string) => void): string {
  const root = path.join(dir, name);
  cpSync(SLIDES_DIR, root, { recursive: true });
  for (const lang of ['en', 'de']) edit(path.join(root, lang));
  return root;
}

/** A million-character line in the third file's first slide, before its notes: line `line` of it. */
function withHugeLine(folder: string): void {
  const file = path.join(folder, '03-docker.md');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('Note:');
  writeFileSync(file, `${text.slice(0, at)}${'x'.repeat(1_000_000)}\n\n${text.slice(at)}`);
}
const hugeLineNumber = (folder: string): number => readFileSync(path.join(folder, '03-docker.md'), 'utf8').split('\n').findIndex((l) => l.length >= 1_000_000) + 1;

/** A last slide at the limits: fifty lines of 9,999 characters, and forty in its notes. */
function withHeavySlide(folder: string): void {
  const line = 'zombie reaped '.repeat(800).slice(0, 9_999);
  writeFileSync(path.join(folder, '99-heavy.md'), `## Heavy\n\n${Array(50).fill(line).join('\n')}\n\nNote:\n${Array(40).fill(line).join('\n')}\n`);
}

describe.skipIf(!tmuxOk || !recording)('slide content cannot freeze the app', () => {
  for (const [lang, columns, rows] of [
    ['en', 80, 24],
    ['de', 100, 30],
  ] as const) {
    it(`${lang} at ${columns}x${rows}: a million-character line is refused with file:line, before the screen is taken`, async () => {
      const root = deck(`huge-${lang}`, withHugeLine);
      const line = hugeLineNumber(path.join(root, lang));
      const term = new TmuxSession(`zl-bounds-huge-${lang}-${process.pid}`, columns, rows);
      sessions.push(term);
      term.start();
      term.run(`ZOMBIE_LAB_SLIDES=${root} node ${CLI_ENTRY} --replay ${recording} --lang ${lang}`);
      const end = await term.exited(20_000, 'the app to refuse the deck');
      expect(end.replace(/\n/g, '')).toContain(`${path.basename(root)}/${lang}/03-docker.md:${line}: line is 1,000,000 characters long`);
      expect(end).toMatch(/ZL_EXIT=1\b/);
    }, 40_000);

    for (const sig of ['SIGTERM', 'SIGHUP'] as const) {
      it(`${lang} at ${columns}x${rows}: ${sig} while it lays out a slide at the limits ends it within 2 s`, async () => {
        const root = deck(`heavy-${lang}-${sig}`, withHeavySlide);
        const term = new TmuxSession(`zl-bounds-${sig}-${lang}-${process.pid}`, columns, rows);
        sessions.push(term);
        term.start();
        term.run(`ZOMBIE_LAB_SLIDES=${root} node ${CLI_ENTRY} --replay ${recording} --lang ${lang}`);
        // The deck's length comes from the deck (the bundled slides and the heavy one last), not from this test.
        const total = await term.waitScreen((s) => /(?:slide|Folie) 1\/(\d+)/.exec(s)?.[1], 20_000, 'the app to start');
        const pid = term.appPid();
        // The heavy slide is shown once (it is drawn, not refused), then the signal comes while it is being drawn again.
        term.keys('G');
        await term.waitScreen((s) => (s.includes(`${total}/${total}`) && s.includes('zombie reaped') ? true : undefined), 20_000, 'the heavy slide');
        term.keys('g', 'g', 'G');
        process.kill(pid, sig);
        const code = sig === 'SIGTERM' ? 143 : 129;
        const end = await term.waitScreen((s) => (new RegExp(`ZL_EXIT=${code}\\b`).test(s) ? s : undefined), 2_000, `the app to end on ${sig}`);
        expect(end).not.toMatch(/Error|at .*\.js:\d+/);
      }, 60_000);
    }
  }
});
