import { describe, expect, it } from 'vitest';
import { boundedBuildParams, buildLimitReached, planBuildBound, unboundedBuildNotice } from './build-bounds.js';

const docker = { product: 'Docker Engine', cgroupVersion: 1 as const, cgroupDriver: 'cgroupfs', rootless: false };
const local = { version: 1 as const, writable: true };

describe('planBuildBound', () => {
  it('bounds a rootful cgroupfs engine on this kernel with a cgroup of ours, v1 and v2', () => {
    expect(planBuildBound(docker, true, local)).toEqual({ kind: 'cgroup', version: 1 });
    expect(planBuildBound({ ...docker, cgroupVersion: 2 }, true, { version: 2, writable: true })).toEqual({ kind: 'cgroup', version: 2 });
    expect(planBuildBound({ ...docker, product: 'Podman' }, true, local)).toEqual({ kind: 'cgroup', version: 1 });
  });

  it('says why where it cannot: another kernel, rootless, systemd driver, no pids cgroup, not root', () => {
    const reasonOf = (p: ReturnType<typeof planBuildBound>) => (p.kind === 'unbounded' ? p.reason.en : `bounded v${p.version}`);
    expect(reasonOf(planBuildBound({ ...docker, product: 'Docker Desktop' }, false, local))).toMatch(/Docker Desktop runs on another kernel/);
    expect(reasonOf(planBuildBound({ ...docker, rootless: true }, true, local))).toMatch(/rootless/);
    expect(reasonOf(planBuildBound({ ...docker, cgroupDriver: 'systemd', cgroupVersion: 2 }, true, { version: 2, writable: true }))).toMatch(/systemd cgroup driver.*slice/);
    expect(reasonOf(planBuildBound({ ...docker, cgroupDriver: 'none' }, true, local))).toMatch(/cgroup driver none/);
    expect(reasonOf(planBuildBound(docker, true, { version: null, writable: true }))).toMatch(/no pids cgroup/);
    expect(reasonOf(planBuildBound({ ...docker, cgroupVersion: 2 }, true, local))).toMatch(/reports cgroup v2, but this machine shows v1/);
    expect(reasonOf(planBuildBound(docker, true, { version: 1, writable: false }))).toMatch(/right to make a cgroup/);
  });

  it('puts the reason and what still holds into one line', () => {
    const line = unboundedBuildNotice({ en: 'Docker Desktop runs on another kernel', de: 'Docker Desktop läuft auf einem anderen Kernel' }, { pidsMax: 512, memoryMb: 256 });
    expect(line.en).not.toContain('\n');
    expect(line.en).toMatch(/without a PID limit here \(Docker Desktop runs on another kernel\).*256 MB.*no network/);
    expect(line.de).toMatch(/ohne PID-Limit \(Docker Desktop läuft auf einem anderen Kernel\).*256 MB.*kein Netz/);
  });

  it('gives every reason in German too', () => {
    const docker = { product: 'Docker Engine', cgroupVersion: 1 as const, cgroupDriver: 'cgroupfs', rootless: false };
    const plans = [planBuildBound(docker, false, { version: 1, writable: true }), planBuildBound({ ...docker, rootless: true }, true, { version: 1, writable: true }), planBuildBound(docker, true, { version: 1, writable: false })];
    for (const p of plans) expect(p.kind === 'unbounded' && p.reason.de !== p.reason.en && p.reason.de.length > 10).toBe(true);
  });
});

describe('build parameters and the limit reached', () => {
  it('gives memory without swap, no network, and the cgroup parent only when there is one', () => {
    expect(boundedBuildParams({ pidsMax: 512, memoryMb: 512 }, '/zombie-lab-buildcg-1-2-ab')).toEqual({ memory: 536870912, memswap: 536870912, networkmode: 'none', cgroupparent: '/zombie-lab-buildcg-1-2-ab' });
    expect(boundedBuildParams({ pidsMax: 512, memoryMb: 64 }, null)).toEqual({ memory: 67108864, memswap: 67108864, networkmode: 'none' });
  });

  it('counts the limit reached by refused forks or by the peak, not below it', () => {
    expect(buildLimitReached({ pidsMax: 512, peak: 511, refusedForks: 0 })).toBe(false);
    expect(buildLimitReached({ pidsMax: 512, peak: null, refusedForks: 0 })).toBe(false);
    expect(buildLimitReached({ pidsMax: 512, peak: 512, refusedForks: 0 })).toBe(true);
    expect(buildLimitReached({ pidsMax: 512, peak: 3, refusedForks: 7 })).toBe(true);
  });
});
