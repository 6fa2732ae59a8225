/**
 * The local channel between the presenter app and `zombie-lab notes`: a Unix socket on this
 * machine only (no network), like presenterm's publish/listen pair. The app serves it and sends
 * one JSON line per slide change; a notes terminal that connects late gets the current slide at
 * once, and one that starts first waits and connects when the app appears.
 */
import { existsSync, mkdirSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseNotesMessage, type NotesMessage } from '../core/speaker-notes.js';

/** $ZOMBIE_LAB_NOTES_SOCKET, else $XDG_RUNTIME_DIR/zombie-lab/notes.sock, else one per user in the temp folder. */
export function notesSocketPath(env: Record<string, string | undefined> = process.env): string {
  if (env.ZOMBIE_LAB_NOTES_SOCKET) return path.resolve(env.ZOMBIE_LAB_NOTES_SOCKET);
  if (env.XDG_RUNTIME_DIR && path.isAbsolute(env.XDG_RUNTIME_DIR)) return path.join(env.XDG_RUNTIME_DIR, 'zombie-lab', 'notes.sock');
  return path.join(tmpdir(), `zombie-lab-notes-${process.getuid?.() ?? 'user'}.sock`);
}

export interface NotesPublisher {
  send(msg: NotesMessage): void;
  close(): Promise<void>;
}

/** Whether a live presenter already answers on `file` (then a second app does not take it over). */
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
 * Serves the notes channel; null when another presenter app already serves it or the socket
 * cannot be made (the app presents anyway: notes are a help, never a reason to fail on stage).
 */
export async function publishNotes(file = notesSocketPath()): Promise<NotesPublisher | null> {
  try {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (existsSync(file)) {
      if (await answers(file)) return null;
      unlinkSync(file); // left by an app that was killed
    }
  } catch {
    return null;
  }
  let last: string | null = null;
  const clients = new Set<net.Socket>();
  const server = net.createServer((c) => {
    clients.add(c);
    c.on('close', () => clients.delete(c));
    c.on('error', () => clients.delete(c));
    if (last) c.write(last);
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen(file, () => resolve(true));
  });
  if (!listening) return null;
  server.unref();
  return {
    send(msg) {
      last = `${JSON.stringify(msg)}\n`;
      for (const c of clients) c.write(last);
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
 * Follows the presenter until `signal` ends: `onMessage` for each slide change, `onPresenter`
 * when the app comes or goes. Retries every `retryMs` while no app serves the socket.
 */
export async function followNotes(
  signal: AbortSignal,
  on: { message: (m: NotesMessage) => void; presenter: (present: boolean) => void },
  file = notesSocketPath(),
  retryMs = 300,
): Promise<void> {
  while (!signal.aborted) {
    await new Promise<void>((resolve) => {
      const c = net.connect(file);
      let buf = '';
      const end = () => {
        signal.removeEventListener('abort', onAbort);
        c.destroy();
        resolve();
      };
      const onAbort = () => end();
      signal.addEventListener('abort', onAbort, { once: true });
      c.once('connect', () => on.presenter(true));
      c.on('data', (chunk) => {
        buf += chunk.toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const m = parseNotesMessage(buf.slice(0, nl));
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
