/**
 * The local channel between the presenter app and `zombie-lab notes`: a Unix socket on this
 * machine only (no network), like presenterm's publish/listen pair. The app serves it and sends
 * one JSON line per slide change; a notes terminal that connects late gets the current slide at
 * once, and one that starts first waits and connects when the app appears.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseNotesMessage, type NotesMessage } from '../core/speaker-notes.js';
import { followLines, serveLines } from './line-channel.js';

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

/**
 * Serves the notes channel; null when another presenter app already serves it or the socket
 * cannot be made (the app presents anyway: notes are a help, never a reason to fail on stage).
 */
export async function publishNotes(file = notesSocketPath()): Promise<NotesPublisher | null> {
  let last = '';
  const server = await serveLines(file, () => last);
  if (!server) return null;
  return {
    send(msg) {
      last = `${JSON.stringify(msg)}\n`;
      server.broadcast(last);
    },
    close: () => server.close(),
  };
}

/**
 * Follows the presenter until `signal` ends: `onMessage` for each slide change, `onPresenter`
 * when the app comes or goes. Retries every `retryMs` while no app serves the socket.
 */
export function followNotes(
  signal: AbortSignal,
  on: { message: (m: NotesMessage) => void; presenter: (present: boolean) => void },
  file = notesSocketPath(),
  retryMs = 300,
): Promise<void> {
  return followLines(file, parseNotesMessage, signal, on, retryMs);
}
