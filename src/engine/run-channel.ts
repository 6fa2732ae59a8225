/**
 * The presenter app's run, published on this machine for `zombie-lab serve --follow`: a Unix
 * socket beside the speaker notes' (engine/notes-channel.ts), one JSON line per message. A
 * follower that connects mid-run first gets the run so far, so a browser on the projector and
 * the terminal show the same numbers from the same run.
 */
import path from 'node:path';
import type { EventSource } from '../core/event-source.js';
import type { RunEvent } from '../core/run-events.js';
import { boundHistory, withoutTree } from '../core/run-history.js';
import { followLines, serveLines } from './line-channel.js';
import { notesSocketPath } from './notes-channel.js';

export type RunChannelMessage = { kind: 'run'; phase: 'running' | 'stopping' | 'ended'; replay: boolean } | { kind: 'event'; event: RunEvent };

/** $ZOMBIE_LAB_RUN_SOCKET, else beside the notes socket (`run.sock`, `zombie-lab-run-<uid>.sock`, or `run-<its name>`). */
export function runSocketPath(env: Record<string, string | undefined> = process.env): string {
  if (env.ZOMBIE_LAB_RUN_SOCKET) return path.resolve(env.ZOMBIE_LAB_RUN_SOCKET);
  const notes = notesSocketPath(env);
  const name = path.basename(notes);
  // Never the notes socket itself, whatever it is called.
  return path.join(path.dirname(notes), name.includes('notes') ? name.replace('notes', 'run') : `run-${name}`);
}

export interface RunPublisher {
  send(m: RunChannelMessage): void;
  close(): Promise<void>;
}

/** Serves the run channel; null when another app serves it or it cannot be made (the app presents anyway). */
export async function publishRun(file = runSocketPath()): Promise<RunPublisher | null> {
  let history: string[] = [];
  const server = await serveLines(file, () => history.join(''));
  if (!server) return null;
  return {
    send(m) {
      const line = `${JSON.stringify(m.kind === 'event' ? { ...m, event: withoutTree(m.event) } : m)}\n`;
      if (m.kind === 'run' && m.phase === 'running') history = [];
      history.push(line);
      history = boundHistory(history, (l) => l.startsWith('{"kind":"event","event":{"type":"sample"'));
      server.broadcast(line);
    },
    close: () => server.close(),
  };
}

/** The same source, telling the channel each run's start, stop and end, and every event. */
export function publishedSource(source: EventSource, pub: RunPublisher, replay: boolean): EventSource {
  return (ctl) =>
    (async function* () {
      pub.send({ kind: 'run', phase: 'running', replay });
      const onStop = () => pub.send({ kind: 'run', phase: 'stopping', replay });
      ctl.stop.addEventListener('abort', onStop, { once: true });
      try {
        for await (const e of source(ctl)) {
          pub.send({ kind: 'event', event: e });
          yield e;
        }
      } finally {
        ctl.stop.removeEventListener('abort', onStop);
        pub.send({ kind: 'run', phase: 'ended', replay });
      }
    })();
}

function parse(line: string): RunChannelMessage | null {
  try {
    const m = JSON.parse(line) as RunChannelMessage;
    return m && (m.kind === 'run' || m.kind === 'event') ? m : null;
  } catch {
    return null;
  }
}

/**
 * Follows the app until `signal` ends: `message` for each message (a reconnect starts with the
 * app's current run again), `presenter` when the app comes or goes; retries while none serves.
 */
export function followRun(signal: AbortSignal, on: { message: (m: RunChannelMessage) => void; presenter: (present: boolean) => void }, file = runSocketPath(), retryMs = 500): Promise<void> {
  return followLines(file, parse, signal, on, retryMs);
}
