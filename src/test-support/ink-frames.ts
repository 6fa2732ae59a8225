/**
 * Reading an Ink app's frames in tests (ink-testing-library), shared by the app tests: plain
 * text, a terminal size, waiting for a frame with a deadline, and waiting for the frames to settle.
 */
import { stripAnsi } from '../core/text-wrap.js';

/** A frame without its colour codes (SGR only: what Ink writes into a frame). */
// eslint-disable-next-line no-control-regex
export const plain = (s: string): string => s.replace(/\x1b\[[0-9;]*m/g, '');

/** Gives the fake stdout a size and tells Ink it changed. */
export function setSize(stdout: NodeJS.EventEmitter, columns: number, rows: number): void {
  Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
  Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  stdout.emit('resize');
}

/** The first plain frame that passes `test`; a deadline, not a wait: a loaded CI machine renders the first frame slowly. */
export async function until(frame: () => string | undefined, test: (f: string) => boolean, what: string, ms = 10_000): Promise<string> {
  const deadline = Date.now() + ms;
  for (;;) {
    const f = stripAnsi(frame() ?? '');
    if (test(f)) return f;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${f}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Waits until Ink reads keys from the fake stdin: its input hook attaches a 'readable' listener in
 * an effect after the first frame, and a key written before that is lost. A condition, so a test
 * presses as soon as a press can land instead of waiting for the frames to go quiet.
 */
export async function inputReady(stdin: NodeJS.EventEmitter, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (stdin.listenerCount('readable') === 0) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the app to read keys');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The plain frame once it has not changed for `quietMs` (at most 10 s in all). */
export async function settled(frame: () => string | undefined, quietMs = 300): Promise<string> {
  const deadline = Date.now() + 10_000;
  let last = stripAnsi(frame() ?? '');
  let since = Date.now();
  while (Date.now() - since < quietMs) {
    if (Date.now() > deadline) break;
    await new Promise((res) => setTimeout(res, 10));
    const f = stripAnsi(frame() ?? '');
    if (f !== last) {
      last = f;
      since = Date.now();
    }
  }
  return last;
}
