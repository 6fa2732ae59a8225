/**
 * A learner's Dockerfile builds under limits of the lab's own, on a dockerd of this test's own
 * (scripts/rig-pidns-dockerd.sh), never the shared one: its RUN steps sit below a pids-limited
 * cgroup the lab made (read from the kernel while they run), with the build's memory limit; and
 * a bounded "fork bomb" (a RUN step that tries to start 3000 sleeping processes, never an
 * unbounded loop: pid_max is shared) ends as a failed check naming the PID limit, with nothing
 * of ours left and the host's task count held near the limit.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNER_BUILD_LIMITS } from '../core/build-bounds.js';
import { imageTags } from '../engine/images.js';
import { cli, explain, matrixPossible, startRig, type CliRun, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('pidns-dockerd');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the pidns-dockerd rig cannot run here (needs root)');

const CG = '/sys/fs/cgroup';

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

/** Tasks on the whole host: the total in /proc/loadavg ("0.10 0.20 0.30 2/431 1234"). */
function hostTasks(): number {
  return Number(/\s\d+\/(\d+)\s/.exec(read('/proc/loadavg') ?? '')?.[1] ?? NaN);
}

interface Seen {
  /** The cgroup the lab made for the build (its name), once seen. */
  name: string | null;
  pidsMax: string | null;
  /** Most tasks charged to it at once. */
  peak: number;
  /** memory.limit_in_bytes of each RUN container below it (v1), as last read (a new cgroup reads unlimited until runc sets it). */
  runMemory: Map<string, string>;
  /** Commands of the tasks seen in the RUN containers' pids cgroups. */
  runComms: Set<string>;
  /** Refused forks counted in the RUN containers' pids.events. */
  refused: number;
  hostTasksMax: number;
}

/** Watches, from the host, the build cgroup of the lab process `pid()` while its check runs. */
function watchBuild(pid: () => number | null): { stop(): Seen } {
  const seen: Seen = { name: null, pidsMax: null, peak: 0, runMemory: new Map(), runComms: new Set(), refused: 0, hostTasksMax: hostTasks() };
  const tick = () => {
    seen.hostTasksMax = Math.max(seen.hostTasksMax, hostTasks());
    const p = pid();
    if (!p) return;
    const name = seen.name ?? readdirSync(path.join(CG, 'pids')).find((n) => n.startsWith(`zombie-lab-buildcg-${p}-`)) ?? null;
    if (!name) return;
    seen.name = name;
    const dir = path.join(CG, 'pids', name);
    seen.pidsMax = read(path.join(dir, 'pids.max')) ?? seen.pidsMax;
    // pids.peak where the kernel has it (a bomb's peak may fall between two polls), else the current count.
    seen.peak = Math.max(seen.peak, Number(read(path.join(dir, 'pids.current')) ?? 0), Number(read(path.join(dir, 'pids.peak')) ?? 0));
    let runs: string[] = [];
    try {
      runs = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      return;
    }
    for (const id of runs) {
      const mem = read(path.join(CG, 'memory', name, id, 'memory.limit_in_bytes'));
      if (mem) seen.runMemory.set(id, mem);
      seen.refused = Math.max(seen.refused, Number(/^max\s+(\d+)/m.exec(read(path.join(dir, id, 'pids.events')) ?? '')?.[1] ?? 0));
      for (const t of (read(path.join(dir, id, 'tasks')) ?? '').split('\n').slice(0, 5)) {
        const comm = t && read(`/proc/${t}/comm`);
        if (comm) seen.runComms.add(comm);
      }
    }
  };
  const timer = setInterval(tick, 50);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return seen;
    },
  };
}

describe.runIf(possible)("a learner's build is bounded (a private dockerd)", () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  const tmp = mkdtempSync(path.join(tmpdir(), 'hb13-mx-build-'));

  beforeAll(async () => {
    rig = await startRig('pidns-dockerd', `hb13-lb-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string, XDG_STATE_HOME: path.join(tmp, 'state') };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).replace('unix://', '') });
    // The base image from the shared engine if it has it (the point here is not the offline build).
    const { base } = await imageTags();
    spawnSync('bash', ['-c', `docker save ${base} | DOCKER_HOST=${env.DOCKER_HOST} docker load`], { stdio: 'ignore' });
    const r = await cli(['prepare'], env);
    expect(r.code, explain(r)).toBe(0);
  });
  afterAll(async () => {
    await rig?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  /** `lab zombies --check --json` with the learner's Dockerfile replaced by `dockerfile` (and extra files). */
  async function checkWith(name: string, dockerfile: string, files: Record<string, string>): Promise<{ run: CliRun; seen: Seen; out: { passed: boolean; items: { ok: boolean; what: string; detail: string; tryThis?: string }[] } }> {
    const ws = await workspaceWith(name, dockerfile, files);
    let pid: number | null = null;
    const watch = watchBuild(() => pid);
    const run = await cli(['lab', 'zombies', '--check', '--json', '--workspace', ws, '--run-id', `hb13-${name}`], env, { onSpawn: (p) => (pid = p) });
    const seen = watch.stop();
    let out;
    try {
      out = JSON.parse(run.stdout) as { passed: boolean; items: { ok: boolean; what: string; detail: string; tryThis?: string }[] };
    } catch {
      throw new Error(`the check printed no JSON: ${explain(run)}`);
    }
    return { run, seen, out };
  }

  /** Lays out lab zombies' starting files in a workspace of the test's own, with `dockerfile` over them. */
  async function workspaceWith(name: string, dockerfile: string, files: Record<string, string>): Promise<string> {
    const ws = path.join(tmp, name);
    const first = await cli(['lab', 'zombies', '--workspace', ws], env);
    expect(first.code, explain(first)).toBe(0);
    const dir = path.join(ws, readdirSync(ws).find((d) => d.endsWith('-zombies')) ?? 'zombies');
    writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
    for (const [f, text] of Object.entries(files)) writeFileSync(path.join(dir, f), text);
    return ws;
  }

  /** Nothing of that build left: its cgroup in no controller, no container, no image of ours. */
  async function nothingLeft(seen: Seen, danglingBefore: number): Promise<void> {
    expect(seen.name).not.toBeNull();
    const roots = readdirSync(CG, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(roots.filter((r) => existsSync(path.join(CG, r.name, seen.name as string))).map((r) => r.name)).toEqual([]);
    expect(await docker.listContainers({ all: true })).toEqual([]);
    const images = await docker.listImages({ all: true });
    expect(images.flatMap((i) => i.RepoTags ?? []).filter((t) => t.includes('zombie-lab/lab-'))).toEqual([]);
    expect((await docker.listImages({ filters: { dangling: ['true'] } })).length).toBe(danglingBefore);
  }

  it("runs the RUN steps below a pids-limited cgroup of the lab's, with the build's memory limit, read from the kernel", async () => {
    const dangling = (await docker.listImages({ filters: { dangling: ['true'] } })).length;
    const { run, seen } = await checkWith('limits', 'ARG BASE=zombie-lab/base\nFROM ${BASE}\nCOPY fork.py /root/fork.py\nRUN sleep 3\nCMD ["python3", "/root/fork.py"]\n', {});
    expect(`${run.stdout}${run.stderr}`, explain(run)).not.toMatch(/without a PID limit/);
    expect(seen.pidsMax, explain(run)).toBe(String(LEARNER_BUILD_LIMITS.pidsMax));
    expect([...seen.runComms]).toContain('sleep');
    expect(new Set(seen.runMemory.values())).toEqual(new Set([String(LEARNER_BUILD_LIMITS.memoryMb * 1024 * 1024)]));
    await nothingLeft(seen, dangling);
  });

  it('a bounded fork bomb in a RUN step hits the PID limit: a failed check naming it, nothing left, the host held', async () => {
    const dangling = (await docker.listImages({ filters: { dangling: ['true'] } })).length;
    // The first refused fork ends the step: on cgroup v1 that count lives only in the step's own
    // cgroup, which goes with it, so the bomb lingers a second before failing, for the 50 ms poll.
    const bomb = [
      'import os, time',
      'for i in range(3000):',
      '    try:',
      '        pid = os.fork()',
      '    except OSError:',
      '        time.sleep(1)',
      '        raise',
      '    if pid == 0:',
      '        time.sleep(60)',
      '        os._exit(0)',
      '',
    ].join('\n');
    const before = hostTasks();
    const { run, seen, out } = await checkWith('bomb', 'ARG BASE=zombie-lab/base\nFROM ${BASE}\nCOPY bomb.py /bomb.py\nRUN ["python3", "/bomb.py"]\nCMD ["sleep", "1"]\n', { 'bomb.py': bomb });
    expect(run.code, explain(run)).toBe(1);
    expect(out.passed).toBe(false);
    const item = out.items.find((i) => !i.ok);
    expect(item?.what).toBe('your Dockerfile builds');
    expect(item?.detail).not.toContain('\n');
    expect(item?.detail, explain(run)).toMatch(new RegExp(`reached the build's PID limit \\(${LEARNER_BUILD_LIMITS.pidsMax} processes at once\\)`));
    expect(item?.detail).toMatch(/Resource temporarily unavailable/);
    expect(item?.tryThis).toMatch(/fork bomb/);
    // From the kernel: the limit held, forks were refused, and the host never took the 3000.
    expect(seen.pidsMax).toBe(String(LEARNER_BUILD_LIMITS.pidsMax));
    expect(seen.peak).toBeLessThanOrEqual(LEARNER_BUILD_LIMITS.pidsMax);
    expect(seen.peak).toBeGreaterThan(LEARNER_BUILD_LIMITS.pidsMax - 16);
    expect(seen.refused).toBeGreaterThan(0);
    // Other sessions share the host: a margin of 400 tasks, far below the 3000 the step asked for.
    expect(seen.hostTasksMax - before).toBeLessThan(LEARNER_BUILD_LIMITS.pidsMax + 400);
    console.log(`fork bomb: ${item?.detail}\n  cgroup peak ${seen.peak}/${seen.pidsMax}, ${seen.refused} forks refused, host tasks ${before} -> at most ${seen.hostTasksMax}`);
    await nothingLeft(seen, dangling);
    // The engine still answers and runs the next check's build.
    expect(String(await docker.ping())).toBe('OK');
  });

  it('a lab SIGKILLed while a RUN step runs: the next start removes its build cgroup', async () => {
    const ws = await workspaceWith('killed', 'ARG BASE=zombie-lab/base\nFROM ${BASE}\nRUN sleep 20\nCMD ["sleep", "1"]\n', {});
    let pid: number | null = null;
    const watch = watchBuild(() => pid);
    const run = cli(['lab', 'zombies', '--check', '--json', '--workspace', ws, '--run-id', 'hb13-killed'], env, { onSpawn: (p) => (pid = p) });
    const deadline = Date.now() + 120_000;
    while (!watch.stop().runComms.has('sleep')) {
      if (Date.now() > deadline) throw new Error('the RUN step never showed in the build cgroup');
      await new Promise((r) => setTimeout(r, 100));
    }
    const seen = watch.stop();
    process.kill(pid as unknown as number, 'SIGKILL');
    await run;
    expect(existsSync(path.join(CG, 'pids', seen.name as string))).toBe(true);
    // The engine ends the build once its client is gone; the sweep of the next start takes the cgroup.
    const deadline2 = Date.now() + 60_000;
    for (;;) {
      const r = await cli(['clean'], env);
      expect(r.code, explain(r)).toBe(0);
      const left = readdirSync(CG, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(CG, e.name, seen.name as string)));
      if (!left.length) break;
      if (Date.now() > deadline2) throw new Error(`still there after clean: ${left.map((e) => e.name).join(', ')}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(await docker.listContainers({ all: true })).toEqual([]);
  });
});
