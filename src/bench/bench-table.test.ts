import { describe, expect, it } from 'vitest';
import { renderBenchTable } from './bench-table.js';

describe('renderBenchTable', () => {
  it('renders our CPU share, or the wall share of tools whose CPU is elsewhere, and exactness', () => {
    const lines = renderBenchTable([
      { zombies: 20_000, method: 'cgroup fast path', medianUs: 41, p99Us: 90, cpuPct: 0.05, rateHz: 10, exact: 'yes' },
      { zombies: 20_000, method: '`docker top`', medianUs: 22_000, p99Us: 25_000, cpuPct: null, wallPct: 22, rateHz: null, exact: 'no', note: 'never lists zombies' },
      { zombies: 20_000, method: '/proc on the worker', medianUs: 250_000, p99Us: 300_000, cpuPct: 24.8, rateHz: 1, perProcUs: 12.46, exact: 'yes' },
      { zombies: 5_000, method: 'cross-check', medianUs: 200_000, p99Us: 200_000, cpuPct: 0.5, rateHz: 1 / 40, exact: 'yes' },
    ]);
    expect(lines[0]).toBe('| zombies | method | median | p99 | per process | CPU at 10 Hz | rate | exact? |');
    expect(lines[2]).toBe('| 20,000 | cgroup fast path | 0.041 ms | 0.090 ms | - | 0.05 % | 10.0 Hz | yes |');
    expect(lines[3]).toBe('| 20,000 | `docker top` | 22.0 ms | 25.0 ms | - | (22.0 % wall) | - | no (never lists zombies) |');
    expect(lines[4]).toBe('| 20,000 | /proc on the worker | 250 ms | 300 ms | 12.5 µs | 24.8 % | 1.0 Hz | yes |');
    expect(lines[5]).toBe('| 5,000 | cross-check | 200 ms | 200 ms | - | 0.50 % | 1 per 40 s | yes |');
  });
});
