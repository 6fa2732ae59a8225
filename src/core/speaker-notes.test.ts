import { describe, expect, it } from 'vitest';
import { uiText } from './i18n.js';
import type { Slide } from './slides/types.js';
import { clockText, notesForSpeaker, notesMessage, notesScreen, parseNotesMessage, type NotesRenderer } from './speaker-notes.js';
import { wrapText } from './text-wrap.js';

// Plain wrapping: the Markdown renderer itself is the UI's (its test: src/ui/notes-markdown.test.ts).
const render: NotesRenderer = (md, w) => wrapText(md, w);

const slide = (title: string, notes: string): Slide => ({ file: 'x.md', line: 1, section: null, title, body: '', notes, widgets: [] });
const DECK = [slide('Why PID 1 matters', 'Ask who has seen a zombie.\nThen show `ps`.'), slide('The demo', ''), slide('Wrap-up', 'Thank them.')];

describe('speaker notes', () => {
  it("show the current slide's notes, the next title and the clock", () => {
    const now = new Date(2026, 11, 2, 9, 5, 7);
    const m = notesMessage(DECK, 0, false, now.getTime() - 65_000);
    const lines = notesScreen(m, now, uiText('en'), 60, 20, render);
    expect(lines[0]).toMatch(/^slide 1\/3 +09:05:07 · 01:05$/);
    expect(lines[0]?.length).toBe(60);
    expect(lines).toContain('Why PID 1 matters');
    expect(lines).toContain('Ask who has seen a zombie.');
    expect(lines.at(-1)).toBe('next: The demo');
  });

  it('say so when a slide has no notes, and on the last slide, in German too', () => {
    const de = uiText('de');
    const now = new Date();
    expect(notesScreen(notesMessage(DECK, 1, true, now.getTime()), now, de, 60, 20, render)).toContain('(keine Notizen zu dieser Folie)');
    const last = notesScreen(notesMessage(DECK, 2, false, now.getTime()), now, de, 60, 20, render);
    expect(last[0]).toMatch(/^Folie 3\/3/);
    expect(last.at(-1)).toBe('dies ist die letzte Folie');
    expect(notesScreen(notesMessage(DECK, 1, true, now.getTime()), now, de, 60, 20, render)[0]).toContain('REPLAY');
  });

  it('fit a small window: never more lines than rows, and say how many are left out', () => {
    const long = notesMessage([slide('T', Array.from({ length: 30 }, (_, i) => `- line ${i}`).join('\n'))], 0, false, 0);
    const lines = notesScreen(long, new Date(), uiText('en'), 40, 12, render);
    expect(lines.length).toBeLessThanOrEqual(12);
    expect(lines.join('\n')).toMatch(/… \d+ more lines/);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
  });

  it('wait for the presenter before the first message', () => {
    expect(notesScreen(null, new Date(), uiText('en'), 80, 24, render).join(' ')).toContain('waiting for the presenter app');
  });

  it('read only well-formed messages', () => {
    const m = notesMessage(DECK, 0, false, 5);
    expect(parseNotesMessage(JSON.stringify(m))).toEqual(m);
    expect(parseNotesMessage('{"n":"x"}')).toBeNull();
    expect(parseNotesMessage('not json')).toBeNull();
  });

  it('leave out claim markers: they are for lint and the scorecard', () => {
    expect(notesForSpeaker('PID 1 adopts orphans. {claim:tini-subreaper} Then it must reap.\nNo wait(). {claim:no-init-zombies}')).toBe('PID 1 adopts orphans. Then it must reap.\nNo wait().');
    const m = notesMessage([slide('T', 'It never reaps. {claim:no-init-zombies}')], 0, false, 0);
    expect(notesScreen(m, new Date(), uiText('en'), 60, 20, render).join('\n')).not.toContain('{claim');
  });

  it('count the talk time from the app start', () => {
    const now = new Date(2026, 0, 1, 10, 0, 0);
    expect(clockText(now, now.getTime() - 3_725_000)).toBe('10:00:00 · 62:05');
    expect(clockText(now, null)).toBe('10:00:00');
  });
});
