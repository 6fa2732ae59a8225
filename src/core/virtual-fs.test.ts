import { describe, expect, it } from 'vitest';
import { underVirtualFs } from './virtual-fs.js';

describe('underVirtualFs', () => {
  it('names /proc and /sys and what lies below them, and nothing that only starts with the same letters', () => {
    expect(underVirtualFs('/proc')).toBe('/proc');
    expect(underVirtualFs('/proc/x/state')).toBe('/proc');
    expect(underVirtualFs('/sys/fs/cgroup')).toBe('/sys');
    expect(underVirtualFs('/process/x')).toBeNull();
    expect(underVirtualFs('/home/me/.local/state/zombie-lab')).toBeNull();
  });
});
