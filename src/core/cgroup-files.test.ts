import { describe, expect, it } from 'vitest';
import { containerCgroupPath, countIds, parsePidsEvents, parsePidsMax, pidsAccounting, pidsCgroupPath, threadsFileName } from './cgroup-files.js';

describe('pidsCgroupPath', () => {
  it('finds the pids controller on cgroup v1', () => {
    const text = '12:cpuset:/docker/abc\n8:pids:/docker/abc\n1:name=systemd:/docker/abc\n0::/system.slice/containerd.service\n';
    expect(pidsCgroupPath(text)).toEqual({ version: 1, path: '/docker/abc' });
  });
  it('finds a combined controller list on v1', () => {
    expect(pidsCgroupPath('4:pids,cpu:/x\n')).toEqual({ version: 1, path: '/x' });
  });
  it('uses the unified line on cgroup v2', () => {
    expect(pidsCgroupPath('0::/system.slice/docker-abc.scope\n')).toEqual({ version: 2, path: '/system.slice/docker-abc.scope' });
  });
  it('returns null when there is nothing usable', () => {
    expect(pidsCgroupPath('')).toBeNull();
  });
});

describe('pids files', () => {
  it('reads pids.max and pids.events', () => {
    expect(parsePidsMax('512\n')).toBe(512);
    expect(parsePidsMax('max\n')).toBeNull();
    expect(parsePidsEvents('max 17\n')).toBe(17);
    expect(parsePidsEvents('')).toBe(0);
  });
});

describe('countIds', () => {
  it('counts ids one a line, with or without a final newline, ignoring blank lines', () => {
    expect(countIds('')).toBe(0);
    expect(countIds('\n')).toBe(0);
    expect(countIds('12\n13\n')).toBe(2);
    expect(countIds('12\n13')).toBe(2);
    expect(countIds('12\n\n13\n')).toBe(2);
  });
});

describe('pidsAccounting (the fast path)', () => {
  it('v1: zombies are pids.current minus the tasks of the cgroup and its sub-cgroups', () => {
    const a = pidsAccounting({ current: '57\n', max: '64\n', events: ['max 9\n', 'max 0\n'], threads: ['4012\n4040\n4041\n', '4100\n4101\n'], procs: ['4012\n4040\n', '4100\n4101\n'] });
    expect(a).toEqual({ pidsUsed: 57, pidsMax: 64, threads: 5, processes: 4, zombies: 52, refusedForks: 9, limitHit: true, pidsPeak: 64 });
  });
  it('v2: same sums over cgroup.threads; "max" means no limit; no refused fork means the limit was never hit', () => {
    const a = pidsAccounting({ current: '7\n', max: 'max\n', events: ['max 0\n'], threads: ['', '1\n2\n'], procs: ['', '1\n'] });
    expect(a).toMatchObject({ pidsUsed: 7, pidsMax: null, threads: 2, processes: 1, zombies: 5, refusedForks: 0, limitHit: false, pidsPeak: null });
  });
  it('the peak comes from pids.peak where the kernel has it: a transient fill between two samples is not lost', () => {
    const a = pidsAccounting({ current: '23\n', max: '24\n', peak: '24\n', events: ['max 0\n'], threads: ['1\n'], procs: ['1\n'] });
    expect(a?.pidsPeak).toBe(24);
    // A peak read a moment ago, but a fork refused since: the limit was reached.
    expect(pidsAccounting({ current: '23\n', max: '24\n', peak: '20\n', events: ['max 2\n'], threads: ['1\n'], procs: ['1\n'] })?.pidsPeak).toBe(24);
  });
  it('never goes negative when a thread is still listed after its charge went', () => {
    expect(pidsAccounting({ current: '1\n', max: null, events: [], threads: ['1\n2\n'], procs: ['1\n'] })?.zombies).toBe(0);
  });
  it('unreadable events give null refused forks, an empty current gives no reading', () => {
    expect(pidsAccounting({ current: '3', max: null, events: [], threads: ['1'], procs: ['1'] })?.refusedForks).toBeNull();
    expect(pidsAccounting({ current: '', max: null, events: [], threads: [], procs: [] })).toBeNull();
  });
});

describe('threadsFileName', () => {
  it('is tasks on v1 and cgroup.threads on v2 (cgroup.procs would miss threads that pids.current counts)', () => {
    expect(threadsFileName(1)).toBe('tasks');
    expect(threadsFileName(2)).toBe('cgroup.threads');
  });
});

describe('containerCgroupPath', () => {
  it('cuts an init that moved into a sub-cgroup back to the container cgroup', () => {
    expect(containerCgroupPath('/system.slice/docker-abc123def4567890.scope/init.scope', 'abc123def4567890ffff')).toBe('/system.slice/docker-abc123def4567890.scope');
    expect(containerCgroupPath('/docker/abc123def4567890ffff', 'abc123def4567890ffff')).toBe('/docker/abc123def4567890ffff');
  });
  it('keeps a path that does not name the container', () => {
    expect(containerCgroupPath('/kubepods/pod1/x', 'abc123def4567890')).toBe('/kubepods/pod1/x');
  });
});
