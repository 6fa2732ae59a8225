import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotesMessage } from '../core/speaker-notes.js';
import { followNotes, notesSocketPath, publishNotes } from './notes-channel.js';

const dirs: string[] = [];
const sock = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'hs11-notes-'));
  dirs.push(d);
  return path.join(d, 'notes.sock');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const msg = (n: number): NotesMessage => ({ n, of: 3, title: `slide ${n}`, notes: `note ${n}`, nextTitle: null, replay: true, startedAt: 0 });

describe('notes channel', () => {
  it('a notes terminal started first connects when the app comes, gets the current slide and each change, and sees the app go', async () => {
    const file = sock();
    const got: number[] = [];
    const presence: boolean[] = [];
    const abort = new AbortController();
    const following = followNotes(abort.signal, { message: (m) => got.push(m.n), presenter: (p) => presence.push(p) }, file, 50);
    const pub = await publishNotes(file);
    expect(pub).not.toBeNull();
    pub?.send(msg(1));
    await vi.waitFor(() => expect(got).toEqual([1]), { timeout: 3000, interval: 20 });
    pub?.send(msg(2));
    await vi.waitFor(() => expect(got).toEqual([1, 2]), { timeout: 3000, interval: 20 });
    await pub?.close();
    await vi.waitFor(() => expect(presence).toEqual([true, false]), { timeout: 3000, interval: 20 });
    abort.abort();
    await following;
  });

  it('a late notes terminal gets the slide already shown', async () => {
    const file = sock();
    const pub = await publishNotes(file);
    pub?.send(msg(3));
    const got: number[] = [];
    const abort = new AbortController();
    const following = followNotes(abort.signal, { message: (m) => got.push(m.n), presenter: () => undefined }, file, 50);
    await vi.waitFor(() => expect(got).toEqual([3]), { timeout: 3000, interval: 20 });
    abort.abort();
    await following;
    await pub?.close();
  });

  it('a second app leaves the live one its socket; a dead one is replaced', async () => {
    const file = sock();
    const first = await publishNotes(file);
    expect(await publishNotes(file)).toBeNull();
    await first?.close();
    writeFileSync(file, ''); // what a killed app can leave behind
    const again = await publishNotes(file);
    expect(again).not.toBeNull();
    await again?.close();
  });

  // Issue 22 row 5: one abort listener per retry stayed on the signal, and Node printed
  // MaxListenersExceededWarning onto the notes screen after a while without a presenter.
  it('waiting long for an app leaves no listeners behind on the signal, and Node warns of nothing', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    const connect = vi.spyOn(net, 'connect');
    const abort = new AbortController();
    try {
      const following = followNotes(abort.signal, { message: () => undefined, presenter: () => undefined }, sock(), 1);
      // Forty tries without an app: four times what it took to pass Node's limit of 10.
      await vi.waitFor(() => expect(connect.mock.calls.length).toBeGreaterThanOrEqual(40), { timeout: 10_000, interval: 5 });
      expect(getEventListeners(abort.signal, 'abort').length).toBeLessThanOrEqual(1);
      abort.abort();
      await following;
      expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      connect.mockRestore();
      process.off('warning', onWarning);
    }
  });

  it('lives in XDG_RUNTIME_DIR, or where ZOMBIE_LAB_NOTES_SOCKET says', () => {
    expect(notesSocketPath({ XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/run/user/1000/zombie-lab/notes.sock');
    expect(notesSocketPath({ ZOMBIE_LAB_NOTES_SOCKET: '/tmp/x.sock', XDG_RUNTIME_DIR: '/run/user/1000' })).toBe('/tmp/x.sock');
    expect(notesSocketPath({})).toMatch(/zombie-lab-notes-.*\.sock$/);
  });
});
