import { describe, expect, it } from 'vitest';
import { ownerMark, parseOwnerMark } from './owner-mark.js';

describe('owner marks', () => {
  it('round-trips the owner of a marked name (mkdtemp appends six characters)', () => {
    const name = `${ownerMark('build', { pid: 4242, startTime: 987654 })}Ab12Cd`;
    expect(name).toBe('zombie-lab-build-4242-987654-Ab12Cd');
    expect(parseOwnerMark(name)).toEqual({ what: 'build', pid: 4242, startTime: 987654 });
  });

  it('refuses names it did not make: other tools, old unmarked folders, look-alikes', () => {
    for (const n of ['mmdebstrap.abc123', 'zombie-lab-base-AbCdEf', 'zombie-lab-build-12-', 'zombie-lab-build-0-5-abc', 'xzombie-lab-build-1-2-abc', 'zombie-lab-build-1-2-abc/../x']) {
      expect(parseOwnerMark(n)).toBeNull();
    }
  });

  it('refuses a kind that would not parse back', () => {
    expect(() => ownerMark('Build-x', { pid: 1, startTime: 1 })).toThrow(RangeError);
  });
});
