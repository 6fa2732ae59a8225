/**
 * `zombie-lab notes`: the speaker's second terminal, as presenterm's --listen-speaker-notes. It
 * follows the presenter app on this machine (a local socket, engine/notes-channel.ts) and shows
 * the current slide's notes, the next slide's title and a clock; live or replay alike.
 */
import { uiText } from '../core/i18n.js';
import type { Lang } from '../core/lang.js';
import { notesScreen, type NotesMessage } from '../core/speaker-notes.js';
import { noColorFromEnv } from '../core/theme.js';
import { followNotes } from '../engine/notes-channel.js';
import { defaultLang } from '../engine/slides-loader.js';
import { installExitCleanup, setInterruptHandler } from './exit-cleanup.js';
import { markdownLines } from '../ui/markdown-lines.js';
import { enterAltScreen } from './terminal-screen.js';
import { EXIT_USAGE } from './exit-codes.js';

export async function runNotes(opts: { lang?: string }): Promise<number> {
  if (!process.stdout.isTTY) {
    process.stderr.write('zombie-lab: notes needs a terminal (stdout is not a TTY)\n');
    return EXIT_USAGE;
  }
  const lang: Lang = opts.lang === 'de' || opts.lang === 'en' ? opts.lang : defaultLang();
  const t = uiText(lang);
  const noColor = noColorFromEnv(process.env);
  // The notes' Markdown rendered as the slides' is: no backticks, stars or link syntax on screen.
  const render = (md: string, width: number) => markdownLines(md, width, noColor);
  const abort = new AbortController();
  let msg: NotesMessage | null = null;
  let present = false;
  const screen = enterAltScreen(process.stdout);
  const draw = () => {
    const width = Math.max(20, process.stdout.columns ?? 80);
    const height = Math.max(5, process.stdout.rows ?? 24);
    const lines = notesScreen(msg, new Date(), t, width, height - (present || !msg ? 0 : 1), render);
    if (!present && msg) lines.push(t.notes.lost);
    process.stdout.write(`\x1b[H\x1b[2J${lines.join('\r\n')}`);
  };
  installExitCleanup();
  const unsetInterrupt = setInterruptHandler(() => abort.abort());
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(true);
    process.stdin.on('data', (b: Buffer) => {
      const k = b.toString();
      if (k === 'q' || k === '\x03' || k === '\x1b') abort.abort();
    });
  }
  process.stdout.on('resize', draw);
  const tick = setInterval(draw, 1000);
  draw();
  try {
    await followNotes(abort.signal, {
      message: (m) => {
        msg = m;
        draw();
      },
      presenter: (p) => {
        present = p;
        draw();
      },
    });
  } finally {
    clearInterval(tick);
    process.stdout.off('resize', draw);
    unsetInterrupt();
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    process.stdin.pause();
    screen.leave();
  }
  return 0;
}
