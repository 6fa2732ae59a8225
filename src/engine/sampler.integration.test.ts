import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_KIND } from '../core/labels.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from './cleanup.js';
import type { Started } from './containers.js';
import { removeQuietly } from './containers.js';
import { execCountZombies } from './exec-count.js';
import { checkHostProc, NamespaceCache, pidsCgroupOf, readPidsAccounting, type PidsCgroup } from './host-proc.js';
import { imageTags } from './images.js';
import { PACKAGE_ROOT } from './package-paths.js';
import { scanProc } from './proc-scan.js';
import { newRunId, ownerFor } from './run-id.js';
import { sampleContainers } from './sampler/sample-containers.js';
import type { SampleTarget, TargetSample } from './sampler/sampler-options.js';
import type { SidecarReading } from '../core/sidecar-protocol.js';
import { startSidecar } from './sidecar.js';
import { startZombieMaker } from './zombie-maker.js';

const conn = await dockerForTests();
const runId = newRunId('sampler-test');
const owner = ownerFor(runId);

interface Subject {
  name: string;
  want: number;
  started: Started;
  target: SampleTarget;
  cgroup: PidsCgroup;
}

const subjects: Subject[] = [];
let full: Subject;

async function makeSubject(name: string, zombies: number | 'fill', pidsLimit: number): Promise<Subject> {
  const tags = await imageTags();
  const started = await startZombieMaker(conn!.docker, { owner, image: tags.base, zombies, pidsLimit, memoryMb: 256, ttlS: 300, labels: { 'zombie-lab.test': name } });
  const v = checkHostProc(started.initPid, started.id);
  if (!v.ok) throw new Error(v.reason);
  const cgroup = pidsCgroupOf(started.initPid, undefined, started.id);
  if (!cgroup) throw new Error('no pids cgroup');
  const want = zombies === 'fill' ? pidsLimit - 1 : zombies;
  return { name, want, started, cgroup, target: { key: name, ns: v.ns, cgroup, pidsLimit } };
}

/** Samples a few ticks and returns them all. */
async function collect(targets: SampleTarget[], ticks: number, opts: { source?: 'auto' | 'proc' } = {}): Promise<TargetSample[]> {
  const ac = new AbortController();
  const out: TargetSample[] = [];
  for await (const batch of sampleContainers(() => targets, { signal: ac.signal, ...opts })) {
    out.push(...batch);
    if (out.length >= ticks * targets.length) ac.abort();
  }
  return out;
}

beforeAll(async () => {
  if (!conn) return;
  const made = await Promise.all([makeSubject('none', 0, 32), makeSubject('some', 40, 64), makeSubject('many', 3000, 3100), makeSubject('full', 'fill', 48)]);
  subjects.push(...made.slice(0, 3));
  full = made[3];
  // At rest: the makers stop after their count; wait until the kernel's accounting says so.
  for (const s of made) {
    await waitFor(() => (readPidsAccounting(s.cgroup)?.zombies === s.want ? true : undefined), 30_000, `${s.name}: ${s.want} zombies`);
  }
});

afterAll(async () => {
  if (!conn) return;
  await Promise.all([...subjects, full].filter(Boolean).map((s) => removeQuietly(s.started.container)));
  await removeLabContainers(conn.docker, { runId });
});

describe.runIf(conn)('the sampler on the real engine', () => {
  it('at rest, the cgroup fast path equals the /proc count (0, some, many zombies)', () => {
    const cache = new NamespaceCache();
    for (const s of subjects) {
      const fast = readPidsAccounting(s.cgroup);
      const proc = scanProc({ id: 1, namespaces: [s.target.ns], treeLimit: 0 }, cache).tallies.get(s.target.ns);
      expect(fast?.zombies, `${s.name} fast path`).toBe(s.want);
      expect(proc?.zombies, `${s.name} /proc`).toBe(s.want);
      expect(fast?.processes, `${s.name} live`).toBe(proc?.live);
      expect(fast?.limitHit).toBe(false);
    }
  });

  it('the live sampler delivers fast-path samples at 10 Hz, cross-checked by /proc from the worker', async () => {
    const targets = subjects.map((s) => s.target);
    const samples = await collect(targets, 14);
    for (const s of subjects) {
      const mine = samples.filter((x) => x.key === s.name).map((x) => x.sample);
      expect(mine.every((x) => x.source === 'cgroup' && x.zombies === s.want)).toBe(true);
      const checked = mine.filter((x) => x.procCheck);
      expect(checked.length, `${s.name}: cross-checked`).toBeGreaterThan(0);
      expect(checked.at(-1)?.procCheck?.zombies).toBe(s.want);
      expect(mine.at(-1)?.rateHz).toBeGreaterThan(5);
    }
  });

  it('the /proc path alone gives the same counts and says its rate', async () => {
    const samples = await collect(
      subjects.map((s) => s.target),
      3,
      { source: 'proc' },
    );
    for (const s of subjects) {
      const mine = samples.filter((x) => x.key === s.name).map((x) => x.sample);
      expect(mine.length).toBeGreaterThanOrEqual(3);
      expect(mine.every((x) => x.source === 'host-proc' && x.zombies === s.want)).toBe(true);
      expect(mine.at(-1)?.rateHz).toBeGreaterThan(0);
    }
  });

  it('with the PID limit full, the fast path, /proc and the sidecar still count while docker exec cannot', async () => {
    const fast = readPidsAccounting(full.cgroup);
    expect(fast).toMatchObject({ pidsUsed: 48, pidsMax: 48, zombies: 47, limitHit: true });
    expect(fast?.refusedForks).toBeGreaterThanOrEqual(1);
    const proc = scanProc({ id: 1, namespaces: [full.target.ns], treeLimit: 0 }, new NamespaceCache()).tallies.get(full.target.ns);
    expect(proc?.zombies).toBe(47);
    const [sample] = await collect([full.target], 1);
    expect(sample?.sample).toMatchObject({ zombies: 47, limitHit: true, source: 'cgroup' });

    const exec = await execCountZombies(conn!.docker, full.started.id);
    expect(exec.ok, 'docker exec into a full container').toBe(false);
    // ...while on a container with room, the same exec works and agrees.
    const some = subjects.find((s) => s.name === 'some') as Subject;
    expect(await execCountZombies(conn!.docker, some.started.id)).toEqual({ ok: true, zombies: 40 });

    const tags = await imageTags();
    const sidecar = await startSidecar(conn!.docker, { owner, image: tags.base, targetId: full.started.id, ttlS: 120 });
    try {
      const r = (await sidecar.readings.next()).value as SidecarReading | undefined;
      expect(r, `sidecar output (stderr: ${sidecar.stderrTail()})`).toMatchObject({ zombies: 47, live: 1, pid1: 'python3' });
    } finally {
      await sidecar.close();
    }
  });

  it('closing a sidecar while its readings still flow raises nothing (no late write after the end)', async () => {
    const tags = await imageTags();
    const target = subjects.find((s) => s.name === 'some') as Subject;
    for (let i = 0; i < 10; i++) {
      const sidecar = await startSidecar(conn!.docker, { owner, image: tags.base, targetId: target.started.id, ttlS: 120, intervalMs: 5, treeLimit: 400 });
      const first = await sidecar.readings.next();
      expect(first.done).toBe(false);
      // An unhandled 'write after end' would fail this run as an uncaught error.
      await sidecar.close();
    }
  });

  it('the sidecar agrees with the host path and leaves no container and no zombie of its own behind', async () => {
    const tags = await imageTags();
    const cache = new NamespaceCache();
    for (const s of subjects) {
      const before = scanProc({ id: 1, namespaces: [s.target.ns], treeLimit: 0 }, cache).tallies.get(s.target.ns);
      const sidecar = await startSidecar(conn!.docker, { owner, image: tags.base, targetId: s.started.id, ttlS: 120 });
      let readings: SidecarReading[] = [];
      try {
        for await (const r of sidecar.readings) {
          readings.push(r);
          if (readings.length >= 3) break;
        }
      } finally {
        await sidecar.close();
      }
      expect(readings.length, `${s.name}: sidecar readings`).toBe(3);
      readings = readings.slice(-2);
      for (const r of readings) {
        expect(r.zombies, `${s.name} sidecar zombies`).toBe(s.want);
        expect(r.live, `${s.name} sidecar live (it leaves itself out)`).toBe(readPidsAccounting(s.cgroup)?.processes);
        expect(r.threads + r.zombies, `${s.name} PIDs used`).toBe(readPidsAccounting(s.cgroup)?.pidsUsed);
      }
      // Gone: no sampler container of ours, and the target's namespace holds what it held before.
      await waitFor(
        async () => ((await listLabContainers(conn!.docker)).some((c) => c.id === sidecar.started.id) ? undefined : true),
        10_000,
        'the sidecar container to be removed',
      );
      const after = await waitFor(
        () => {
          const t = scanProc({ id: 2, namespaces: [s.target.ns], treeLimit: 0 }, cache).tallies.get(s.target.ns);
          return t && t.live === before?.live ? t : undefined;
        },
        10_000,
        'the sidecar process to be gone from the namespace',
      );
      expect(after.zombies, `${s.name}: no zombie left by the sidecar`).toBe(before?.zombies);
    }
    const samplers = (await conn!.docker.listContainers({ all: true, filters: { label: [`zombie-lab=${runId}`, `${LABEL_KIND}=sampler`] } })).length;
    expect(samplers).toBe(0);
  });

  it('a sidecar ends by itself when the lab is killed (its stdin closes), leaving no container', async () => {
    const tags = await imageTags();
    const target = subjects.find((x) => x.name === 'some') as Subject;
    const sidecarJs = path.join(PACKAGE_ROOT, 'dist', 'engine', 'sidecar.js');
    const runIdJs = path.join(PACKAGE_ROOT, 'dist', 'engine', 'run-id.js');
    const dockerode = path.join(PACKAGE_ROOT, 'node_modules', 'dockerode', 'lib', 'docker.js');
    // A stand-in lab: starts a sidecar, says its id, then waits to be killed with SIGKILL (no cleanup runs).
    const code = `
      const { default: Docker } = await import(${JSON.stringify(dockerode)});
      const { startSidecar } = await import(${JSON.stringify(sidecarJs)});
      const { ownerFor } = await import(${JSON.stringify(runIdJs)});
      const sc = await startSidecar(new Docker(), { owner: ownerFor(${JSON.stringify(runId)}), image: ${JSON.stringify(tags.base)}, targetId: ${JSON.stringify(target.started.id)}, ttlS: 300 });
      await sc.readings.next();
      process.stdout.write(sc.started.id + '\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const id = await waitFor(() => (out.includes('\n') ? out.trim() : undefined), 30_000, 'the stand-in lab to start its sidecar');
    expect((await listLabContainers(conn!.docker)).some((c) => c.id === id)).toBe(true);
    child.kill('SIGKILL');
    await waitFor(async () => ((await listLabContainers(conn!.docker)).some((c) => c.id === id) ? undefined : true), 20_000, 'the orphaned sidecar to end and be removed');
    // And it left no zombie in the namespace it sampled.
    const t = scanProc({ id: 3, namespaces: [target.target.ns], treeLimit: 0 }, new NamespaceCache()).tallies.get(target.target.ns);
    expect(t?.zombies).toBe(target.want);
  });
});
