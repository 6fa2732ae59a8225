import { describe, expect, it } from 'vitest';
import { OptionError, parseCompareOptions, parseDuration, parseModes } from './compare-options.js';

describe('parseDuration', () => {
  it.each([
    ['20s', 20_000],
    ['20', 20_000],
    ['1m', 60_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1.5s', 1500],
  ])('%s is %i ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', 'abc', '10x', '5s garbage', '-3s'])('rejects %j', (text) => expect(() => parseDuration(text)).toThrow(OptionError));
});

describe('parseModes', () => {
  it('keeps order and drops repeats', () => expect(parseModes('init, no-init,init')).toEqual(['init', 'no-init']));
  it('names the unknown mode and the choices', () => expect(() => parseModes('no-init,tini')).toThrow(/"tini".*no-init, dumb-init, init/));
});

describe('parseCompareOptions', () => {
  it('has the documented defaults', () => {
    expect(parseCompareOptions({})).toEqual({ durationMs: 20_000, modes: ['no-init', 'dumb-init', 'init'], pidsLimit: 1024, memoryMb: 256, stopTimeoutS: 10, zombieRate: 10, json: false });
  });
  it('refuses a PID limit that could starve the host', () => {
    expect(() => parseCompareOptions({ pidsLimit: '40000' })).toThrow(/--pids-limit/);
    expect(() => parseCompareOptions({ pidsLimit: '0' })).toThrow(/--pids-limit/);
  });
  it('refuses absurd durations', () => expect(() => parseCompareOptions({ duration: '0s' })).toThrow(/--duration/));
});
