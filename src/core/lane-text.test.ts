import { describe, expect, it } from 'vitest';
import { emptyLane } from './app-state.js';
import { rowText, rowWidth } from './fit-line.js';
import { UI_TEXT } from './i18n.js';
import { laneHeader, laneLines, laneStateText, laneSummary } from './lane-text.js';

const en = UI_TEXT.en;
const de = UI_TEXT.de;

describe('laneStateText', () => {
  it('has words for every state', () => {
    expect(laneStateText({ kind: 'idle' }, 0, en)).toContain('press r');
    expect(laneStateText({ kind: 'building', detail: 'step 3/5' }, 0, en)).toBe('building image: step 3/5');
    expect(laneStateText({ kind: 'starting' }, 0, en)).toContain('starting');
    expect(laneStateText({ kind: 'running', startedAt: 1000 }, 13_400, en)).toBe('running 12 s');
    expect(laneStateText({ kind: 'error', problem: { message: 'boom', fix: 'x' } }, 0, en)).toBe('ERROR: boom');
  });
  it('counts down to SIGKILL while stopping, never below 0', () => {
    const s = { kind: 'stopping' as const, since: 0, deadline: 10_000, timeoutS: 10 };
    expect(laneStateText(s, 2_500, en)).toBe('stopping · SIGKILL in 7.5 s (timeout 10 s)');
    // A pod's lane waits out the pod's grace period (terminationGracePeriodSeconds), and says so.
    expect(laneStateText(s, 2_500, en, false, true)).toBe('stopping · SIGKILL in 7.5 s (grace period 10 s)');
    expect(laneStateText(s, 12_000, en)).toContain('SIGKILL in 0.0 s');
    expect(laneStateText(s, 2_500, en, true)).toBe('stopping · SIGKILL in 7.5 s');
  });
  it('gives stop time and exit code once stopped, in German with a decimal comma', () => {
    expect(laneStateText({ kind: 'stopped', stopMs: 10_052, exitCode: 137 }, 0, en)).toBe('stopped in 10.05 s · exit 137');
    expect(laneStateText({ kind: 'stopped', stopMs: 95, exitCode: null }, 0, en)).toBe('stopped in 0.10 s · exit ?');
    expect(laneStateText({ kind: 'stopped', stopMs: 10_052, exitCode: 137 }, 0, de)).toBe('gestoppt in 10,05 s · Exit 137');
  });
});

describe('laneLines', () => {
  const busy = {
    ...emptyLane('no-init'),
    state: { kind: 'stopping' as const, since: 0, deadline: 10_000, timeoutS: 10 },
    zombies: 254,
    peak: 254,
    pid1: 'python3',
    pidsUsed: 255,
    pidsLimit: 256,
    forkFailures: 1234,
  };
  it('never makes a row wider than asked, and keeps every number whole by wrapping', () => {
    for (const t of [en, de]) {
      for (const width of [20, 30, 42, 53, 80]) {
        const rows = laneLines({ lane: busy, index: 1, width, now: 2_900, t });
        for (const r of rows) expect(rowWidth(r)).toBeLessThanOrEqual(width);
        const all = rows.map(rowText).join(' ');
        for (const part of ['254', '255/256', '1234', 'python3', 'SIGKILL', '7.1 s'.replace('.', t === de ? ',' : '.')]) expect(all).toContain(part);
      }
    }
  });
  it('drops the PID bar before wrapping the numbers', () => {
    const rows = laneLines({ lane: { ...busy, forkFailures: null }, index: 1, width: 18, now: 0, t: en });
    expect(rows.map(rowText)).toContain('PIDs 255/256');
  });
  // Issue 22 row 12: at 100x30 in German the header read "* 1 ohne Init stoppt · SIGKILL in 8,5 s (Frist 10 s)".
  it('keeps two spaces at least between the lane badge and its state, at every width, in both languages', () => {
    for (const t of [en, de]) {
      for (let width = 20; width <= 80; width++) {
        const [first] = laneHeader({ lane: busy, index: 1, width, now: 2_900, t });
        const badge = first?.[0];
        expect(badge?.style).toBe('mode');
        const after = first?.slice(1).map((seg) => seg.text).join('') ?? '';
        // The badge is inverse colour: its own padding is no gap.
        if (after.trim() !== '') expect(after, `${width}`).toMatch(/^ {2,}\S/);
      }
    }
  });
  it('uses one row each when the width allows', () => {
    expect(laneLines({ lane: busy, index: 1, width: 80, now: 2_900, t: en })).toHaveLength(3);
  });
});

describe('laneSummary', () => {
  it('wraps a long state onto the next row rather than cutting it', () => {
    const lane = { ...emptyLane('init'), state: { kind: 'stopped' as const, stopMs: 90, exitCode: 143 } };
    const rows = laneSummary({ lane, index: 3, width: 34, now: 0, t: de });
    expect(rows.length).toBe(2);
    expect(rows.map(rowText).join(' ')).toContain('gestoppt 0,09 s · Exit 143');
  });
});
