import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHostProc, nsPidOf, PidsCgroupReader, pidsCgroupOf, readPidsAccounting } from './host-proc.js';

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

describe('whether this host can count a container (checkHostProc), on a made-up /proc', () => {
  const proc = mkdtempSync(path.join(tmpdir(), 'zl-fake-proc-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  /** A process: its cgroup file, its PID namespace link, and the NSpid line of its status. */
  function fakeProcess(pid: number | 'self', cgroup: string, ns: string, nsPid: string): void {
    mkdirSync(path.join(proc, String(pid), 'ns'), { recursive: true });
    writeFileSync(path.join(proc, String(pid), 'cgroup'), cgroup);
    writeFileSync(path.join(proc, String(pid), 'status'), `Name:\tsleep\nNSpid:\t${nsPid}\n`);
    symlinkSync(`pid:[${ns}]`, path.join(proc, String(pid), 'ns', 'pid'));
  }
  const ID = 'abc123def4567890';
  fakeProcess('self', '0::/user.slice\n', '4026531836', '900');
  fakeProcess(100, '12:pids:/docker/abc123def4567890\n', '4026532001', '100\t1');
  fakeProcess(200, '12:pids:/user.slice/user-1000.slice\n', '4026532002', '200\t1');
  fakeProcess(300, '12:pids:/user.slice\n', '4026531836', '300');

  it('the container in its cgroup and namespace: countable here', () => {
    expect(checkHostProc(100, ID, proc)).toEqual({ ok: true, ns: 'pid:[4026532001]' });
  });

  it('PID 1 of another namespace in no cgroup of the container (rootless on cgroup v1): on this kernel, not countable', () => {
    const v = checkHostProc(200, ID, proc);
    expect(v).toMatchObject({ ok: false, onThisKernel: true });
    expect(v.ok || v.reason).toMatch(/PID 200 is PID 1 of a namespace of its own .* the engine gives its containers no cgroups/);
  });

  it('a host process that only shares the number, or no process at all: the engine runs elsewhere', () => {
    expect(checkHostProc(300, ID, proc)).toMatchObject({ ok: false, onThisKernel: false, reason: expect.stringMatching(/is not the container's/) as unknown });
    expect(checkHostProc(400, ID, proc)).toMatchObject({ ok: false, onThisKernel: false, reason: expect.stringMatching(/does not exist/) as unknown });
  });
});

describe('a process\'s PID in its own namespace (nsPidOf), on a made-up /proc', () => {
  const proc = mkdtempSync(path.join(tmpdir(), 'zl-fake-nspid-'));
  afterAll(() => rmSync(proc, { recursive: true, force: true }));
  const status = (pid: number, nspid: string) => {
    mkdirSync(path.join(proc, String(pid)), { recursive: true });
    writeFileSync(path.join(proc, String(pid), 'status'), `Name:\tpython3\nNSpid:\t${nspid}\nPPid:\t1\n`);
  };

  it('the innermost field: 1 for a container\'s PID 1, its own number for a process below it, null once it is gone', () => {
    status(4242, '4242\t1');
    status(4250, '4250\t7');
    status(10, '10');
    expect(nsPidOf(4242, proc)).toBe(1);
    expect(nsPidOf(4250, proc)).toBe(7);
    expect(nsPidOf(10, proc)).toBe(10);
    expect(nsPidOf(999, proc)).toBeNull();
  });
});
