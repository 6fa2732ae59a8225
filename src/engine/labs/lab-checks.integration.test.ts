/**
 * Lab checks on the real engine beyond the corpus of attempts (lab-attempts.integration.test.ts
 * runs every right and wrong attempt): tini's masks, the fork count from the namespace's PID
 * counter, and a check that speaks the lab's language.
 */
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../core/labs/types.js';
import { parseStatusMasks } from '../../core/signal-mask.js';
import { dockerForTests } from '../../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from '../cleanup.js';
import { createAndStart, removeQuietly } from '../containers.js';
import { containerSpec } from '../../core/container-spec.js';
import { PROC } from '../host-proc.js';
import { ensureExtraImage, imageTags, WORKLOAD_REPO } from '../images.js';
import { forksBetween } from '../zombie-count.js';
import { pidCounter } from './check-run.js';
import { newRunId, ownerFor } from '../run-id.js';
import { checkLab } from './lab-check.js';
import { loadCatalog } from './lab-loader.js';
import { ensureWorkspace } from './workspace.js';

const conn = await dockerForTests();
const runId = newRunId('labs-test-checks');
const tmp = await mkdtemp(path.join(tmpdir(), 'zombie-lab-checks-'));
const catalog = await loadCatalog();

afterAll(async () => {
  if (conn) await removeLabContainers(conn.docker, { runId });
  await rm(tmp, { recursive: true, force: true });
});


describe.runIf(conn)('lab checks on the real engine', () => {
  it("03 signals: tini's masks read empty while it waits in sigtimedwait, yet docker stop ends it at once", async () => {
    // Ensured, not assumed: another session's `clean --images` on the shared engine may have removed it.
    const { tag: image } = await ensureExtraImage(conn!.docker, 'workload', WORKLOAD_REPO);
    const s = await createAndStart(
      conn!.docker,
      containerSpec({ owner: ownerFor(runId), kind: 'lab', image, entrypoint: ['tini', '--'], cmd: ['sleep', '60'], limits: { pidsLimit: 16, memoryMb: 32 }, autoRemove: false }),
    );
    try {
      // Poll until tini has set itself up and is waiting (its child is running).
      let masks = null;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const status = await readFile(`${PROC}/${s.initPid}/status`, 'utf8');
        if (status.includes('Name:\ttini') && (await readFile(`${PROC}/${s.initPid}/task/${s.initPid}/children`, 'utf8')).trim()) {
          masks = parseStatusMasks(status);
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(masks).not.toBeNull();
      expect(masks?.caught).toEqual([]);
      expect(masks?.blocked).toEqual([]);
      const t0 = performance.now();
      await s.container.stop({ t: 5 });
      expect(performance.now() - t0).toBeLessThan(2500);
      expect(await s.exited).toBe(143);
    } finally {
      await removeQuietly(s.container);
    }
  });

  it("counts forks by the namespace's own PID counter: exactly, though every child ended before the reading", async () => {
    const base = (await imageTags()).base;
    // 30 forks when a line comes on stdin, each child reaped at once; then "done", then idle.
    const forker = 'import os, sys\nsys.stdin.readline()\nfor _ in range(30):\n    pid = os.fork()\n    if pid == 0:\n        os._exit(0)\n    os.waitpid(pid, 0)\nprint("done", flush=True)\nsys.stdin.readline()';
    const s = await createAndStart(
      conn!.docker,
      containerSpec({ owner: ownerFor(runId), kind: 'lab', image: base, cmd: ['python3', '-c', forker], openStdin: true, limits: { pidsLimit: 16, memoryMb: 32 }, autoRemove: false }),
    );
    const ctx = { docker: conn!.docker, runId, dir: tmp, baseTag: base, workloadTag: base, signal: new AbortController().signal, onLine: () => undefined };
    try {
      const a = await pidCounter(ctx, s);
      const b = await pidCounter(ctx, s);
      // Nothing forked in between: only our samplers came (and their runc threads, a varying number).
      expect(forksBetween(a, b)).toBe(0);
      const stdin = await s.container.attach({ stream: true, stdin: true, hijack: true });
      stdin.write('go\n');
      const deadline = Date.now() + 10_000;
      while (!String(await s.container.logs({ stdout: true, follow: false })).includes('done')) {
        if (Date.now() > deadline) throw new Error('the forker did not say done within 10 s');
        await new Promise((r) => setTimeout(r, 50));
      }
      const c = await pidCounter(ctx, s);
      expect(forksBetween(b, c)).toBe(30);
    } finally {
      await removeQuietly(s.container);
    }
  });

  it('speaks the language of the lab: a German lab checks in German', async () => {
    const dir = path.join(tmp, 'zombies-de');
    await ensureWorkspace(dir, 'zombies');
    const de = catalog.byLang.de.find((l) => l.id === 'zombies') as Lab;
    const { result } = await checkLab(conn!.docker, de, { runId, dir, signal: new AbortController().signal });
    expect(result.passed).toBe(false);
    expect(result.items.find((i) => !i.ok)?.detail).toMatch(/^\d+ Zombies nach 3 s bei 20 Waisen\/s; PID 1 ist python3$/);
  });

  it('a German lab says a failed build of the learner in German too (the engine problem worded in the lab language)', async () => {
    const dir = path.join(tmp, 'zombies-de-broken');
    await ensureWorkspace(dir, 'zombies');
    await appendFile(path.join(dir, 'Dockerfile'), '\nRUN false\n');
    const de = catalog.byLang.de.find((l) => l.id === 'zombies') as Lab;
    const { result } = await checkLab(conn!.docker, de, { runId, dir, signal: new AbortController().signal });
    const item = result.items.find((i) => !i.ok);
    expect(item?.what).toBe('dein Dockerfile baut');
    expect(item?.detail).toMatch(/^Bau deines Dockerfiles fehlgeschlagen/);
  });

  it('leaves no container and no learner image behind', async () => {
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === runId)).toEqual([]);
    const images = await conn!.docker.listImages({ filters: { reference: ['zombie-lab/lab-*'] } });
    expect(images.flatMap((i) => i.RepoTags ?? [])).toEqual([]);
  });
});
