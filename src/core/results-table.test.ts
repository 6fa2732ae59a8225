import { describe, expect, it } from 'vitest';
import { formatStop, renderResultsTable } from './results-table.js';

describe('renderResultsTable', () => {
  it('lines up one row per mode with stop time and exit code', () => {
    const lines = renderResultsTable([
      { mode: 'no-init', pid1: 'python3', zombiesEnd: 180, zombiesPeak: 190, pidsUsedEnd: 185, pidsPeak: 195, pidsLimit: 1024, forkFailures: 0, stopMs: 10_041, exitCode: 137 },
      { mode: 'init', pid1: 'docker-init', zombiesEnd: 0, zombiesPeak: 1, pidsUsedEnd: 4, pidsPeak: 6, pidsLimit: 1024, forkFailures: null, stopMs: 88, exitCode: 143 },
    ]);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^no init\s+python3\s+180\s+190\s+195\/1024\s+0\s+10\.0 s\s+137$/);
    expect(lines[3]).toMatch(/^docker --init\s+docker-init\s+0\s+1\s+6\/1024\s+-\s+88 ms\s+143$/);
    expect(new Set(lines.map((l) => l.length)).size).toBeLessThanOrEqual(2);
  });
  it('formats stop times', () => {
    expect(formatStop(null)).toBe('-');
    expect(formatStop(99.6)).toBe('100 ms');
    expect(formatStop(2500)).toBe('2.5 s');
  });
});
