import { describe, expect, it } from 'vitest';
import { enterAltScreen } from './terminal-screen.js';

function fakeOut() {
  const chunks: string[] = [];
  return { chunks, out: { write: (s: string) => chunks.push(s) > 0 } as unknown as NodeJS.WriteStream };
}

describe('enterAltScreen', () => {
  it('enters the alternate screen and leaves it exactly once, however often leave() is called', () => {
    const { chunks, out } = fakeOut();
    const screen = enterAltScreen(out);
    expect(chunks.join('')).toContain('\x1b[?1049h');
    screen.leave();
    screen.leave();
    const leaves = chunks.join('').split('\x1b[?1049l').length - 1;
    expect(leaves).toBe(1);
    expect(chunks.join('')).toContain('\x1b[?25h');
  });
  it('leaves on process exit when nobody else did, and unhooks itself once left', () => {
    const { chunks, out } = fakeOut();
    const before = process.listenerCount('exit');
    enterAltScreen(out);
    expect(process.listenerCount('exit')).toBe(before + 1);
    process.emit('exit', 0);
    expect(chunks.join('')).toContain('\x1b[?1049l');
    expect(process.listenerCount('exit')).toBe(before);
  });
});
