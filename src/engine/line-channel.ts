/**
 * A channel of JSON lines on a Unix socket of this machine (no network): the presenter app serves
 * it, followers (`zombie-lab notes`, `zombie-lab serve --follow`) read it. One implementation for
 * both channels: taking over a socket an app left when it was killed, never one a live app
 * serves, greeting a late follower with what it missed, and a follower that waits for the app.
 */
import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export interface LineServer {
  /** Sends one line (ending in a newline) to every follower. */
  broadcast(line: string): void;
  close(): Promise<void>;
}

/** Whether a live app already answers on `file` (then a second app does not take it over). */
function answers(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    const c = net.connect(file);
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });
}

/**
 * Serves `file`; `greeting()` is written to each follower as it connects (what it missed). Null when
 * another app serves it or the socket cannot be made: channels are a help, never a reason to fail on stage.
 */
export async function serveLines(file: string, greeting: () => string): Promise<LineServer | null> {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (existsSync(file)) {
      if (await answers(file)) return null;
      unlinkSync(file); // left by an app that was killed
    }
  } catch {
    return null;
  }
  const clients = new Set<net.Socket>();
  const server = net.createServer((c) => {
    clients.add(c);
    c.on('close', () => clients.delete(c));
    c.on('error', () => clients.delete(c));
    const missed = greeting();
    if (missed) c.write(missed);
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(file, () => resolve(true));
  });
  if (!listening) return null;
  server.unref();
  return {
    broadcast(line) {
      for (const c of clients) c.write(line);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Waits `ms` or until `signal` aborts. Its abort listener goes when the wait ends either way:
 * one left per retry piled up on the signal (Node's MaxListenersExceededWarning on the notes
 * screen after a while without a presenter).
 */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Follows the app on `file` until `signal` ends: `message` for each line `parse` accepts (a
 * reconnect starts with the app's greeting again), `presenter` when the app comes or goes.
 * Retries every `retryMs` while no app serves the socket.
 */
export async function followLines<T>(
  file: string,
  parse: (line: string) => T | null,
  signal: AbortSignal,
  on: { message: (m: T) => void; presenter: (present: boolean) => void },
  retryMs: number,
): Promise<void> {
  while (!signal.aborted) {
    await new Promise<void>((resolve) => {
      const c = net.connect(file);
      let buf = '';
      const end = () => {
        signal.removeEventListener('abort', end);
        c.destroy();
        resolve();
      };
      signal.addEventListener('abort', end, { once: true });
      c.once('connect', () => on.presenter(true));
      c.on('data', (chunk) => {
        buf += chunk.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const m = parse(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
          if (m) on.message(m);
        }
      });
      c.once('close', (hadError) => {
        if (!hadError) on.presenter(false);
        end();
      });
      c.once('error', () => end());
    });
    if (signal.aborted) break;
    await pause(retryMs, signal);
  }
}
