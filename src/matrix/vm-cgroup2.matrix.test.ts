/**
 * The engine matrix: a Debian trixie VM under qemu (scripts/rig-vm.sh), Docker 26 on cgroup v2
 * with the systemd driver, another kernel reached over TCP: the Docker Desktop case for real.
 * From this host the lab counts through the sidecar, which on cgroup v2 reads the demo's pids
 * cgroup itself; inside the guest (the checkout over 9p, this host's node) it takes the fast path.
 * Under TCG everything is slow: a long stop timeout, and only what still holds is asserted
 * (no init sits out the timeout and ends 137; the inits end by SIGTERM, 143, well before it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { cli, explain, matrixPossible, startRig, type CliRun, type Rig } from './matrix-support.js';

const run = promisify(execFile);
const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('vm');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the vm rig cannot run here (needs root)');

const STOP_TIMEOUT_S = 40;

interface CompareJson {
  sources: { source: string; detail: string }[];
  sampler: { source: string; samples: number; rateHz: number | null; costMedianUs: number }[];
  results: { mode: string; pid1: string | null; zombiesPeak: number; exitCode: number | null; stopMs: number | null }[];
}

function compareOf(r: CliRun): CompareJson {
  return JSON.parse(r.stdout) as CompareJson;
}

/** The no-init lesson as it holds under TCG: a pile; it sits out the timeout (137); the inits end by SIGTERM well before. */
function expectLesson(out: CompareJson): void {
  const by = new Map(out.results.map((x) => [x.mode, x]));
  const noInit = by.get('no-init');
  expect(noInit?.zombiesPeak ?? 0).toBeGreaterThan(10);
  expect(noInit?.exitCode).toBe(137);
  expect(noInit?.stopMs ?? 0).toBeGreaterThanOrEqual(STOP_TIMEOUT_S * 1000 - 500);
  for (const mode of ['dumb-init', 'init']) {
    expect(by.get(mode)?.zombiesPeak, mode).toBeLessThanOrEqual(2);
    expect(by.get(mode)?.exitCode, mode).toBe(143);
    expect(by.get(mode)?.stopMs ?? Infinity, mode).toBeLessThan((STOP_TIMEOUT_S * 1000) / 2);
  }
}

describe.runIf(possible)('a cgroup v2 VM (Debian trixie, Docker 26, another kernel over TCP)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  let work: string;
  const runId = (what: string) => `mx-vm-${what}-${process.pid}`;
  beforeAll(async () => {
    rig = await startRig('vm', `mx-vm-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    const u = new URL((rig.env.DOCKER_HOST as string).replace(/^tcp:/, 'http:'));
    docker = new Docker({ host: u.hostname, port: Number(u.port) });
    work = await mkdtemp(path.join(tmpdir(), 'zombie-lab-mx-vm-'));
  });
  afterAll(async () => {
    await rig?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("doctor describes the guest's engine: cgroup v2, systemd driver, its kernel, the sidecar on its cgroup way", async () => {
    const r = await cli(['doctor'], env);
    expect(r.stdout, explain(r)).toMatch(/engine: Docker Engine 2\d\.[^\n]*Debian GNU\/Linux 13[^\n]*kernel 6\.[^\n]*cgroup v2 \(systemd driver\)/);
    expect(r.stdout).toMatch(/DOCKER_HOST/);
    expect(r.stdout).toMatch(/sampler: a sidecar[^\n]*reads the container's pids cgroup every tick \(cgroup v2/);
  });

  it('prepare builds the images in the guest, through its API', async () => {
    const r = await cli(['prepare'], env);
    expect(r.code, explain(r)).toBe(0);
  });

  it('compare counts through the sidecar on the cgroup way, at about 10 Hz, and shows the lesson', async () => {
    const r = await cli(['compare', '--duration', '8s', '--stop-timeout', String(STOP_TIMEOUT_S), '--json', '--run-id', runId('compare')], env);
    expect(r.code, explain(r)).toBe(0);
    const out = compareOf(r);
    expect(out.sources.map((s) => s.source)).toEqual(['sidecar-cgroup']);
    const stats = out.sampler.find((s) => s.source === 'sidecar-cgroup');
    expect(stats?.rateHz ?? 0, JSON.stringify(out.sampler)).toBeGreaterThan(7);
    expectLesson(out);
  });

  it('scorecard counts every variant through the sidecar', async () => {
    const r = await cli(['scorecard', '--json', '--variants', 'python3,tini,docker-init', '--concurrency', '3', '--run-id', runId('sc')], env);
    expect(r.code, explain(r)).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { variant: string; pid1: string; zombies: number; errors: string[]; countedBy: string }[] }).rows;
    expect(rows.map((x) => [x.variant, x.pid1, x.countedBy, x.errors])).toEqual([
      ['python3', 'python3', 'sidecar', []],
      ['tini', 'tini', 'sidecar', []],
      ['docker-init', 'docker-init', 'sidecar', []],
    ]);
    const z = new Map(rows.map((x) => [x.variant, x.zombies]));
    expect(z.get('python3')).toBeGreaterThan(10);
    expect(z.get('tini')).toBe(0);
    expect(z.get('docker-init')).toBe(0);
  });

  it('lab 01: the starting files fail for the lesson, --init passes', async () => {
    const labEnv = { ...env, ZOMBIE_LAB_WORKSPACE: path.join(work, 'labs'), HOME: work };
    const start = await cli(['lab', '01', '--check', '--run-id', runId('lab')], labEnv);
    expect(start.code, explain(start)).toBe(1);
    expect(start.stdout).toMatch(/^✘ no zombies pile up: \d+ zombies/m);
    await writeFile(path.join(work, 'labs', '01-zombies', 'docker-run-flags.txt'), '--init\n');
    const fixed = await cli(['lab', 'zombies', '--check', '--run-id', runId('lab')], labEnv);
    expect(fixed.code, explain(fixed)).toBe(0);
  });

  it('inside the guest the lab takes the fast path on cgroup v2 (checkout over 9p, this host node)', async () => {
    const script = path.join(PACKAGE_ROOT, 'scripts', 'rig-vm.sh');
    const cmd = `cd /tmp && HOME=/tmp NO_COLOR=1 ${rig.env.RIG_GUEST_NODE} ${rig.env.RIG_GUEST_LAB}/dist/bundle/cli.js compare --duration 6s --stop-timeout ${STOP_TIMEOUT_S} --json --run-id ${runId('guest')}`;
    const { stdout } = await run('bash', [script, 'ssh', rig.dir, cmd], { timeout: 10 * 60_000, maxBuffer: 64 << 20 });
    const out = JSON.parse(stdout) as CompareJson;
    expect(out.sources.map((s) => s.source)).toEqual(['cgroup']);
    expect(out.sources[0]?.detail).toMatch(/pids cgroup/);
    const stats = out.sampler.find((s) => s.source === 'cgroup');
    expect(stats?.rateHz ?? 0).toBeGreaterThan(7);
    expectLesson(out);
  });

  it('clean --images removes what the lab made in the guest, and nothing of the lab is left', async () => {
    const r = await cli(['clean', '--all', '--images'], env);
    expect(r.code, explain(r)).toBe(0);
    const containers = await docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
    expect(containers.map((c) => c.Names)).toEqual([]);
    const images = await docker.listImages();
    expect(images.flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith('zombie-lab/'))).toEqual([]);
  });
});
