import { describe, expect, it } from 'vitest';
import { engineFactChecks, missingImageChecks } from './doctor-check.js';
import { engineFacts, limitProblemOf } from './engine-kind.js';

/** What rootless Docker 27 on a cgroup v1 host says of itself (the rootless rig's info). */
const rootlessV1 = engineFacts(
  { CgroupVersion: '1', CgroupDriver: 'none', SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless'], PidsLimit: false, OperatingSystem: 'Debian GNU/Linux 12' },
  { Version: '27.0.3', ApiVersion: '1.46', Components: [{ Name: 'Engine' }] } as never,
);
const rootful = engineFacts({ CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true }, { Version: '20.10.24', ApiVersion: '1.41' } as never);
const tags = { base: 'zombie-lab/base:abc', zombie: 'zombie-lab/zombie:def' };
const none = { base: false, zombie: false };
const says = (cs: { detail: string; fix?: string }[]) => cs.map((c) => `${c.detail} ${c.fix ?? ''}`).join('\n');

describe("doctor's image lines", () => {
  it('on an engine the lab refuses, never point to prepare: the PID limit line has the cause and the fix', () => {
    const refusal = limitProblemOf(rootlessV1);
    expect(refusal?.message).toMatch(/^rootless Docker Engine 27\.0\.3 runs containers without cgroups \(cgroup driver none, rootless on cgroup v1\)/);
    const lines = missingImageChecks({ tags, have: none, refusal, mmdebstrap: false });
    expect(says(lines)).not.toMatch(/prepare|mmdebstrap/);
    expect(lines.every((c) => c.status === 'info')).toBe(true);
    expect(says(lines)).toMatch(/see PID limits above/);
    const limits = engineFactChecks(rootlessV1).find((c) => c.name === 'PID limits');
    expect(limits).toMatchObject({ status: 'fail', detail: refusal?.message, fix: refusal?.fix });
  });

  it('elsewhere, say what is missing and that prepare builds it, and whether the offline build can', () => {
    expect(limitProblemOf(rootful)).toBeNull();
    const lines = missingImageChecks({ tags, have: none, refusal: null, mmdebstrap: false });
    expect(lines[0]).toMatchObject({ name: 'images', status: 'warn', detail: 'missing: zombie-lab/base:abc, zombie-lab/zombie:def' });
    expect(lines[0]?.fix).toMatch(/^zombie-lab prepare/);
    expect(lines.find((c) => c.name === 'offline build')?.fix).toBe('sudo apt-get install mmdebstrap');
    expect(missingImageChecks({ tags, have: { base: true, zombie: false }, refusal: null, mmdebstrap: true }).map((c) => c.name)).toEqual(['images']);
  });
});
