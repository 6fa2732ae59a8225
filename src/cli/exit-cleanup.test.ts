import { describe, expect, it } from 'vitest';
import { isTerminalGone, signalExitCode } from './exit-cleanup.js';

describe('isTerminalGone', () => {
  it('takes a failed write to the terminal (EIO, EPIPE) for a hang-up, and nothing else', () => {
    expect(isTerminalGone(Object.assign(new Error('write EIO'), { code: 'EIO', syscall: 'write' }))).toBe(true);
    expect(isTerminalGone(Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' }))).toBe(true);
    expect(isTerminalGone(Object.assign(new Error('read EIO'), { code: 'EIO', syscall: 'read' }))).toBe(false);
    expect(isTerminalGone(Object.assign(new Error('nope'), { code: 'ENOENT', syscall: 'open' }))).toBe(false);
    expect(isTerminalGone(new Error('a bug'))).toBe(false);
    expect(isTerminalGone(null)).toBe(false);
  });
});

describe('signalExitCode', () => {
  it('is 128 + the signal number for the signals a command winds down on', () => {
    expect(signalExitCode('SIGINT')).toBe(130);
    expect(signalExitCode('SIGTERM')).toBe(143);
    expect(signalExitCode('SIGHUP')).toBe(129);
  });
});
