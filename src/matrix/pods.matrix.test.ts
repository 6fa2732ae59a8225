/**
 * Pods for real: `zombie-lab pods` on a rootful Podman of its own (scripts/rig-podman.sh), which
 * plays the lab's Pod YAML files with kube play. Asserted from the kernel and the engine: PID 1
 * of each pod, its PID limit read back, zombies and the exec probe's zombies, the stop against
 * the pod's own grace period with its exit code, the SIGTERM mid-run, and nothing left behind
 * (pods, infra containers, volumes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Docker from 'dockerode';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import type { InspectReport } from '../core/inspect/report.js';
import { execWithin } from '../engine/exec-run.js';
import { listPods } from '../engine/pods/libpod.js';
import { loadPodFiles } from '../engine/pods/pod-files.js';
import { playPod } from '../engine/pods/play-pod.js';
import type { StartedPod } from '../engine/pods/started-pod.js';
import { ownerFor } from '../engine/run-id.js';
import { inspectReport } from '../test-support/inspect-report.js';
import { podsReport, threeLanes } from '../test-support/pods-report.js';
import { cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('podman');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the podman rig cannot run here (needs root)');

/** The grace period each of the lab's pods asks for, read from its file (the test follows the data). */
function graceOf(file: string): number {
  const doc = parse(readFileSync(path.join(PACKAGE_ROOT, 'images', 'pods', file), 'utf8')) as { spec: { terminationGracePeriodSeconds: number } };
  return doc.spec.terminationGracePeriodSeconds;
}

describe.runIf(possible)('pods on rootful Podman (kube play)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  beforeAll(async () => {
    rig = await startRig('podman', `h26pods-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).replace(/^unix:\/\//, '') });
    const r = await cli(['prepare', '--way', 'offline'], env);
    if (r.code !== 0) throw new Error(`prepare failed on the rig: ${explain(r)}`);
  });
  afterAll(async () => {
    await rig?.stop();
  });

  async function nothingLeft(): Promise<void> {
    expect(await listPods(docker, 'zombie-lab')).toEqual([]);
    // Infra containers carry no labels of ours: every container counts.
    expect((await docker.listContainers({ all: true })).map((c) => c.Names)).toEqual([]);
    expect((await docker.listVolumes()).Volumes ?? []).toEqual([]);
  }

  it('three pods: PID 1 per pod, the PID limit read back, zombies and probe zombies from the kernel, the stop after the grace period, nothing left', async () => {
    const r = await cli(['pods', '--json', '--duration', '8s', '--pids-limit', '512', '--run-id', `mx-pods-${process.pid}`], env, { timeoutMs: 180_000 });
    expect(r.code, explain(r)).toBe(0);
    const report = podsReport(r);
    expect(report.way).toBe('kube-play');
    expect(report.emulated).toBe(false);
    expect(report.lanes.map((l) => l.file)).toEqual(['images/pods/01-app-pid1.yaml', 'images/pods/02-shared-pid-ns.yaml', 'images/pods/03-tini.yaml']);

    const { alone, shared, tini } = threeLanes(report);
    for (const l of [alone, shared, tini]) {
      // kube play sets none; the lab set it and the kernel reads it back.
      expect(l.pidsMaxRead, l.pod).toBe(512);
      // Every periodSeconds (1 s) at most; exec calls take longer on a loaded machine.
      expect(l.probeRuns, l.pod).toBeGreaterThanOrEqual(3);
      expect(l.probeErrors, l.pod).toBe(0);
      // sh -c "sleep 3 & sleep 2" outlives its 1 s timeout: the lab stopped waiting, as the kubelet does.
      expect(l.probeTimeouts, l.pod).toBe(l.probeRuns);
    }
    // PID 1: the app itself; the infra container's catatonit with the app further down; tini.
    expect(alone.pid1).toBe('python3');
    expect(alone.appNsPid).toBe(1);
    expect(shared.pid1).toBe('catatonit');
    expect(shared.appNsPid).toBeGreaterThan(1);
    expect(tini.pid1).toBe('tini');
    expect(tini.appNsPid).toBe(1);

    // Zombies pile up only under the app as PID 1, the probe's among them.
    expect(alone.zombiesPeak).toBeGreaterThan(20);
    expect(alone.probeZombiesPeak).toBeGreaterThanOrEqual(2);
    // A child between its exit and its reap is a real, brief zombie (as in compare's test).
    expect(shared.zombiesPeak).toBeLessThanOrEqual(2);
    expect(tini.zombiesPeak).toBeLessThanOrEqual(2);
    // A probe's orphan is such a zombie too, under a reaping PID 1: seen in two scans in a row at
    // most once (a starved init, at load 14), never piling up as under the app (>= 2 above).
    expect(shared.probeZombiesPeak).toBeLessThanOrEqual(1);
    expect(tini.probeZombiesPeak).toBeLessThanOrEqual(1);

    // The stop: the app as PID 1 ignores SIGTERM and is killed when the pod's grace period is over.
    const grace = graceOf('01-app-pid1.yaml');
    expect(alone.graceS).toBe(grace);
    expect(alone.exitCode).toBe(137);
    expect(alone.stopMs).toBeGreaterThanOrEqual(grace * 1000);
    expect(alone.stopMs).toBeLessThan((grace + 10) * 1000);
    for (const l of [shared, tini]) {
      expect(l.exitCode, l.pod).toBe(143);
      expect(l.stopMs, l.pod).toBeLessThan(l.graceS * 1000);
    }
    await nothingLeft();
  });

  it('inspect --pod: the shared namespace\'s PID 1 and the main process in it; an app that is its own PID 1, with its zombies by parent; an unknown pod', async () => {
    const runId = `mx-podinspect-${process.pid}`;
    const files = await loadPodFiles();
    const tags = (await docker.getImage('zombie-lab/zombie').inspect()).RepoTags ?? [];
    const labImage = tags.find((t) => t.endsWith('zombie-lab/zombie:latest')) ?? 'zombie-lab/zombie:latest';
    const started: StartedPod[] = [];
    try {
      for (const name of ['shared-pid-ns', 'app-pid1']) {
        const pod = files.find((f) => f.name === name);
        if (!pod) throw new Error(`no pod file ${name}`);
        const s = await playPod(docker, pod, { owner: ownerFor(runId), pidsLimit: 512, memoryMb: 256, labImage, ttlS: 300, signal: AbortSignal.timeout(120_000) });
        started.push(s);
        await s.go();
      }
      // What an exec probe leaves: the shell ends first, its sleep goes to the namespace's PID 1.
      for (const s of started) for (let i = 0; i < 2; i++) expect((await execWithin(docker, s.app.id, ['sh', '-c', 'sleep 0.3 & sleep 0.1'], 20_000)).exitCode).toBe(0);
      await new Promise((r) => setTimeout(r, 1500));
      const [shared, alone] = started as [StartedPod, StartedPod];
      const inspect = async (s: StartedPod): Promise<Required<Pick<InspectReport, 'pod'>> & InspectReport> => {
        const r = await cli(['inspect', '--pod', s.engineName, '--json', '--run-id', runId], env, { timeoutMs: 120_000 });
        expect([0, 1], explain(r)).toContain(r.code);
        const doc = inspectReport(r);
        if (!doc.pod) throw new Error(`no pod in ${r.stdout}`);
        return doc as Required<Pick<InspectReport, 'pod'>> & InspectReport;
      };

      const s = await inspect(shared);
      expect(s.pod.sharedPid).toBe(true);
      expect(s.pod.members.map((m) => m.role)).toEqual(['namespace-pid1', 'main-process']);
      const [infra, app] = s.pod.members.map((m) => s.containers.find((c) => c.id === m.id));
      expect(infra?.pid1.init).toBe('catatonit');
      expect(app?.pid1.cmdline).toContain('python3');
      // Not PID 1: SIGTERM kills the app (143), as the pods run's stop of this pod shows.
      expect(app?.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143 });
      // catatonit reaps the probe's orphans: none lasts (one in flight at most, as in the pods run).
      const nsZombies = s.pod.members[0]?.zombiesByParent ?? [];
      expect(nsZombies.filter((z) => z.isPid1).reduce((n, z) => n + z.exec, 0)).toBeLessThanOrEqual(1);
      expect(s.pod.members[1]?.zombiesByParent).toBeNull();

      const a = await inspect(alone);
      expect(a.pod.sharedPid).toBe(false);
      expect(a.pod.members.map((m) => m.role)).toEqual(['pid1']);
      const c = a.containers[0];
      expect(c?.pid1.kind).toBe('app');
      expect(c?.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['zombies-under-pid1', 'stop-signal-dropped']));
      // Under the app as PID 1: its own zombies, and the two sleeps the exec'd shells left.
      const underPid1 = a.pod.members[0]?.zombiesByParent?.find((z) => z.isPid1);
      expect(underPid1?.parentComm).toBe('python3');
      expect(underPid1?.app).toBeGreaterThan(0);
      expect(underPid1?.exec).toBeGreaterThanOrEqual(2);

      const none = await cli(['inspect', '--pod', `${runId}-nothing`], env);
      expect(none.code, explain(none)).toBe(2);
      expect(none.stderr).toMatch(new RegExp(`^zombie-lab: no pod named or with id "${runId}-nothing" on this Podman\n {2}fix: `));
    } finally {
      await Promise.allSettled(started.map((s) => s.remove()));
    }
    await nothingLeft();
  });

  /** Runs `pods` and sends `sig` once its three pods exist on the engine. */
  async function podsSignalled(sig: NodeJS.Signals, runId: string): Promise<{ sent: boolean; run: Awaited<ReturnType<typeof cli>> }> {
    let sent = false;
    const run = await cli(['pods', '--duration', '60s', '--run-id', runId], env, {
      timeoutMs: 120_000,
      onSpawn: (pid) => {
        const poll = setInterval(() => {
          void listPods(docker, `zombie-lab=${runId}`).then((pods) => {
            if (!sent && pods.length === 3) {
              sent = true;
              clearInterval(poll);
              process.kill(pid, sig);
            }
          });
        }, 200);
        setTimeout(() => clearInterval(poll), 100_000).unref();
      },
    });
    return { sent, run };
  }

  it('SIGTERM mid-run: exit 143, and the pods with their infra containers are gone', async () => {
    const { sent, run } = await podsSignalled('SIGTERM', `mx-pods-term-${process.pid}`);
    expect(sent, explain(run)).toBe(true);
    expect(run.code, explain(run)).toBe(143);
    expect(run.stderr).toContain('interrupted by SIGTERM');
    await nothingLeft();
  });

  it("SIGKILL leaves the pods; the next start's sweep finds them by their labels and removes them with their infra containers", async () => {
    const runId = `mx-pods-kill-${process.pid}`;
    const { sent, run } = await podsSignalled('SIGKILL', runId);
    expect(sent, explain(run)).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect((await listPods(docker, `zombie-lab=${runId}`)).length).toBe(3);
    // Any command sweeps first; clean names what it removed.
    const r = await cli(['clean'], env);
    expect(r.code, explain(r)).toBe(0);
    await nothingLeft();
  });
});
