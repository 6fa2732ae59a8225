/**
 * Plays a recorded run back in real time through the same event stream as a live run: the demo,
 * or on the pods slide the recorded pods run (`record --pods`).
 * Pressing stop jumps to the recorded stop, so the lesson (the no-init lane waiting out its
 * timeout) plays the same as live.
 */
import { readFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { EventSource } from '../core/event-source.js';
import { problemOf } from '../core/problem-text.js';
import { parseRecording, shiftEvent, type RecordedRun, type Recording } from '../core/recording.js';
import type { RunEvent } from '../core/run-events.js';

export async function loadRecording(file: string): Promise<Recording> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${file}: cannot read the recording (${code ?? String(err)}); check the path or record one with \`zombie-lab record\``);
  }
  return parseRecording(text, file);
}

/** The newest `*.json` in a recordings folder, or null when there is none. */
export function newestRecording(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return null;
  }
  names.sort();
  const last = names.at(-1);
  return last ? path.join(dir, last) : null;
}

/** Wait `ms`, ending early when any of the signals aborts. Resolves to true when it waited the whole time. */
function wait(ms: number, signals: AbortSignal[]): Promise<boolean> {
  return new Promise((resolve) => {
    if (signals.some((s) => s.aborted)) return resolve(false);
    const done = (full: boolean): void => {
      clearTimeout(timer);
      for (const s of signals) s.removeEventListener('abort', onAbort);
      resolve(full);
    };
    const onAbort = (): void => done(false);
    const timer = setTimeout(() => done(true), Math.max(0, ms));
    for (const s of signals) s.addEventListener('abort', onAbort, { once: true });
  });
}

export function replaySource(rec: Recording, opts: { now?: () => number } = {}): EventSource {
  const now = opts.now ?? Date.now;
  return async function* replay(ctl): AsyncGenerator<RunEvent> {
    // The pods slide plays the recorded pods run; the demo's run must never show as the pods, so a
    // recording without one says the pods run live only.
    const run: RecordedRun | undefined = ctl.runOf === 'pods' ? rec.pods : { startedAtMs: rec.startedAtMs, options: rec.options, events: rec.events };
    if (!run) {
      yield { type: 'problem', problem: problemOf({ id: 'pods-need-engine' }) };
      return;
    }
    const events = run.events;
    let start = now();
    const firstStop = events.findIndex((e) => e.event.type === 'lane' && e.event.state.kind === 'stopping');
    let skipped = false;
    const detail = `recorded ${rec.recordedAt.slice(0, 16).replace('T', ' ')} UTC on ${rec.engine}, not live`;
    yield { type: 'source', source: 'replay', detail };
    for (let i = 0; i < events.length; i++) {
      const item = events[i];
      if (!item) break;
      if (ctl.stop.aborted && !skipped && firstStop >= i) {
        // Jump to the recorded stop: shift the clock so that event is due now. The samples before
        // it come at once rather than not at all, so the plot still shows the whole recorded rise.
        skipped = true;
        const stopAt = events[firstStop]?.at ?? item.at;
        start = now() - stopAt;
        i--;
        continue;
      }
      const due = start + item.at - now();
      if (due > 0) {
        const waited = await wait(due, skipped || firstStop < i ? [ctl.signal] : [ctl.signal, ctl.stop]);
        if (ctl.signal.aborted) return;
        if (!waited) {
          i--; // the stop arrived: handle it at the top of the loop
          continue;
        }
      }
      if (ctl.signal.aborted) return;
      const e = item.event;
      // Samples keep run-relative time; lane timestamps move to now so countdowns are right.
      // A recorded source line would read as live; keep saying it is a replay.
      if (e.type === 'source') continue;
      yield shiftEvent(e, start - run.startedAtMs);
    }
  };
}
