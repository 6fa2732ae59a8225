/**
 * The engine matrix: rootless Docker on this cgroup v1 host (scripts/rig-rootless-docker.sh).
 * It has no cgroups (driver "none"): a PID limit is accepted and not applied. The lab must find
 * that out and refuse every zombie-making run with one line saying why and what to change, and
 * leave nothing on that engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('rootless-docker');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the rootless-docker rig cannot run here (needs root)');

const REFUSAL = /^zombie-lab: (compare failed: )?rootless Docker Engine [\d.]+\S* runs containers without cgroups \(cgroup driver none, rootless on cgroup v1\): a PID limit would not be applied, so the lab runs no zombie-making container there$/m;

describe.runIf(possible)('rootless Docker on cgroup v1 (no PID limit would hold)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  const tmp = mkdtempSync(path.join(tmpdir(), 'zl-mx-rootless-'));
  beforeAll(async () => {
    rig = await startRig('rootless-docker', `mx-rootless-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).replace(/^unix:\/\//, '') });
  });
  afterAll(async () => {
    await rig?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('the engine itself says so: cgroup driver none, PidsLimit false, rootless', async () => {
    const info = (await docker.info()) as { CgroupDriver?: string; PidsLimit?: boolean; SecurityOptions?: string[] };
    expect(info.CgroupDriver).toBe('none');
    expect(info.PidsLimit).toBe(false);
    expect(info.SecurityOptions).toContain('name=rootless');
  });

  it('doctor fails the PID limit check with why and what to change, and ends', async () => {
    const r = await cli(['doctor'], env, { timeoutMs: 120_000 });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toMatch(/^\[FAIL\] PID limits: rootless Docker Engine .* runs containers without cgroups \(cgroup driver none, rootless on cgroup v1\)/m);
    expect(r.stdout).toMatch(/^ {8}fix: .*cgroup v2 .*pids controller delegated/m);
    // The images are missing there and would not help: nothing points to prepare.
    expect(r.stdout).toMatch(/^\[info\] images: not built .*see PID limits above/m);
    expect(r.stdout).not.toMatch(/prepare/);
  });

  it('prepare fails in one line with the same cause and fix, building nothing', async () => {
    const r = await cli(['prepare'], env, { timeoutMs: 120_000 });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stderr, explain(r)).toMatch(REFUSAL);
    expect(r.stderr).toMatch(/^ {2}fix: use an engine with a pids cgroup/m);
    expect(r.stderr).not.toMatch(/mmdebstrap|\n\s+at /);
    expect(await docker.listImages()).toEqual([]);
  });

  for (const [what, args] of [
    ['compare', ['compare', '--duration', '2s']],
    ['scorecard', ['scorecard', '--variants', 'python3']],
    ['a lab check', ['lab', 'zombies', '--check', '--workspace', path.join(tmp, 'ws')]],
  ] as const) {
    it(`${what} is refused at once in one line with the fix, before building or running anything`, async () => {
      const r = await cli([...args, '--run-id', `mx-rootless-${process.pid}`], { ...env, XDG_STATE_HOME: path.join(tmp, 'state') }, { timeoutMs: 60_000 });
      expect(r.code, explain(r)).not.toBe(0);
      expect(r.stderr, explain(r)).toMatch(REFUSAL);
      expect(r.stderr).toMatch(/^ {2}fix: use an engine with a pids cgroup/m);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(await docker.listContainers({ all: true })).toEqual([]);
      expect(await docker.listImages()).toEqual([]);
    });
  }
});
