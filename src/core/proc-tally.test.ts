import { describe, expect, it } from 'vitest';
import type { ProcStat } from './proc-stat.js';
import { tallyByNamespace } from './proc-tally.js';

const st = (pid: number, ppid: number, state: string, comm = 'p'): ProcStat => ({ pid, ppid, state, comm, startTime: 0 });

describe('tallyByNamespace', () => {
  const stats = [st(1, 0, 'S', 'systemd'), st(100, 1, 'S', 'python3'), st(101, 100, 'Z'), st(102, 100, 'Z'), st(103, 100, 'S'), st(200, 1, 'S', 'dumb-init'), st(201, 200, 'S'), st(300, 1, 'Z')];
  const ns: Record<number, string> = { 1: 'host', 100: 'A', 101: 'A', 103: 'A', 200: 'B', 201: 'B', 300: 'host' };

  it('counts zombies and live processes per container namespace, not the host', () => {
    const t = tallyByNamespace(stats, (p) => ns[p] ?? null, new Set(['A', 'B']));
    expect(t.get('A')).toMatchObject({ zombies: 2, live: 2 });
    expect(t.get('B')).toMatchObject({ zombies: 0, live: 2 });
  });

  it('puts a zombie whose namespace link is unreadable where its parent is', () => {
    // 102 has no readable link: it must still count for A, through its parent 100.
    const t = tallyByNamespace(stats, (p) => ns[p] ?? null, new Set(['A']));
    expect(t.get('A')?.zombies).toBe(2);
  });

  it('keeps at most treeLimit entries for the tree view', () => {
    const t = tallyByNamespace(stats, (p) => ns[p] ?? null, new Set(['A']), { treeLimit: 3 });
    expect(t.get('A')?.tree.map((e) => e.pid)).toEqual([100, 101, 102]);
  });
});
