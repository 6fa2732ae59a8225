import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, release, tmpdir } from 'node:os';
import path from 'node:path';
import type { DescribesEngine } from './engine-api.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseOwnerMark } from '../core/owner-mark.js';
import { boundLearnerBuild, localCgroups } from './build-cgroup.js';
import { sweepHostLeftovers } from './host-leftovers.js';
import { selfOwner } from './owner-process.js';

const roots: string[] = [];
function fakeRoot(layout: 'v1' | 'v2'): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hb13-cgroot-'));
  roots.push(root);
  if (layout === 'v2') {
    writeFileSync(path.join(root, 'cgroup.controllers'), 'cpu memory pids\n');
    writeFileSync(path.join(root, 'cgroup.subtree_control'), 'memory pids\n');
  } else {
    for (const c of ['pids', 'memory', 'cpu']) mkdirSync(path.join(root, c));
    writeFileSync(path.join(root, 'pids', 'tasks'), '');
  }
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** An engine that answers info and version as Docker on this machine (or another) does. */
function engine(over: { cgroupVersion?: string; driver?: string; local?: boolean } = {}): DescribesEngine {
  const info = { KernelVersion: over.local === false ? '5.15.0-linuxkit' : release(), Name: over.local === false ? 'docker-desktop' : hostname(), CgroupVersion: over.cgroupVersion ?? '1', CgroupDriver: over.driver ?? 'cgroupfs', OperatingSystem: 'Debian' };
  return { info: () => Promise.resolve(info), version: () => Promise.resolve({ Version: '20.10.24', ApiVersion: '1.41' }) };
}

describe.runIf(process.getuid?.() === 0)('boundLearnerBuild (a cgroup tree of the test\'s own)', () => {
  it('v1: makes a marked cgroup in the pids hierarchy with pids.max, names it as the parent, removes it in every controller', async () => {
    const root = fakeRoot('v1');
    const b = await boundLearnerBuild(engine(), { root, limits: { pidsMax: 300, memoryMb: 64 } });
    expect(b.notice).toBeNull();
    const name = (b.cgroupParent ?? '').slice(1);
    expect(parseOwnerMark(name)).toMatchObject({ what: 'buildcg', pid: process.pid });
    expect(readFileSync(path.join(root, 'pids', name, 'pids.max'), 'utf8')).toBe('300');
    // The engine makes the same name in the other controllers, with the RUN container below.
    mkdirSync(path.join(root, 'memory', name, 'abc123'), { recursive: true });
    expect(b.limitReached()).toBe(false);
    writeFileSync(path.join(root, 'pids', name, 'pids.peak'), '300\n');
    expect(b.limitReached()).toBe(true);
    rmSync(path.join(root, 'pids', name, 'pids.peak'));
    rmSync(path.join(root, 'pids', name, 'pids.max'));
    await b.release();
    for (const c of ['pids', 'memory', 'cpu']) expect(readdirSync(path.join(root, c)).filter((n) => n.startsWith('zombie-lab-'))).toEqual([]);
  });

  it('v2: makes it at the root of the one tree and reads refused forks from pids.events', async () => {
    const root = fakeRoot('v2');
    const b = await boundLearnerBuild(engine({ cgroupVersion: '2' }), { root, limits: { pidsMax: 200, memoryMb: 64 } });
    const dir = b.pidsDir as string;
    expect(path.dirname(dir)).toBe(root);
    expect(readFileSync(path.join(dir, 'pids.max'), 'utf8')).toBe('200');
    writeFileSync(path.join(dir, 'pids.events'), 'max 4\n');
    expect(b.limitReached()).toBe(true);
    for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
    await b.release();
    expect(existsSync(dir)).toBe(false);
  });

  it('says in one line why a build is unbounded: an engine elsewhere, the systemd driver', async () => {
    const root = fakeRoot('v1');
    const far = await boundLearnerBuild(engine({ local: false }), { root });
    expect(far.cgroupParent).toBeNull();
    expect(far.notice?.en).toMatch(/^your Dockerfile's RUN steps build without a PID limit here \(Docker Engine runs on another kernel/);
    const sd = await boundLearnerBuild(engine({ driver: 'systemd' }), { root });
    expect(sd.notice?.en).toMatch(/systemd cgroup driver/);
    expect(sd.notice?.de).toMatch(/cgroup-Treiber systemd/);
    expect(readdirSync(path.join(root, 'pids')).filter((n) => n.startsWith('zombie-lab-'))).toEqual([]);
  });
});

describe('localCgroups', () => {
  it('tells v1 with a pids hierarchy, v2 with pids enabled, and neither', () => {
    expect(localCgroups(fakeRoot('v1')).version).toBe(1);
    expect(localCgroups(fakeRoot('v2')).version).toBe(2);
    const none = fakeRoot('v2');
    writeFileSync(path.join(none, 'cgroup.subtree_control'), 'memory\n');
    expect(localCgroups(none).version).toBeNull();
  });
});

describe.runIf(process.getuid?.() === 0)('the sweep and build cgroups', () => {
  it("removes a dead owner's build cgroup from every controller, and keeps a live one's", async () => {
    const root = fakeRoot('v1');
    // Above any pid_max: that owner is gone.
    const dead = 'zombie-lab-buildcg-4194399-77-a1b2c3';
    const live = `zombie-lab-buildcg-${process.pid}-${selfOwner().startTime}-d4e5f6`;
    for (const c of ['pids', 'memory']) mkdirSync(path.join(root, c, dead, 'runcontainer'), { recursive: true });
    mkdirSync(path.join(root, 'pids', live));
    const tmpRoot = mkdtempSync(path.join(tmpdir(), 'hb13-sweep-'));
    roots.push(tmpRoot);
    const r = await sweepHostLeftovers({ tmpRoot, cgroupRoot: root });
    expect(r.removed.sort()).toEqual([path.join(root, 'memory', dead), path.join(root, 'pids', dead)]);
    expect(r.kept).toEqual([path.join(root, 'pids', live)]);
    expect(existsSync(path.join(root, 'pids', live))).toBe(true);
  });
});
