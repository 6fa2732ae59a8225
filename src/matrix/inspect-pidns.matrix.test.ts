/**
 * `inspect` on an engine that is not on this kernel (a dockerd in its own PID namespace, the
 * Docker Desktop case): it must read through a sampler sidecar of its own, say the same things
 * as on the host, and leave nothing behind. The lab's images are carried over from the shared
 * engine (docker save | docker load) instead of being built there again.
 */
import { execSync } from 'node:child_process';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerSpec, type SpecInput } from '../core/container-spec.js';
import type { InspectReport } from '../core/inspect/report.js';
import { ensureExtraImage, imageTags, WORKLOAD_REPO } from '../engine/images.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('pidns-dockerd');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the pidns-dockerd rig cannot run here (needs root)');

const CASES: Record<string, Partial<SpecInput> & { cmd: string[] }> = {
  app: { cmd: ['python3', '/work/app.py'], env: { ZOMBIE_RATE: '10' } },
  init: { cmd: ['python3', '/work/app.py'], init: true, env: { ZOMBIE_RATE: '10' } },
  'shell-form': { cmd: ['/bin/sh', '-c', 'python3 /work/app.py'] },
  'live-parent': { entrypoint: ['tini', '--'], cmd: ['python3', '/work/app.py'], env: { ZOMBIE_RATE: '10', ZOMBIE_KIND: 'child' } },
};

describe.runIf(possible)('inspect on a dockerd in its own PID namespace', () => {
  let rig: Rig;
  let docker: Docker;
  const runId = newRunId('insp-mx');
  const ids = new Map<string, string>();

  beforeAll(async () => {
    rig = await startRig('pidns-dockerd', `insp-mx-${process.pid}`);
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).slice('unix://'.length) });
    const { base } = await imageTags();
    // Ensured on the shared engine, not assumed: another session's `clean --images` may have removed them.
    const { tag: workload } = await ensureExtraImage(new Docker(), 'workload', WORKLOAD_REPO);
    // From the shared engine (default socket) into the rig's: the images the sidecar and the workload need.
    execSync(`docker save ${base} ${workload} | DOCKER_HOST=${rig.env.DOCKER_HOST} docker load -q`, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DOCKER_HOST: '' } });
    for (const [key, input] of Object.entries(CASES)) {
      const c = await docker.createContainer(
        containerSpec({
          owner: ownerFor(runId),
          kind: 'probe',
          image: workload,
          // Room for the pile to keep growing through inspect's reaping window (up to 7.5 s) and the 2 s watch.
          limits: { pidsLimit: 512, memoryMb: 64 },
          autoRemove: false,
          ...input,
          env: { ZOMBIE_LAB_TTL: '300', ...input.env },
          labels: { 'zombie-lab.test': key },
        }) as unknown as Docker.ContainerCreateOptions,
      );
      await c.start();
      ids.set(key, c.id);
    }
  });

  afterAll(async () => {
    if (docker) for (const id of ids.values()) await docker.getContainer(id).remove({ force: true }).catch(() => undefined);
    await rig?.stop();
  });

  it('reads PID 1, signals, zombies and their parents through its own sidecar, and removes it', async () => {
    await new Promise((r) => setTimeout(r, 2000)); // two seconds at 10 zombies/s: piles to be seen
    const keys = Object.keys(CASES);
    const r = await cli(['inspect', ...keys.map((k) => ids.get(k) as string), '--json', '--watch', '2s', '--run-id', runId], { DOCKER_HOST: rig.env.DOCKER_HOST as string });
    expect(r.code, explain(r)).toBe(1);
    const rep = JSON.parse(r.stdout) as InspectReport;
    const by = new Map(rep.containers.map((c) => [keys.find((k) => ids.get(k) === c.id), c]));
    for (const c of rep.containers) expect(c.source).toBe('sidecar');
    expect(by.get('app')?.pid1).toMatchObject({ kind: 'app', program: 'python3' });
    expect(by.get('app')?.stop).toMatchObject({ endsOnSignal: false, expectedExit: 137 });
    expect(by.get('app')?.zombies.parents[0]).toMatchObject({ pid: 1, isPid1: true });
    expect(by.get('app')?.watch?.perSecond ?? 0).toBeGreaterThan(3);
    expect(by.get('init')?.pid1).toMatchObject({ kind: 'init', init: 'docker-init' });
    expect(by.get('init')?.findings).toEqual([]);
    expect(by.get('shell-form')?.pid1).toMatchObject({ kind: 'shell', shellFromShellForm: true });
    expect(by.get('live-parent')?.findings.map((f) => f.id)).toContain('zombies-live-parent');
    expect(by.get('app')?.pids).toMatchObject({ limit: 512, refusedForks: null, pidMaxSeenFrom: 'container' });
    const left = await docker.listContainers({ all: true, filters: { label: [`zombie-lab=${runId}`, 'zombie-lab.kind=sampler'] } });
    expect(left).toEqual([]);
  });

  it('--all changes nothing on the containers it reads', async () => {
    const before = await Promise.all([...ids.values()].map((id) => docker.getContainer(id).inspect()));
    const r = await cli(['inspect', '--all', '--json', '--run-id', runId], { DOCKER_HOST: rig.env.DOCKER_HOST as string });
    expect([0, 1]).toContain(r.code);
    const rep = JSON.parse(r.stdout) as InspectReport;
    expect(rep.containers.map((c) => c.id).sort()).toEqual([...ids.values()].sort());
    const after = await Promise.all([...ids.values()].map((id) => docker.getContainer(id).inspect()));
    expect(after.map((a) => [a.State.StartedAt, a.State.Pid, a.RestartCount])).toEqual(before.map((a) => [a.State.StartedAt, a.State.Pid, a.RestartCount]));
  });
});
