import { describe, expect, it } from 'vitest';
import type { SampleTarget } from './sampler-options.js';
import { TargetState } from './target-state.js';

const target = (source?: SampleTarget['source']): SampleTarget => ({ key: 'k', ns: 'pid:[1]', cgroup: null, pidsLimit: 64, ...(source ? { source } : {}) });

describe('TargetState.choosePath', () => {
  it.each([
    ['the plan says cgroup and it is readable', target('cgroup'), 'proc', true, true],
    ['the plan says cgroup but it is not readable', target('cgroup'), 'auto', false, false],
    ['the plan says host-proc', target('host-proc'), 'auto', true, false],
    ['no plan, auto, readable', target(), 'auto', true, true],
    ['no plan, proc forced', target(), 'proc', true, false],
  ] as const)('%s', (_what, t, choice, readable, fast) => {
    expect(new TargetState().choosePath(t, choice, readable)).toBe(fast);
  });

  it('keeps the first choice: a cgroup that vanishes later does not hand over to /proc', () => {
    const s = new TargetState();
    expect(s.choosePath(target('cgroup'), 'auto', true)).toBe(true);
    expect(s.choosePath(target('cgroup'), 'auto', false)).toBe(true);
  });
});

describe('TargetState.fastAt', () => {
  it('gives the reading of the asked tick only', () => {
    const s = new TargetState();
    s.rememberFast(3, 7);
    expect(s.fastAt(3)).toBe(7);
    expect(s.fastAt(2)).toBeUndefined();
  });
});
