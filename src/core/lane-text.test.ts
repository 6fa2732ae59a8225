import { describe, expect, it } from 'vitest';
import { laneStateText } from './lane-text.js';

describe('laneStateText', () => {
  it('has words for every state', () => {
    expect(laneStateText({ kind: 'idle' }, 0)).toContain('press r');
    expect(laneStateText({ kind: 'building', detail: 'step 3/5' }, 0)).toBe('building image: step 3/5');
    expect(laneStateText({ kind: 'starting' }, 0)).toContain('starting');
    expect(laneStateText({ kind: 'running', startedAt: 1000 }, 13_400)).toBe('running 12 s');
    expect(laneStateText({ kind: 'error', problem: { message: 'boom', fix: 'x' } }, 0)).toBe('ERROR: boom');
  });
  it('counts down to SIGKILL while stopping, never below 0', () => {
    const s = { kind: 'stopping' as const, since: 0, deadline: 10_000, timeoutS: 10 };
    expect(laneStateText(s, 2_500)).toBe('stopping · SIGKILL in 7.5 s (timeout 10 s)');
    expect(laneStateText(s, 12_000)).toContain('SIGKILL in 0.0 s');
    expect(laneStateText(s, 2_500, true)).toBe('stopping · SIGKILL in 7.5 s');
  });
  it('gives stop time and exit code once stopped', () => {
    expect(laneStateText({ kind: 'stopped', stopMs: 10_052, exitCode: 137 }, 0)).toBe('stopped in 10.05 s · exit 137');
    expect(laneStateText({ kind: 'stopped', stopMs: 95, exitCode: null }, 0)).toBe('stopped in 0.10 s · exit ?');
  });
});
