import { describe, expect, it } from 'vitest';
import { notJudgedText, reapingText, stateText } from './report.js';

describe('reapingText', () => {
  it('names who reaps and how it was told', () => {
    const lines = reapingText({
      watchedMs: 4200,
      oldestAgeS: 3.1,
      parents: [
        { pid: 1, comm: 'runsvdir', isPid1: true, verdict: 'reaps', seen: 9, gone: 9, longestSeenMs: 4300 },
        { pid: 7, comm: 'python3', isPid1: false, verdict: 'reaps', seen: 2, gone: 2, longestSeenMs: 0 },
        { pid: 9, comm: 'worker', isPid1: false, verdict: 'does-not-reap', seen: 5, gone: 0, longestSeenMs: 6600 },
      ],
    });
    expect(lines).toEqual(['PID 1 (runsvdir) reaps: 9 of 9 zombies seen went, the longest after 4.3 s', 'worker (PID 9) does not reap: a zombie of it lasted 6.6 s, longer than any known init waits']);
  });
  it('says when there was nothing to judge', () => {
    expect(reapingText({ watchedMs: 1000, oldestAgeS: null, parents: [] })).toEqual(['no zombie in 1.0 s: nothing to judge']);
    expect(reapingText({ watchedMs: 1000, oldestAgeS: null, parents: [{ pid: 7, comm: 'python3', isPid1: false, verdict: 'reaps', seen: 1, gone: 1, longestSeenMs: 0 }] })).toEqual([
      'every zombie seen went (their parents wait for them), in 1.0 s',
    ]);
  });
});

describe('notJudgedText', () => {
  it('one line, no verdict', () => {
    expect(notJudgedText({ target: 'web', id: 'a'.repeat(64), name: 'web', state: 'exited', during: true, exitCode: 3, message: 'exited (exit code 3) while inspect read it: no verdict' })).toEqual([
      'web (aaaaaaaaaaaa): exited (exit code 3) while inspect read it: no verdict',
    ]);
  });
});

describe('stateText', () => {
  it('says what happened and when', () => {
    expect(stateText({ state: 'exited', during: true, exitCode: 3, at: null })).toBe('exited (exit code 3) while inspect read it');
    expect(stateText({ state: 'paused', during: false, exitCode: null, at: null })).toMatch(/^paused: its processes are frozen/);
    expect(stateText({ state: 'restarted', during: true, exitCode: null, at: null })).toMatch(/^restarted while inspect read it: what was read belongs to its previous run/);
  });
});
