import { describe, expect, it } from 'vitest';
import { engineFactsOf, limitProblemOf, shortTag, traitsOf } from './detect.js';
import { hintFor } from './error-hints.js';

// Shapes as the engines answer them (trimmed): Docker 20.10 rootful, Podman 4.3 rootful, rootless Docker on cgroup v1.
const DOCKER_VERSION = { Version: '20.10.24+dfsg1', Components: [{ Name: 'Engine', Version: '20.10.24+dfsg1' }] };
const PODMAN_VERSION = { Version: '4.3.1', Components: [{ Name: 'Podman Engine', Version: '4.3.1' }, { Name: 'Conmon', Version: 'conmon version 2.1.6' }] };

describe('engine detection', () => {
  it('tells Podman, Docker and rootless Docker apart by what they say about themselves', () => {
    const docker = engineFactsOf(DOCKER_VERSION, { SecurityOptions: ['name=seccomp,profile=default'], CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true });
    expect(traitsOf(docker).kind).toBe('docker');
    const podman = engineFactsOf(PODMAN_VERSION, { SecurityOptions: ['name=seccomp,profile=default'], CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true });
    expect(podman).toMatchObject({ product: 'podman', version: '4.3.1', rootless: false, cgroupVersion: 1 });
    expect(traitsOf(podman).init.comm).toBe('podman-init');
    const rootless = engineFactsOf(DOCKER_VERSION, { SecurityOptions: ['name=seccomp,profile=default', 'name=rootless'], CgroupVersion: '1', CgroupDriver: 'none', PidsLimit: false });
    expect(traitsOf(rootless).kind).toBe('rootless-docker');
    expect(limitProblemOf(docker)).toBeNull();
    expect(limitProblemOf(podman)).toBeNull();
  });

  it('refuses an engine that would not apply a PID limit, saying why in one line', () => {
    const none = engineFactsOf(DOCKER_VERSION, { SecurityOptions: ['name=rootless'], CgroupVersion: '1', CgroupDriver: 'none', PidsLimit: false });
    const p = limitProblemOf(none);
    expect(p?.message).toMatch(/^rootless Docker 20\.10\.24\+dfsg1 runs containers without cgroups \(cgroup driver none, rootless on cgroup v1\)/);
    expect(p?.message).not.toContain('\n');
    expect(p?.fix).toContain('cgroup v2');
    const noPids = engineFactsOf(DOCKER_VERSION, { CgroupVersion: '2', CgroupDriver: 'systemd', PidsLimit: false });
    expect(limitProblemOf(noPids)?.message).toContain('PidsLimit false');
    const rootlessV2 = engineFactsOf(DOCKER_VERSION, { SecurityOptions: ['name=rootless'], CgroupVersion: '2', CgroupDriver: 'systemd', PidsLimit: true });
    expect(limitProblemOf(rootlessV2)).toBeNull();
  });

  it("reads Podman's tags as the lab wrote them, and leaves Docker's alone", () => {
    const podman = traitsOf(engineFactsOf(PODMAN_VERSION, {}));
    expect(shortTag('docker.io/zombie-lab/base:abc', podman)).toBe('zombie-lab/base:abc');
    expect(shortTag('localhost/zombie-lab/lab-zombies:1', podman)).toBe('zombie-lab/lab-zombies:1');
    expect(shortTag('quay.io/zombie-lab/base:abc', podman)).toBe('quay.io/zombie-lab/base:abc');
    const docker = traitsOf(engineFactsOf(DOCKER_VERSION, {}));
    // On Docker, localhost/… is another registry's image: never ours by name.
    expect(shortTag('localhost/zombie-lab/base:abc', docker)).toBe('localhost/zombie-lab/base:abc');
  });

  it('turns the refusals with a known fix into one that says it', () => {
    expect(hintFor('container create: container-init binary not found on the host: stat /usr/libexec/podman/catatonit: no such file or directory')?.fix).toContain('apt-get install catatonit');
    expect(hintFor('runc create failed: error setting rlimits for ready process: error setting rlimit type 7: operation not permitted')?.fix).toContain('default_ulimits');
    expect(hintFor('no such image')).toBeNull();
  });
});
