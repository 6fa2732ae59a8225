/**
 * The engine matrix: rootless Podman on this cgroup v1 host (scripts/rig-rootless-podman.sh).
 * It has no cgroup it may write (cgroupfs manager, nothing delegated): a PID limit is accepted and
 * not applied, while its info still says PidsLimit true and only its own `Rootless` field tells.
 * The lab must find that out and refuse every zombie-making run with one line saying why and
 * what to change, describe that engine in doctor, and leave nothing on it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureImages } from '../engine/images.js';
import { cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('rootless-podman');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the rootless-podman rig cannot run here (needs root)');

const REFUSAL = /^zombie-lab: (compare failed: )?rootless Podman [\d.]+ runs containers without cgroups \(cgroup driver cgroupfs, rootless on cgroup v1\): a PID limit would not be applied, so the lab runs no zombie-making container there$/m;

describe.runIf(possible)('rootless Podman on cgroup v1 (no PID limit would hold)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  const tmp = mkdtempSync(path.join(tmpdir(), 'zl-mx-rpodman-'));
  beforeAll(async () => {
    rig = await startRig('rootless-podman', `mx-rpodman-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).replace(/^unix:\/\//, '') });
  });
  afterAll(async () => {
    await rig?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it("the engine says rootless only in its own field, on cgroup v1, and claims PidsLimit all the same", async () => {
    const info = (await docker.info()) as { CgroupDriver?: string; CgroupVersion?: string; PidsLimit?: boolean; SecurityOptions?: string[]; Rootless?: boolean };
    expect(info.Rootless).toBe(true);
    expect(info.CgroupVersion).toBe('1');
    expect(info.CgroupDriver).toBe('cgroupfs');
    expect(info.PidsLimit).toBe(true);
    expect(info.SecurityOptions ?? []).not.toContain('name=rootless');
  });

  it('doctor describes the engine (rootless, cgroup v1) and fails the PID limit check with the fix, and ends', async () => {
    const r = await cli(['doctor'], env, { timeoutMs: 120_000 });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toMatch(/^\[info\] engine: Podman 4\.\d+\.\d+ \(API [\d.]+\) on .*, cgroup v1 \(cgroupfs driver\), rootless$/m);
    expect(r.stdout).toMatch(/^\[info\] rootless: yes: the engine runs as an ordinary user \(in Podman's own user namespace\)/m);
    expect(r.stdout).toMatch(/^\[FAIL\] PID limits: rootless Podman .* runs containers without cgroups \(cgroup driver cgroupfs, rootless on cgroup v1\)/m);
    expect(r.stdout).toMatch(/^ {8}fix: .*cgroup v2 .*pids controller delegated/m);
  });

  for (const [what, args] of [
    ['compare', ['compare', '--duration', '2s']],
    ['scorecard', ['scorecard', '--variants', 'python3']],
    ['a lab check', ['lab', 'zombies', '--check', '--workspace', path.join(tmp, 'ws')]],
  ] as const) {
    it(`${what} is refused at once in one line with the fix, before building or running anything`, async () => {
      const r = await cli([...args, '--run-id', `mx-rpodman-${process.pid}`], { ...env, XDG_STATE_HOME: path.join(tmp, 'state') }, { timeoutMs: 60_000 });
      expect(r.code, explain(r)).not.toBe(0);
      expect(r.stderr, explain(r)).toMatch(REFUSAL);
      expect(r.stderr).toMatch(/^ {2}fix: use an engine with a pids cgroup/m);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(await docker.listContainers({ all: true })).toEqual([]);
      expect(await docker.listImages()).toEqual([]);
    });
  }

  // Last: it builds the images, which the refusals above must not find.
  it('with the images built, doctor names this kernel without cgroups and claims no limit below pid_max', async () => {
    // prepare refuses this engine in one line, as every refused run does; the images are then built
    // through the engine's API, as a user might have them from before.
    const prep = await cli(['prepare'], env, { timeoutMs: 120_000 });
    expect(prep.code, explain(prep)).not.toBe(0);
    expect(prep.stderr, explain(prep)).toMatch(REFUSAL);
    for await (const _ of ensureImages(docker)) {
      // build progress is not needed here
    }
    const r = await cli(['doctor'], env, { timeoutMs: 180_000 });
    expect(r.code, explain(r)).toBe(1);
    expect(r.stdout).toMatch(/^\[FAIL\] PID limit inside a container: not held: a container given --pids-limit \d+ reads pids\.max none inside/m);
    expect(r.stdout).toMatch(/^\[info\] this kernel: the engine runs on this machine's kernel, but .* the engine gives its containers no cgroups$/m);
    expect(r.stdout).not.toMatch(/runs elsewhere/);
    expect(r.stdout).toMatch(/^\[info\] pid_max: \d+, as the engine's containers see it: nothing would keep a container below it on this engine/m);
    expect(r.stdout).not.toMatch(/far below it/);
  });

  it('stopping the rig leaves no process that names its folder (rootless podman re-executes itself in its user namespace)', async () => {
    await rig.stop();
    const left: string[] = [];
    for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
      let cmdline = '';
      try {
        cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        continue; // gone meanwhile
      }
      if (cmdline.includes(`${rig.dir}/`)) left.push(`${pid}: ${cmdline}`);
    }
    expect(left).toEqual([]);
  });
});
