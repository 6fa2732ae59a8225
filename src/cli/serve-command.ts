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
import { exitCodeFor, interruptScope } from './command-session.js';
import { installExitCleanup } from './exit-cleanup.js';
import { writeProblem } from './report-problem.js';

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

function fail(msg: string, code: number): number {
  // Cause and fix in one message: the shape of every command's problem line.
  writeProblem({ message: msg, fix: '' });
  return code;
}

interface Chosen {
  /** null: following the app's run. */
  source: EventSource | null;
  kind: 'live' | 'replay';
  said: string;
  close?: () => Promise<void>;
}

/** Live on the engine if one answers, else the newest recording, labelled as such (as the app does). */
async function chooseSource(opts: ServeOptions): Promise<Chosen | string> {
  const d = await chooseDemoSource({ ...(opts.replay ? { replay: opts.replay } : {}), runIdPrefix: opts.runIdPrefix ?? 'serve', timeoutMs: 3000 });
  switch (d.kind) {
    case 'replay':
      return { source: d.source, kind: 'replay', said: `replaying ${d.file}` };
    case 'live':
      return { source: d.source, kind: 'live', said: `engine: ${d.conn.described}${d.sweptLine ? `; ${d.sweptLine}` : ''}`, close: d.close };
    case 'fallback':
      return { source: d.source, kind: 'replay', said: `no engine answers (see \`zombie-lab doctor\`): replaying ${d.file}` };
    case 'no-recording':
      return 'no engine answers and there is no recording to replay; run `zombie-lab doctor`, or give --replay FILE';
    case 'bad-replay':
    case 'broken-recording':
      return d.error;
  }
}

export async function runServe(opts: ServeOptions): Promise<number> {
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) return fail(`--port must be a number from 0 to 65535, not ${String(opts.port)}`, 2);
  const lang = opts.lang ?? defaultLang();
  const decks = {} as Record<Lang, Deck>;
  for (const l of LANGS) {
    try {
      decks[l] = await loadDeck(opts.slidesRoot ?? BUNDLED_SLIDES_ROOT, l);
    } catch (err) {
      return fail(`the slides cannot be used:\n${err instanceof Error ? err.message : String(err)}`, 1);
    }
  }
  // Beyond this machine every request needs the token printed in the URL.
  const token = isLoopback(opts.host) ? null : randomBytes(18).toString('base64url');
  if (opts.follow && opts.replay) return fail('--follow shows the terminal app\'s run and --replay a recording: give one of them', 2);
  const following = new AbortController();
  const chosen: Chosen | string = opts.follow ? { source: null, kind: 'live', said: `following the presenter app's run on ${runSocketPath()}` } : await chooseSource(opts);
  if (typeof chosen === 'string') return fail(chosen, 1);
  installExitCleanup();
  const scope = interruptScope();
  const hub = new RunHub(chosen.source, chosen.kind);
  const followed = opts.follow
    ? followRun(following.signal, {
        message: (m) => hub.feed(m),
        presenter: (present) => {
          if (!present) hub.presenterGone();
          process.stderr.write(present ? 'serve: the presenter app is there; showing its run\n' : 'serve: the presenter app went away; waiting for it\n');
        },
      })
    : Promise.resolve();
  let server: RunningServer;
  try {
    server = await startServer({ host: opts.host, port: opts.port, token, lang, decks, hub, assets: serveAssets(), log: (l) => process.stderr.write(`${l}\n`) });
  } catch (err) {
    following.abort();
    await Promise.all([chosen.close?.(), followed]);
    scope.dispose();
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EADDRINUSE' ? `port ${opts.port} is taken; choose another with --port (0: any free port)` : e.code === 'EACCES' ? `port ${opts.port} needs more rights than this user has; choose one above 1023 with --port` : e.code === 'EADDRNOTAVAIL' ? `${opts.host} is not an address of this machine; check --host` : (e.message ?? String(err));
    return fail(`cannot listen on ${opts.host}:${opts.port}: ${why}`, 1);
  }
  process.stderr.write(`${chosen.said}\n`);
  if (token) process.stderr.write('zombie-lab: listening beyond this machine: every request needs the token in this URL; share it only with your audience\n');
  process.stdout.write(`${server.url}\n`);
  process.stderr.write(`deck: ${server.url}  ·  lanes to embed: ${server.url.replace(/\/(\?|$)/, '/lanes$1')}  ·  q or Ctrl-C quits\n`);
  if (opts.open) {
    const said = await openInBrowser(server.url);
    if (said) process.stderr.write(`zombie-lab: ${said}\n`);
  }

  const quit = new Promise<number>((resolve) => {
    scope.signal.addEventListener('abort', () => resolve(exitCodeFor(scope.interrupted() ?? 'SIGTERM')), { once: true });
    if (process.stdin.isTTY) {
      process.stdin.setRawMode(true);
      process.stdin.on('data', (b: Buffer) => {
        const k = b.toString();
        if (k === 'q' || k === '\x03') resolve(k === 'q' ? 0 : exitCodeFor('SIGINT'));
      });
    }
  });
  const code = await quit;
  if (process.stdin.isTTY) {
    process.stdin.setRawMode(false);
    process.stdin.pause();
  }
  process.stderr.write(opts.follow ? 'closing the server (the run is the app\'s)\n' : 'stopping the run, removing its containers and closing the server\n');
  following.abort();
  await Promise.all([hub.shutdown(), chosen.close?.(), server.close(), followed]);
  scope.dispose();
  return code;
}
