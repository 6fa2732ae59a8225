/**
 * The browser pages' words, both languages. The lane words come from the terminal app's table
 * (core/i18n.ts), so a projector and a terminal say the same; the browser script fills in numbers.
 */
import { uiText } from '../i18n.js';
import { MODE_IDS, type ModeId } from '../modes.js';
import type { Lang } from '../lang.js';

/** What the lanes page script needs, as JSON: `{s}` and `{n}` are filled in by the browser. */
export interface LaneWords {
  lang: Lang;
  title: string;
  run: string;
  stop: string;
  zombies: string;
  peak: string;
  pids: string;
  pid1: string;
  exit: string;
  live: string;
  replay: string;
  idle: string;
  building: string;
  starting: string;
  running: string;
  /** `{s}`: seconds left until SIGKILL. */
  stopping: string;
  /** `{s}`: how long docker stop took. */
  stopped: string;
  error: string;
  reconnecting: string;
  /** Shown instead of the buttons under `serve --follow`. */
  follows: string;
  decimalMark: string;
  modes: { id: ModeId; label: string }[];
}

export function laneWords(lang: Lang): LaneWords {
  const t = uiText(lang);
  const de = lang === 'de';
  return {
    lang,
    title: de ? 'Zombies je Container, 10×/s' : 'zombies per container, 10×/s',
    run: de ? 'starten' : 'run',
    stop: de ? 'stoppen' : 'stop',
    zombies: t.zombies,
    peak: t.peak,
    pids: t.pids,
    pid1: 'PID 1',
    exit: de ? 'Exit' : 'exit',
    live: t.live,
    replay: de ? 'REPLAY · aufgezeichneter Lauf' : 'REPLAY · recorded run',
    idle: t.state.idleShort,
    building: de ? 'baue Image' : 'building image',
    starting: t.state.starting,
    running: de ? 'läuft' : 'running',
    stopping: de ? 'stoppt · SIGKILL in {s} s' : 'stopping · SIGKILL in {s} s',
    stopped: de ? 'gestoppt in {s} s' : 'stopped in {s} s',
    error: t.state.errorShort,
    reconnecting: de ? 'Verbindung unterbrochen, verbinde neu …' : 'connection lost, reconnecting …',
    follows: de ? 'folgt der Terminal-App (r und s dort)' : 'following the terminal app (r and s there)',
    decimalMark: de ? ',' : '.',
    modes: MODE_IDS.map((id) => ({ id, label: t.modeLabel[id] })),
  };
}
