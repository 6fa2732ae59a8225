import { describe, expect, it } from 'vitest';
import { describeFacts, ENGINE_KINDS, engineFacts, limitProblemOf, sidecarCgroupnsHint } from './engine-kind.js';

const dockerVersion = { Version: '20.10.24+dfsg1', ApiVersion: '1.41', Components: [{ Name: 'Engine', Version: '20.10.24' }, { Name: 'containerd' }] };

describe('engineFacts', () => {
  it('describes Docker Engine on cgroup v1 from its own info', () => {
    const f = engineFacts(
      { OperatingSystem: 'Debian GNU/Linux 12 (bookworm)', KernelVersion: '6.18.44', CgroupVersion: '1', CgroupDriver: 'cgroupfs', SecurityOptions: ['name=seccomp,profile=default'], PidsLimit: true, InitBinary: 'docker-init' },
      dockerVersion,
    );
    expect(f).toMatchObject({ kind: 'docker', product: 'Docker Engine', cgroupVersion: 1, rootless: false, pidsLimitSupported: true, initBinary: 'docker-init' });
    expect(describeFacts(f)).toBe('Docker Engine 20.10.24+dfsg1 (API 1.41) on Debian GNU/Linux 12 (bookworm), kernel 6.18.44, cgroup v1 (cgroupfs driver)');
  });
  it('tells Docker Desktop, rootless Docker and Podman apart', () => {
    expect(engineFacts({ OperatingSystem: 'Docker Desktop', CgroupVersion: '2' }, dockerVersion).product).toBe('Docker Desktop');
    const rootless = engineFacts({ SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'], PidsLimit: false, CgroupDriver: 'none' }, dockerVersion);
    expect(rootless).toMatchObject({ rootless: true, pidsLimitSupported: false, cgroupDriver: 'none' });
    const podman = engineFacts({ OperatingSystem: 'debian', CgroupVersion: '1' }, { Version: '4.3.1', Components: [{ Name: 'Podman Engine', Version: '4.3.1' }] });
    expect(podman).toMatchObject({ kind: 'podman', product: 'Podman', initBinary: 'catatonit' });
  });
});

describe('ENGINE_KINDS', () => {
  it('spells our tags back from a registry-prefixed listing, leaving others alone', () => {
    expect(ENGINE_KINDS.podman.normaliseTag('docker.io/zombie-lab/base:abc')).toBe('zombie-lab/base:abc');
    expect(ENGINE_KINDS.podman.normaliseTag('localhost/zombie-lab/base:abc')).toBe('zombie-lab/base:abc');
    expect(ENGINE_KINDS.docker.normaliseTag('quay.io/x/y:1')).toBe('quay.io/x/y:1');
    // On Docker, localhost/… is another registry's image: never ours by name.
    expect(ENGINE_KINDS.docker.normaliseTag('localhost/zombie-lab/base:abc')).toBe('localhost/zombie-lab/base:abc');
  });
});

describe('limitProblemOf', () => {
  it('refuses an engine that would not apply a PID limit, saying why in one line', () => {
    const rootless = engineFacts({ SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'], CgroupVersion: '1', CgroupDriver: 'none', PidsLimit: false }, dockerVersion);
    const p = limitProblemOf(rootless);
    expect(p?.message).toMatch(/^rootless Docker Engine 20\.10\.24\+dfsg1 runs containers without cgroups \(cgroup driver none, rootless on cgroup v1\)/);
    expect(p?.message).not.toContain('\n');
    expect(p?.fix).toContain('cgroup v2');
    // Rootless Podman says so only in its own Rootless field, and says PidsLimit true all the same.
    const podman = engineFacts({ CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true, Rootless: true, SecurityOptions: ['name=seccomp,profile=default'] }, { Version: '4.3.1', Components: [{ Name: 'Podman Engine' }] });
    expect(podman.rootless).toBe(true);
    expect(limitProblemOf(podman)?.message).toMatch(/^rootless Podman 4\.3\.1 runs containers without cgroups \(cgroup driver cgroupfs, rootless on cgroup v1\)/);
    expect(limitProblemOf({ ...podman, cgroupVersion: 2 })).toBeNull();
    expect(limitProblemOf(engineFacts({ CgroupVersion: '2', CgroupDriver: 'systemd', PidsLimit: false }, dockerVersion))?.message).toContain('PidsLimit false');
  });
  it('lets rootful engines and rootless on cgroup v2 run', () => {
    expect(limitProblemOf(engineFacts({ CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true }, dockerVersion))).toBeNull();
    expect(limitProblemOf(engineFacts({ CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true }, { Version: '4.3.1', Components: [{ Name: 'Podman Engine' }] }))).toBeNull();
    expect(limitProblemOf(engineFacts({ SecurityOptions: ['name=rootless'], CgroupVersion: '2', CgroupDriver: 'systemd', PidsLimit: true }, dockerVersion))).toBeNull();
  });
  it("names Podman's init as it shows as PID 1, and explains it for the scorecard", () => {
    expect(ENGINE_KINDS.podman.init.comm).toBe('podman-init');
    expect(ENGINE_KINDS.podman.initNote).toContain('TINI_KILL_PROCESS_GROUP');
    expect(ENGINE_KINDS.docker.initNote).toBeNull();
  });
});

describe('sidecarCgroupnsHint', () => {
  it('blames Podman before 5.6 on cgroup v2 for the sidecar on /proc, and nothing else', () => {
    expect(sidecarCgroupnsHint({ kind: 'podman', version: '5.4.2', cgroupVersion: 2 })).toMatch(/^Podman 5\.4\.2 ignores CgroupnsMode in its Docker API/);
    expect(sidecarCgroupnsHint({ kind: 'podman', version: '4.9.3', cgroupVersion: 2 })).not.toBeNull();
    expect(sidecarCgroupnsHint({ kind: 'podman', version: '5.6.0', cgroupVersion: 2 })).toBeNull();
    expect(sidecarCgroupnsHint({ kind: 'podman', version: '6.0.1', cgroupVersion: 2 })).toBeNull();
    expect(sidecarCgroupnsHint({ kind: 'podman', version: '5.4.2', cgroupVersion: 1 })).toBeNull();
    expect(sidecarCgroupnsHint({ kind: 'docker', version: '26.1.5', cgroupVersion: 2 })).toBeNull();
  });
});
