/**
 * `zombie-lab` with no command on a terminal: the full-screen presenter app. Decides live or
 * replay, owns the alternate screen and every exit path (q, Ctrl-C, SIGTERM, SIGHUP, a crash).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { render } from 'ink';
import { createElement } from 'react';
import type { EventSource } from '../core/event-source.js';
import { makeTheme, noColorFromEnv, THEME_NAMES, type ThemeName } from '../core/theme.js';
import { connectDocker } from '../engine/docker-connect.js';
import { isLabError } from '../engine/lab-error.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { loadRecording, newestRecording, replaySource } from '../engine/replay-source.js';
import { App } from '../ui/app.js';
import { DemoRunner } from '../ui/demo-runner.js';
import { PLACEHOLDER_SLIDES } from '../ui/placeholder-deck.js';
import { liveSource } from './live-source.js';
import { enterAltScreen } from './terminal-screen.js';

export const RECORDINGS_DIR = path.join(PACKAGE_ROOT, 'recordings');

export interface AppOptions {
  lang?: string;
  theme?: string;
  /** Replay this recording even if an engine answers. */
  replay?: string;
  noColor?: boolean;
  /** Prefix of the run ids (the `zombie-lab` label value) of the containers the app starts. */
  runIdPrefix?: string;
}

function fail(msg: string, code: number): number {
  process.stderr.write(`zombie-lab: ${msg}\n`);
  return code;
}

interface Chosen {
  source: EventSource | null;
  replay: boolean;
  notice: string | null;
}

async function chooseSource(opts: AppOptions): Promise<Chosen | string> {
  if (opts.replay) {
    try {
      return { source: replaySource(await loadRecording(opts.replay)), replay: true, notice: null };
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }
  let reason: string;
  try {
    const conn = await connectDocker({ timeoutMs: 2000 });
    return { source: liveSource(conn.docker, opts.runIdPrefix), replay: false, notice: `engine ${conn.endpoint} (Docker ${conn.version})` };
  } catch (err) {
    reason = isLabError(err) ? `${err.problem.message} (${err.problem.fix})` : err instanceof Error ? err.message : String(err);
  }
  const file = newestRecording(RECORDINGS_DIR);
  if (!file) return { source: null, replay: false, notice: `no engine: ${reason}` };
  try {
    const rec = await loadRecording(file);
    return { source: replaySource(rec), replay: true, notice: `no engine, replaying a recording: ${reason}` };
  } catch (err) {
    return { source: null, replay: false, notice: `no engine (${reason}) and the recording is broken: ${err instanceof Error ? err.message : String(err)}` };
  }
}

export async function runApp(opts: AppOptions): Promise<number> {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    return fail('the presenter app needs a terminal (stdin and stdout are not both a TTY); use `zombie-lab compare` for plain output', 2);
  }
  const themeName = (opts.theme ?? 'default') as ThemeName;
  if (!THEME_NAMES.includes(themeName)) return fail(`unknown theme "${opts.theme}"; use --theme default or --theme high-contrast`, 2);
  if (opts.lang !== undefined && opts.lang !== 'de' && opts.lang !== 'en') return fail(`unknown language "${opts.lang}"; use --lang de or --lang en`, 2);
  const theme = makeTheme(themeName, opts.noColor === true || noColorFromEnv(process.env));

  const chosen = await chooseSource(opts);
  if (typeof chosen === 'string') return fail(chosen, 1);
  const runner = new DemoRunner(chosen.source);

  const screen = enterAltScreen(process.stdout);
  let exitCode = 0;
  let finishing: Promise<void> | null = null;
  const instance = render(
    createElement(App, {
      slides: PLACEHOLDER_SLIDES,
      runner,
      replay: chosen.replay,
      theme,
      notice: chosen.notice,
      onExport: async (svg: string) => {
        const file = path.resolve(`zombie-lab-${new Date().toISOString().replace(/[:.]/g, '-')}.svg`);
        await writeFile(file, svg);
        return file;
      },
    }),
    { exitOnCtrlC: false, patchConsole: true, maxFps: 30 },
  );

  // Signals and crashes: remove the containers, give the terminal back, then leave.
  const finish = (code: number): Promise<void> => {
    finishing ??= (async () => {
      exitCode = code;
      await runner.shutdown();
      instance.unmount();
    })();
    return finishing;
  };
  const onSignal = (sig: NodeJS.Signals): void => {
    void finish(sig === 'SIGINT' ? 130 : sig === 'SIGHUP' ? 129 : 143);
  };
  const onCrash = (err: unknown): void => {
    void finish(70).finally(() => {
      screen.leave();
      process.stderr.write(`zombie-lab: the app crashed: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(70);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  try {
    await instance.waitUntilExit();
  } catch (err) {
    await runner.shutdown();
    exitCode = 70;
    screen.leave();
    process.stderr.write(`zombie-lab: the app stopped on an error: ${err instanceof Error ? err.message : String(err)}\n`);
  } finally {
    await runner.shutdown();
    screen.leave();
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);
  }
  return exitCode;
}
