import { describe, expect, it } from 'vitest';
import { parsePidsEvents, parsePidsMax, pidsCgroupPath } from './cgroup-files.js';

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
