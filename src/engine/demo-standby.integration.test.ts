import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoSpec } from '../core/container-spec.js';
import type { RunEvent } from '../core/run-events.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from './cleanup.js';
import { removeQuietly, startWaiting } from './containers.js';
import type { DemoOptions } from './demo/demo-options.js';
import { runDemo } from './demo/run-demo.js';
import { DemoStandby } from './demo-standby.js';
import { pidsCgroupOf, readPidsAccounting } from './host-proc.js';
import { imageTags } from './images.js';
import { PACKAGE_ROOT } from './package-paths.js';
import { newRunId, ownerFor } from './run-id.js';

const conn = await dockerForTests();
const runIds: string[] = [];

afterAll(async () => {
  if (!conn) return;
  for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
});

const options = (prefix: string): DemoOptions => {
  const runId = newRunId(prefix);
  runIds.push(runId);
  return { runId, modes: ['no-init', 'dumb-init', 'init'], pidsLimit: 128, memoryMb: 128, stopTimeoutS: 2, zombieRate: 25 };
};

const ofRun = async (runId: string) => (await listLabContainers(conn!.docker)).filter((c) => c.runId === runId);

/** The waiting workload has said so in its log: from here on it sits in select() on stdin. */
async function untilWaiting(id: string): Promise<void> {
  const c = conn!.docker.getContainer(id);
  await waitFor(async () => ((await c.logs({ stdout: true, stderr: true })).toString().includes('waiting for a line on stdin') ? true : undefined), 20_000, 'fork.py to wait');
}

describe.runIf(conn)('demo containers started ahead of time', () => {
  it('a waiting workload makes nothing until its start line, then makes zombies under no init', async () => {
    const runId = options('test-wait').runId;
    const { zombie } = await imageTags();
    const spec = demoSpec(ownerFor(runId), 'no-init', zombie, { pidsLimit: 64, memoryMb: 64 }, { zombieRate: 25, ttlS: 120, waitForGo: true });
    const w = await startWaiting(conn!.docker, spec);
    try {
      await untilWaiting(w.id);
      const cg = pidsCgroupOf(w.initPid, undefined, w.id);
      const before = readPidsAccounting(cg);
      expect(before?.processes, 'only PID 1 while waiting').toBe(1);
      expect(before?.zombies).toBe(0);
      expect(w.gone).toBe(false);
      await w.go();
      const zombies = await waitFor(() => {
        const z = readPidsAccounting(cg)?.zombies ?? 0;
        return z >= 3 ? z : undefined;
      }, 20_000, 'zombies after the start line');
      expect(zombies).toBeGreaterThanOrEqual(3);
    } finally {
      await removeQuietly(w.container);
    }
  });

  it('a waiting container ends by itself, unused, when the lab that started it is killed', async () => {
    const runId = options('test-wait-kill').runId;
    const { zombie } = await imageTags();
    const js = (p: string) => JSON.stringify(path.join(PACKAGE_ROOT, 'dist', ...p.split('/')));
    const dockerode = JSON.stringify(path.join(PACKAGE_ROOT, 'node_modules', 'dockerode', 'lib', 'docker.js'));
    // A stand-in lab: starts a waiting demo container, says its id, then waits for SIGKILL (no cleanup runs).
    const code = `
      const { default: Docker } = await import(${dockerode});
      const { startWaiting } = await import(${js('engine/containers.js')});
      const { demoSpec } = await import(${js('core/container-spec.js')});
      const { ownerFor } = await import(${js('engine/run-id.js')});
      const spec = demoSpec(ownerFor(${JSON.stringify(runId)}), 'dumb-init', ${JSON.stringify(zombie)}, { pidsLimit: 64, memoryMb: 64 }, { zombieRate: 25, ttlS: 300, waitForGo: true });
      const w = await startWaiting(new Docker(), spec);
      process.stdout.write(w.id + '\\n');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const id = await waitFor(() => (out.includes('\n') ? out.trim() : undefined), 30_000, 'the stand-in lab to start its container');
    await untilWaiting(id);
    child.kill('SIGKILL');
    // Well within the 300 s TTL: stdin closed, fork.py left, AutoRemove removed the container.
    await waitFor(async () => ((await ofRun(runId)).length === 0 ? true : undefined), 20_000, 'the orphaned waiting container to end and be removed');
    expect(await ofRun(runId)).toEqual([]);
  });

  it('a run takes the prepared containers (same run, one start line each) and plots; close() removes an untaken standby', async () => {
    const prepared: DemoOptions[] = [];
    const standby = new DemoStandby(conn!.docker, () => {
      const o = options('test-standby');
      prepared.push(o);
      return o;
    });
    standby.warm();
    const first = standby.take();
    expect(first).not.toBeNull();
    const ready = await first!.ready;
    expect(ready, 'images are built, so the standby is ready').not.toBeNull();
    const ids = [...ready!.lanes.values()].map((r) => (r.status === 'fulfilled' ? r.value.id : 'failed'));
    expect(ids).not.toContain('failed');

    const stop = new AbortController();
    const events: RunEvent[] = [];
    for await (const e of runDemo(conn!.docker, first!.opts, { signal: new AbortController().signal, stop: stop.signal }, first!.ready)) {
      events.push(e);
      const noInit = events.findLast((x) => x.type === 'sample' && x.mode === 'no-init');
      if (!stop.signal.aborted && noInit?.type === 'sample' && noInit.sample.zombies >= 5) stop.abort();
    }
    expect(events.some((e) => e.type === 'build-done'), 'a prepared run checks no images').toBe(false);
    expect(events.some((e) => e.type === 'done')).toBe(true);
    // The run used exactly the prepared containers: they were started under the standby's run id and are gone now.
    expect(await ofRun(first!.opts.runId)).toEqual([]);
    const running = events.filter((e) => e.type === 'lane' && e.state.kind === 'running');
    expect(new Set(running.map((e) => (e.type === 'lane' && e.state.kind === 'running' ? e.state.startedAt : 0))).size, 'one t0 for all lanes').toBe(1);

    standby.warm();
    const second = prepared.at(-1) as DemoOptions;
    expect(second.runId).not.toBe(first!.opts.runId);
    await waitFor(async () => ((await ofRun(second.runId)).length === 3 ? true : undefined), 20_000, 'the next standby to start');
    await standby.close();
    expect(await ofRun(second.runId)).toEqual([]);
    standby.warm();
    expect(standby.take(), 'a closed standby prepares nothing').toBeNull();
  });
});
