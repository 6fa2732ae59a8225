import { describe, expect, it } from 'vitest';
import { pidBudgetRefusal, pidMargin } from './pid-budget.js';

describe('the host-wide PID budget', () => {
  it('keeps a quarter of pid_max free, at least 4096', () => {
    expect(pidMargin(32768)).toBe(8192);
    expect(pidMargin(8192)).toBe(4096);
    expect(pidMargin(4194304)).toBe(1048576);
  });

  it('lets several classroom runs at the defaults through: six compares and an app with its standby', () => {
    expect(pidBudgetRefusal({ pidMax: 32768, inUse: 6 * 3 * 1024 + 2 * 3 * 256 - 3 * 256, runs: 7, wanted: 3 * 256 })).toBeNull();
  });

  it('refuses the fourth run at the highest limit, and says how much is in use by how many runs', () => {
    expect(pidBudgetRefusal({ pidMax: 32768, inUse: 2 * 8192, runs: 2, wanted: 8192 })).toBeNull();
    const r = pidBudgetRefusal({ pidMax: 32768, inUse: 3 * 8192, runs: 3, wanted: 8192 });
    expect(r?.message).toBe('not enough PIDs left on this host: 24576 are reserved by 3 lab runs, and 8192 more would leave 0 of pid_max 32768 free (the lab keeps 8192 free)');
    expect(r?.fix).toMatch(/--pids-limit/);
  });
});
