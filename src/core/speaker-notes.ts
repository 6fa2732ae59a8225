/**
 * Speaker notes as presenterm does them: the presenter app publishes where it is, a second
 * terminal (`zombie-lab notes`) shows the current slide's notes, the next slide's title and a
 * clock. This is the message between them (one JSON line) and the notes screen, pure.
 */
import type { UiText } from './i18n.js';
import { stripClaims } from './labs/claims-marker.js';
import type { Slide } from './slides/types.js';
import { wrapText } from './text-wrap.js';

export interface NotesMessage {
  /** 1-based slide number and the deck's length. */
  n: number;
  of: number;
  title: string;
  notes: string;
  nextTitle: string | null;
  replay: boolean;
  /** Epoch ms the presenter app started: the clock shows how long the talk has run. */
  startedAt: number;
}

export function notesMessage(slides: readonly Slide[], index: number, replay: boolean, startedAt: number): NotesMessage {
  const s = slides[index];
  return { n: index + 1, of: slides.length, title: s?.title ?? '', notes: s?.notes ?? '', nextTitle: slides[index + 1]?.title ?? null, replay, startedAt };
}

/** Parses one line from the presenter; null for anything that is not a notes message. */
export function parseNotesMessage(line: string): NotesMessage | null {
  try {
    const m = JSON.parse(line) as Partial<NotesMessage>;
    if (typeof m.n !== 'number' || typeof m.of !== 'number' || typeof m.title !== 'string' || typeof m.notes !== 'string') return null;
    return { n: m.n, of: m.of, title: m.title, notes: m.notes, nextTitle: typeof m.nextTitle === 'string' ? m.nextTitle : null, replay: m.replay === true, startedAt: typeof m.startedAt === 'number' ? m.startedAt : Date.now() };
  } catch {
    return null;
  }
}

const two = (n: number): string => String(n).padStart(2, '0');

export function clockText(now: Date, startedAt: number | null): string {
  const clock = `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`;
  if (startedAt === null) return clock;
  const s = Math.max(0, Math.floor((now.getTime() - startedAt) / 1000));
  return `${clock} · ${two(Math.floor(s / 60))}:${two(s % 60)}`;
}

/**
 * Notes Markdown to screen rows `width` wide: the renderer the slides use (src/ui/markdown-lines.ts),
 * passed in so this file stays free of it. Rows may carry colour codes.
 */
export type NotesRenderer = (markdown: string, width: number) => string[];

/** The notes as the speaker reads them: claim markers are for `lint` and the scorecard, not for people. */
export function notesForSpeaker(notes: string): string {
  return notes.split('\n').map(stripClaims).join('\n').trim();
}

/** The whole notes screen as lines, `width` columns at most, `height` lines at most. */
export function notesScreen(msg: NotesMessage | null, now: Date, t: UiText, width: number, height: number, render: NotesRenderer): string[] {
  const clock = clockText(now, msg?.startedAt ?? null);
  if (!msg) return [clock, '', ...wrapText(t.notes.waiting, width)].slice(0, height);
  const head = `${t.slideCounter(msg.n, msg.of)}${msg.replay ? ` · ${t.replay}` : ''}`;
  const top = head.length + clock.length + 2 <= width ? [`${head}${' '.repeat(width - head.length - clock.length)}${clock}`] : [head, clock];
  // Titles are Markdown too (`CMD python3 app.py` in backticks).
  const next = msg.nextTitle === null ? wrapText(t.notes.last, width) : render(t.notes.next(msg.nextTitle), width);
  const notes = notesForSpeaker(msg.notes);
  const body = notes ? render(notes, width) : [t.notes.none];
  const title = render(msg.title, width);
  const room = Math.max(1, height - top.length - title.length - 4);
  const shown = body.length > room ? [...body.slice(0, room - 1), t.notes.more(body.length - room + 1)] : body;
  return [...top, ...title, '', ...shown, '', ...next].slice(0, height);
}
