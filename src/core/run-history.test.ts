import { describe, expect, it } from 'vitest';
import { boundHistory, withoutTree } from './run-history.js';
import type { RunEvent } from './run-events.js';

describe('a run kept for late joiners', () => {
  it('is left alone up to its bound, then loses its oldest samples, never a state', () => {
    const items = ['state', 's1', 's2', 's3', 'state', 's4', 's5', 's6', 's7', 's8', 's9', 'end'];
    const isSample = (x: string) => x.startsWith('s') && x !== 'state';
    expect(boundHistory(items, isSample, 12)).toBe(items);
    // Over 10: a tenth of the bound (1) goes, the oldest sample.
    expect(boundHistory(items, isSample, 10)).toEqual(['state', 's2', 's3', 'state', 's4', 's5', 's6', 's7', 's8', 's9', 'end']);
    // Over 5: one each for every tenth begun (1), still the oldest.
    expect(boundHistory([...items, 's10'], isSample, 5)[1]).toBe('s2');
  });

  it("sends a sample without its process tree, and every other event as it is", () => {
    const sample = { type: 'sample', mode: 'no-init', t: 1, zombies: 2, tree: [{ pid: 1 }] } as unknown as RunEvent;
    expect(withoutTree(sample)).not.toHaveProperty('tree');
    expect(withoutTree(sample)).toMatchObject({ type: 'sample', zombies: 2 });
    const other = { type: 'source', source: 'cgroup', detail: '' } as unknown as RunEvent;
    expect(withoutTree(other)).toBe(other);
  });
});
