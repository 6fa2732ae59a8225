/**
 * `zombie-lab` with no command on a terminal: the full-screen presenter app. Decides live or
 * replay, owns the alternate screen and every exit path (q, Ctrl-C, SIGTERM, SIGHUP, a crash).
 */
import { chooseDemoSource } from './demo-source.js';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { EventSource } from '../core/event-source.js';
import { uiText, type SweepCounts, type UiText } from '../core/i18n.js';
import type { Lang } from '../core/lang.js';
import { makeTheme, noColorFromEnv, type ThemeName } from '../core/theme.js';
import { describeEndpoint } from '../core/engine-endpoint.js';
import { lanesOn } from '../core/slides/types.js';
import { handoutDir } from '../engine/handout-dir.js';
import { loadPodFiles } from '../engine/pods/pod-files.js';
import { BUNDLED_SLIDES_ROOT, defaultLang, loadDeck } from '../engine/slides-loader.js';
import { DemoRunner } from '../ui/demo-runner.js';
import { installExitCleanup, setInterruptHandler, signalExitCode } from './exit-cleanup.js';
import { writeProblem } from './report-problem.js';
import { enterAltScreen } from './terminal-screen.js';
import type { ContainerVerdict } from '../core/inspect/report.js';

export interface AppOptions {
  /** Checked by commander (`.choices()`). */
  lang?: Lang;
  theme?: ThemeName;
  /** Replay this recording even if an engine answers. */
  replay?: string;
  noColor?: boolean;
  /** Folder holding `de/` and `en/` slide folders (default: the bundled deck). */
  slidesRoot?: string;
  /** Prefix of the run ids (the `zombie-lab` label value) of the containers the app starts. */
  runIdPrefix?: string;
}

function fail(msg: string, code: number): number {
  if (process.stdin.isTTY) process.stdin.setRawMode(false);
  // Cause and fix in one message: the shape of every command's problem line.
  writeProblem({ message: msg, fix: '' });
  return code;
}

/** What the app says about its source, worded on screen in the app's language. */
export type SourceNotice = { kind: 'engine'; endpoint: string; version: string; swept?: SweepCounts | null } | { kind: 'no-engine' } | { kind: 'no-engine-replay' } | { kind: 'broken-recording' };

interface Chosen {
  source: EventSource | null;
  replay: boolean;
  notice: SourceNotice | null;
  /** Removes what the source keeps ready (the live source's waiting containers). */
  close?: () => Promise<void>;
  /** The `i` list (live engine only). */
  listContainers?: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<{ rows: ContainerVerdict[]; hidden: number }>;
}

async function chooseSource(opts: AppOptions): Promise<Chosen | string> {
  const d = await chooseDemoSource({ ...(opts.replay ? { replay: opts.replay } : {}), ...(opts.runIdPrefix ? { runIdPrefix: opts.runIdPrefix } : {}), timeoutMs: 2000 });
  switch (d.kind) {
    case 'replay':
      return { source: d.source, replay: true, notice: null };
    case 'bad-replay':
      return d.error;
    case 'live': {
      const { conn } = d;
      const listContainers = async (signal: AbortSignal, progress: (done: number, total: number) => void) =>
        (await import('../engine/inspect/verdicts.js')).verdictsOfRunning(conn.docker, signal, opts.runIdPrefix ? `${opts.runIdPrefix}-inspect` : 'inspect', progress);
      return { source: d.source, close: d.close, replay: false, notice: { kind: 'engine', endpoint: describeEndpoint(conn.found, opts.lang ?? defaultLang()), version: conn.version, swept: d.sweptCounts }, listContainers };
    }
    case 'fallback':
      return { source: d.source, replay: true, notice: { kind: 'no-engine-replay' } };
    case 'no-recording':
      return { source: null, replay: false, notice: { kind: 'no-engine' } };
    case 'broken-recording':
      return { source: null, replay: false, notice: { kind: 'broken-recording' } };
  }
}

export function noticeText(n: SourceNotice | null, t: UiText): string | null {
  if (!n) return null;
  switch (n.kind) {
    case 'engine': {
      const swept = n.swept ? t.notice.swept(n.swept) : null;
      return `${t.notice.engine(n.endpoint, n.version)}${swept ? `; ${swept}` : ''}`;
    }
    case 'no-engine':
      return t.notice.noEngine;
    case 'no-engine-replay':
      return t.notice.noEngineReplay;
    case 'broken-recording':
      return t.notice.noEngineBrokenRecording;
  }
}

export async function runApp(opts: AppOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    return fail('the presenter app needs a terminal (stdin and stdout are not both a TTY); use `zombie-lab compare` for plain output', 2);
  }
  // Raw mode at once, so keys pressed while the app loads wait for it instead of being echoed and lost.
  process.stdin.setRawMode(true);
  const themeName = opts.theme ?? 'default';
  const lang: Lang = opts.lang ?? defaultLang();
  const t = uiText(lang);
  // The deck first (a few milliseconds: its files and lines are bounded, parse.ts): a broken one
  // stops the app before it takes the screen or starts a container. No presenting half the slides.
  const deck = await loadDeck(opts.slidesRoot ?? BUNDLED_SLIDES_ROOT, lang).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
  if (deck instanceof Error) return fail(`the slides cannot be used:\n${deck.message}`, 1);
  // The pods slide names its lanes by the lab's pods before they run (without the files: the demo's
  // names). Read while the rest starts, awaited only before the first frame.
  const podsP = deck.slides.some((sl) => lanesOn(sl) === 'pods')
    ? loadPodFiles().then((files) => files.map((f) => ({ name: f.name, file: f.file })), () => undefined)
    : Promise.resolve(undefined);
  // A replay file named on the command line is checked before the screen is taken over.
  const early = opts.replay ? await chooseSource(opts) : null;
  if (typeof early === 'string') return fail(early, 1);
  // Otherwise the engine is looked for at once, while the UI loads: the first run's containers
  // can then be started (waiting) before anybody presses r.
  const chosenP: Promise<Chosen> = early
    ? Promise.resolve(early)
    : chooseSource(opts).then((c): Chosen => (typeof c === 'string' ? { source: null, replay: false, notice: { kind: 'broken-recording' } } : c));
  const closeSource = () => chosenP.then((c) => c.close?.());
  // The engine's modules before the UI's: its containers then start while the UI loads.
  if (!early) await import('./live-source.js');

  const [{ render }, { createElement }, { App }] = await Promise.all([import('ink'), import('react'), import('../ui/app.js')]);
  const theme = makeTheme(themeName, opts.noColor === true || noColorFromEnv(process.env));
  // The run, for `zombie-lab serve --follow` (a browser on the projector showing this run); the app runs without it if the socket cannot be made.
  const { publishRun, publishedSource } = await import('../engine/run-channel.js');
  const runChannel = await publishRun();
  const runner = new DemoRunner(chosenP.then((c) => (c.source && runChannel ? publishedSource(c.source, runChannel, c.replay) : c.source)));

  // Speaker notes for `zombie-lab notes` in another terminal; the app presents without them if the socket cannot be made.
  const startedAt = Date.now();
  const notes = await (await import('../engine/notes-channel.js')).publishNotes();
  const { notesMessage } = await import('../core/speaker-notes.js');
  let slideNow = 0;
  let replayNow = early?.replay ?? false;
  const publish = () => notes?.send(notesMessage(deck.slides, slideNow, replayNow, startedAt));
  void chosenP.then((c) => {
    replayNow = c.replay;
    publish();
  });
  const onSlide = (i: number) => {
    slideNow = i;
    publish();
  };

  const pods = await podsP;
  const screen = enterAltScreen(process.stdout);
  let exitCode = 0;
  let finishing: Promise<void> | null = null;
  const onExport = async (svg: string): Promise<string> => {
    const dir = handoutDir();
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, `zombie-lab-${new Date().toISOString().replace(/[:.]/g, '-')}.svg`);
    await writeFile(file, svg);
    return file;
  };
  const element = (c: Chosen | null) =>
    createElement(App, {
      slides: deck.slides,
      runner,
      replay: c?.replay ?? false,
      connecting: c === null,
      theme,
      lang,
      notice: noticeText(c?.notice ?? null, t),
      onExport,
      onSlide,
      ...(pods ? { pods } : {}),
      ...(c?.listContainers ? { listContainers: c.listContainers } : {}),
    });
  // No incrementalRendering: in ink 6.8 it leaves stale lines behind when the lanes redraw.
  const instance = render(element(early), { exitOnCtrlC: false, patchConsole: true, maxFps: 30 });
  let exited = false;
  void chosenP.then((c) => {
    if (!exited) instance.rerender(element(c));
  });

  // Signals: the shared exit cleanup calls us first; we remove the containers, unmount, and the
  // screen is left below. Crashes: leave the alternate screen before anyone prints, so the
  // one-line message lands on the normal screen; the shared handler removes containers and exits.
  const finish = (code: number): Promise<void> => {
    finishing ??= (async () => {
      exitCode = code;
      await Promise.all([closeSource(), runner.shutdown(), notes?.close(), runChannel?.close()]);
      instance.unmount();
    })();
    return finishing;
  };
  installExitCleanup();
  const unsetInterrupt = setInterruptHandler((sig) => {
    void finish(signalExitCode(sig));
  });
  const onCrash = (): void => {
    try {
      instance.unmount();
    } finally {
      screen.leave();
    }
  };
  process.prependListener('uncaughtException', onCrash);
  process.prependListener('unhandledRejection', onCrash);
  try {
    await instance.waitUntilExit();
    exited = true;
  } catch (err) {
    exited = true;
    exitCode = 70;
    await runner.shutdown();
    screen.leave();
    process.stderr.write(`zombie-lab: the app stopped on an error: ${err instanceof Error ? err.message : String(err)}\n`);
  } finally {
    await Promise.all([closeSource(), runner.shutdown(), notes?.close(), runChannel?.close()]);
    screen.leave();
    unsetInterrupt();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  return exitCode;
}
