import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PidsCgroupReader, pidsCgroupOf, readPidsAccounting } from './host-proc.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../core/fixtures');

describe('the fast path on recorded cgroup trees', () => {
  it('v1: reads the pids hierarchy of the container and its sub-cgroup', () => {
    const root = `${FIXTURES}/cgroup-v1`;
    const cg = pidsCgroupOf(1, `${FIXTURES}/proc-v1`, 'abc123', root);
    expect(cg).toEqual({ dir: `${root}/pids/docker/abc123`, version: 1 });
    expect(readPidsAccounting(cg)).toEqual({ pidsUsed: 57, pidsMax: 64, threads: 5, processes: 4, zombies: 52, refusedForks: 9, limitHit: true, pidsPeak: 64 });
  });

  it('v2: finds the container cgroup from an init that moved into init.scope, and sums cgroup.threads of the leaves', () => {
    const root = `${FIXTURES}/cgroup-v2`;
    const cg = pidsCgroupOf(1, `${FIXTURES}/proc-v2`, 'abc123', root);
    expect(cg).toEqual({ dir: `${root}/system.slice/docker-abc123.scope`, version: 2 });
    expect(readPidsAccounting(cg)).toEqual({ pidsUsed: 1207, pidsMax: null, threads: 5, processes: 3, zombies: 1202, refusedForks: 3, limitHit: true, pidsPeak: 1210 });
  });

  it('the kept-open reader of the live sampler reads the same as a fresh reading, v1 and v2', () => {
    for (const [v, root] of [[1, 'cgroup-v1'], [2, 'cgroup-v2']] as const) {
      const cg = pidsCgroupOf(1, `${FIXTURES}/proc-v${v}`, 'abc123', `${FIXTURES}/${root}`);
      const reader = new PidsCgroupReader(cg!);
      try {
        expect(reader.read(), `v${v}`).toEqual(readPidsAccounting(cg));
        expect(reader.read(), `v${v} again`).toEqual(readPidsAccounting(cg));
      } finally {
        reader.close();
      }
    }
    const gone = new PidsCgroupReader({ dir: `${FIXTURES}/nope`, version: 1 });
    expect(gone.read()).toBeNull();
    gone.close();
  });

  it('a cgroup that is gone reads as nothing', () => {
    expect(readPidsAccounting({ dir: `${FIXTURES}/nope`, version: 2 })).toBeNull();
    expect(readPidsAccounting(null)).toBeNull();
  });
});
