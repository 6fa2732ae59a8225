import { describe, expect, it } from 'vitest';
import { renderTree } from './proc-tree.js';

const p = (pid: number, ppid: number, comm: string, state = 'S') => ({ pid, ppid, comm, state });

describe('renderTree', () => {
  it('nests children under their parent and marks zombies', () => {
    const lines = renderTree([p(10, 1, 'dumb-init'), p(11, 10, 'python3'), p(12, 11, 'python3', 'Z')], 20);
    expect(lines.map((l) => l.text)).toEqual(['10 dumb-init S  ← PID 1 in the container', '└─ 11 python3 S', '   └─ 12 python3 <defunct> Z']);
    expect(lines.map((l) => l.zombie)).toEqual([false, false, true]);
  });
  it('folds many zombie siblings into one line', () => {
    const entries = [p(10, 1, 'python3'), ...Array.from({ length: 50 }, (_, i) => p(100 + i, 10, 'python3', 'Z'))];
    const lines = renderTree(entries, 20, 3);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)?.text).toContain('47 more zombies');
  });
  it('cuts to maxLines and says how much is hidden', () => {
    const entries = [p(10, 1, 'sh'), ...Array.from({ length: 10 }, (_, i) => p(20 + i, 10, 'sleep'))];
    const lines = renderTree(entries, 4);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)?.text).toBe('… 8 more lines');
  });
});
