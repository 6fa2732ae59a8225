/**
 * `zombie-lab serve`: the deck and the live lanes in a browser. One demo run shared by every
 * viewer, driven by the same engine code as the app (cli/live-source.ts → engine/demo/run-demo.ts),
 * or a recording (`--replay`). Prints its URL; q, Ctrl-C or SIGTERM end the run, remove its
 * containers and close the server.
 */
import { chooseDemoSource } from './demo-source.js';
import { openInBrowser } from '../engine/open-browser.js';
import { randomBytes } from 'node:crypto';
import type { EventSource } from '../core/event-source.js';
import { isLoopback } from '../core/serve/request-guard.js';
import { LANGS, type Lang } from '../core/lang.js';
import type { Deck } from '../core/slides/types.js';
import { serveAssets } from '../engine/serve/assets.js';
import { startServer, type RunningServer } from '../engine/serve/http-server.js';
import { RunHub } from '../engine/serve/run-hub.js';
import { followRun, runSocketPath } from '../engine/run-channel.js';
import { BUNDLED_SLIDES_ROOT, defaultLang, loadDeck } from '../engine/slides-loader.js';
import { CommandOutput } from './command-output.js';
import { interruptScope } from './command-session.js';
import { installExitCleanup } from './exit-cleanup.js';
import { EXIT_FOUND, EXIT_OK, EXIT_USAGE } from './exit-codes.js';

export interface ServeOptions {
  port: number;
  host: string;
  lang?: Lang;
  replay?: string;
  /** Show the terminal app's run (engine/run-channel.ts) instead of running one. */
  follow?: boolean;
  runIdPrefix?: string;
  slidesRoot?: string;
  /** Open the deck in the desktop's browser once the server listens. */
  open?: boolean;
}

interface Chosen {
  /** null: following the app's run. */
  source: EventSource | null;
  kind: 'live' | 'replay';
  said: string;
  close?: () => Promise<void>;
}

interface Problem {
  message: string;
  fix?: string;
}

/** Live on the engine if one answers, else the newest recording, labelled as such (as the app does). */
async function chooseSource(opts: ServeOptions): Promise<Chosen | Problem> {
  const d = await chooseDemoSource({ ...(opts.replay ? { replay: opts.replay } : {}), runIdPrefix: opts.runIdPrefix ?? 'serve', timeoutMs: 3000 });
  switch (d.kind) {
    case 'replay':
      return { source: d.source, kind: 'replay', said: `replaying ${d.file}` };
    case 'live':
      return { source: d.source, kind: 'live', said: `engine: ${d.conn.described}${d.sweptLine ? `; ${d.sweptLine}` : ''}`, close: d.close };
    case 'fallback':
      return { source: d.source, kind: 'replay', said: `no engine answers (see \`zombie-lab doctor\`): replaying ${d.file}` };
    case 'no-recording':
      return { message: 'no engine answers and there is no recording to replay', fix: 'run `zombie-lab doctor`, or give --replay FILE' };
    case 'bad-replay':
    case 'broken-recording':
      return { message: d.error };
  }
}

export async function runServe(opts: ServeOptions): Promise<number> {
  // No --json: the URL is serve's result (stdout, for a script to read); all else is said on stderr.
  const output = new CommandOutput(false);
  const problem = (p: Problem, code: number): number => {
    output.problem(p);
    return code;
  };
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) return problem({ message: `--port must be a number from 0 to 65535, not ${String(opts.port)}` }, EXIT_USAGE);
  const lang = opts.lang ?? defaultLang();
  const decks = {} as Record<Lang, Deck>;
  for (const l of LANGS) {
    try {
      decks[l] = await loadDeck(opts.slidesRoot ?? BUNDLED_SLIDES_ROOT, l);
    } catch (err) {
      return problem({ message: `the slides cannot be used:\n${err instanceof Error ? err.message : String(err)}` }, EXIT_FOUND);
    }
  }
  // Beyond this machine every request needs the token printed in the URL.
  const token = isLoopback(opts.host) ? null : randomBytes(18).toString('base64url');
  if (opts.follow && opts.replay) return problem({ message: "--follow shows the terminal app's run and --replay a recording", fix: 'give one of them' }, EXIT_USAGE);
  const following = new AbortController();
  const chosen: Chosen | Problem = opts.follow ? { source: null, kind: 'live', said: `following the presenter app's run on ${runSocketPath()}` } : await chooseSource(opts);
  if (!('said' in chosen)) return problem(chosen, EXIT_FOUND);
  installExitCleanup();
  const scope = interruptScope();
  const hub = new RunHub(chosen.source, chosen.kind);
  const followed = opts.follow
    ? followRun(following.signal, {
        message: (m) => hub.feed(m),
        presenter: (present) => {
          if (!present) hub.presenterGone();
          output.say(present ? 'serve: the presenter app is there; showing its run' : 'serve: the presenter app went away; waiting for it');
        },
      })
    : Promise.resolve();
  let server: RunningServer;
  try {
    server = await startServer({ host: opts.host, port: opts.port, token, lang, decks, hub, assets: serveAssets(), log: (l) => output.say(l) });
  } catch (err) {
    following.abort();
    await Promise.all([chosen.close?.(), followed]);
    scope.dispose();
    const e = err as NodeJS.ErrnoException;
    const where = `cannot listen on ${opts.host}:${opts.port}`;
    const why: Problem =
      e.code === 'EADDRINUSE'
        ? { message: `${where}: port ${opts.port} is taken`, fix: 'choose another with --port (0: any free port)' }
        : e.code === 'EACCES'
          ? { message: `${where}: port ${opts.port} needs more rights than this user has`, fix: 'choose one above 1023 with --port' }
          : e.code === 'EADDRNOTAVAIL'
            ? { message: `${where}: ${opts.host} is not an address of this machine`, fix: 'check --host' }
            : { message: `${where}: ${e.message ?? String(err)}` };
    return problem(why, EXIT_FOUND);
  }
  output.say(chosen.said);
  if (token) output.say('zombie-lab: listening beyond this machine: every request needs the token in this URL; share it only with your audience');
  output.result(`${server.url}\n`);
  output.say(`deck: ${server.url}  ·  lanes to embed: ${server.url.replace(/\/(\?|$)/, '/lanes$1')}  ·  q or Ctrl-C quits`);
  if (opts.open) {
    const said = await openInBrowser(server.url);
    if (said) output.say(`zombie-lab: ${said}`);
  }

  // null: q pressed; else the signal (or Ctrl-C, read as a key in raw mode) that ended serve.
  const quit = new Promise<NodeJS.Signals | null>((resolve) => {
    scope.signal.addEventListener('abort', () => resolve(scope.interrupted() ?? 'SIGTERM'), { once: true });
    if (process.stdin.isTTY) {
      process.stdin.setRawMode(true);
      process.stdin.on('data', (b: Buffer) => {
        const k = b.toString();
        if (k === 'q' || k === '\x03') resolve(k === 'q' ? null : 'SIGINT');
      });
    }
  });
  const by = await quit;
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(false);
    process.stdin.pause();
  }
  output.say(opts.follow ? 'closing the server (the run is the app\'s)' : 'stopping the run, removing its containers and closing the server');
  following.abort();
  await Promise.all([hub.shutdown(), chosen.close?.(), server.close(), followed]);
  scope.dispose();
  if (!by) return EXIT_OK;
  return output.interrupted(by, `interrupted by ${by}; ${opts.follow ? "the server is closed (the run is the app's)" : "the run's containers were removed and the server closed"}`);
}
