import { describe, expect, it, vi } from 'vitest';
import { VARIANT_IDS } from '../core/scorecard.js';
import { parseVariants, runScorecardCommand, scorecardProgress } from './scorecard-command.js';

describe('scorecard --variants', () => {
  it('measures a variant named twice once (one row, not two)', () => {
    expect(parseVariants('tini,tini')).toEqual(['tini']);
    expect(parseVariants(' tini , python3,tini')).toEqual(['tini', 'python3']);
  });
  it('means every variant when not given, and names the unknown ones with the list', () => {
    expect(parseVariants(undefined)).toEqual([...VARIANT_IDS]);
    expect(() => parseVariants('tini,runit')).toThrow(/unknown variant runit/);
  });
});

describe('scorecard --concurrency', () => {
  it('0 is a usage error: exit 2 with one line, like compare --rate 0, before any engine is asked', async () => {
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runScorecardCommand({ concurrency: '0' })).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0]))).toEqual(['zombie-lab: --concurrency must be a whole number from 1 to 16, got "0"\n']);
    } finally {
      err.mockRestore();
    }
  });
});

describe('scorecard progress', () => {
  it('names what runs now, and says nothing about "now" once nothing runs', () => {
    expect(scorecardProgress(4, 6, ['tini: stop'])).toBe(' 4/6 runs done · now: tini: stop');
    expect(scorecardProgress(6, 6, [])).toBe(' 6/6 runs done');
  });
});
