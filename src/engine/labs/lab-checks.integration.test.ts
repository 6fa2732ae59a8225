/**
 * Each lab's check on the real engine: it fails on the starting files and passes on a correct
 * solution (test/lab-solutions/<id>/, copied over the starting files).
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../core/labs/check-result.js';
import type { Lab } from '../../core/labs/types.js';
import { parseStatusMasks } from '../../core/signal-mask.js';
import { dockerForTests } from '../../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from '../cleanup.js';
import { createAndStart, removeQuietly } from '../containers.js';
import { containerSpec } from '../../core/container-spec.js';
import { PROC } from '../host-proc.js';
import { ensureExtraImage, WORKLOAD_REPO } from '../images.js';
import { PACKAGE_ROOT } from '../package-paths.js';
import { newRunId, ownerFor } from '../run-id.js';
import { checkLab } from './lab-check.js';
import { loadCatalog } from './lab-loader.js';
import { ensureWorkspace } from './workspace.js';

const conn = await dockerForTests();
const runId = newRunId('labs-test-checks');
const tmp = await mkdtemp(path.join(tmpdir(), 'zombie-lab-checks-'));
const catalog = await loadCatalog();
const lab = (id: string) => catalog.byLang.en.find((l) => l.id === id) as Lab;

afterAll(async () => {
  if (conn) await removeLabContainers(conn.docker, { runId });
  await rm(tmp, { recursive: true, force: true });
});

async function check(id: string, solved: boolean): Promise<CheckResult> {
  const dir = path.join(tmp, `${id}-${solved ? 'solved' : 'start'}`);
  await ensureWorkspace(dir, id);
  if (solved) {
    await cp(path.join(PACKAGE_ROOT, 'test', 'lab-solutions', id), dir, { recursive: true });
    if (id === 'pid-exhaustion') await writeFile(path.join(dir, 'answers.txt'), `pid_max: ${(await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim()}\n`);
  }
  const { result } = await checkLab(conn!.docker, lab(id), { runId, dir, signal: new AbortController().signal });
  return result;
}

const failed = (r: CheckResult) => r.items.filter((i) => !i.ok).map((i) => i.what);
const detailOf = (r: CheckResult, what: string) => r.items.find((i) => i.what.startsWith(what))?.detail ?? '';

describe.runIf(conn)('lab checks on the real engine', () => {
  it('01 zombies: the starting Dockerfile piles up zombies; an init as ENTRYPOINT passes', async () => {
    const start = await check('zombies', false);
    expect(start.passed).toBe(false);
    expect(failed(start)).toEqual(['no zombies pile up']);
    expect(Number(detailOf(start, 'no zombies').split(' ')[0])).toBeGreaterThanOrEqual(20);
    const solved = await check('zombies', true);
    expect(failed(solved)).toEqual([]);
    expect(solved.passed).toBe(true);
  });

  it('02 PID exhaustion: zombies fill a small PID limit and forks fail with EAGAIN; with --init none fail', async () => {
    const start = await check('pid-exhaustion', false);
    expect(start.passed).toBe(false);
    expect(failed(start).sort()).toEqual(['answers.txt: pid_max of this host', 'no fork fails under --pids-limit 24']);
    expect(detailOf(start, 'no fork fails')).toMatch(/^\d+ forks refused by the pids cgroup .* zombies hold the PIDs; PID 1 is python3$/);
    const solved = await check('pid-exhaustion', true);
    expect(failed(solved)).toEqual([]);
  });

  it('03 signals: no handler means the stop takes the timeout with 137; a SIGTERM handler makes it fast; python catches only SIGINT', async () => {
    const start = await check('signals', false);
    expect(failed(start).sort()).toEqual([
      'answers.txt: python-catches',
      'answers.txt: python-ignores',
      'docker stop -t 6 ends well before the timeout',
      'the exit code is not 137 (SIGKILL)',
    ]);
    expect(detailOf(start, 'the exit code')).toBe('exit code 137');
    const solved = await check('signals', true);
    expect(failed(solved)).toEqual([]);
    expect(detailOf(solved, 'answers.txt: python-catches')).toBe('SIGINT, right');
  });

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

  it('04 choosing an init: unanswered questions fail; right answers pass against live runs', async () => {
    const start = await check('choosing-init', false);
    expect(failed(start).sort()).toEqual(['answers.txt: bash-c-pid1', 'answers.txt: forwards-to-group', 'answers.txt: init-fixes-lazy-parent']);
    const solved = await check('choosing-init', true);
    expect(failed(solved)).toEqual([]);
    expect(detailOf(solved, 'answers.txt: init-fixes-lazy-parent')).toMatch(/^right: with tini as PID 1, \d+ zombies/);
    expect(Number(/(\d+) zombies/.exec(detailOf(solved, 'answers.txt: init-fixes-lazy-parent'))?.[1])).toBeGreaterThan(10);
  });

  it('05 subreaper: orphans go to the pause process and stay zombies; tini -s reaps them', async () => {
    const start = await check('subreaper', false);
    expect(failed(start)).toEqual(['no zombies pile up in the shared namespace']);
    expect(detailOf(start, 'no zombies')).toMatch(/PID 1 of the namespace is sleep/);
    const solved = await check('subreaper', true);
    expect(failed(solved)).toEqual([]);
  });

  it('06 fix it in the app: the starting app piles up zombies as PID 1; a SIGCHLD handler keeps it flat with no init', async () => {
    const start = await check('app-reaps', false);
    expect(failed(start)).toEqual(['no zombies pile up']);
    const solved = await check('app-reaps', true);
    expect(failed(solved)).toEqual([]);
    expect(detailOf(solved, 'your app is PID 1')).toBe('PID 1 is python3');
  });

  it('07 your own containers: lint and inspect find the starting files\' mistakes; the fixed files pass, and docker stop agrees with inspect', async () => {
    const start = await check('own-containers', false);
    expect(failed(start)).toEqual([
      'zombie-lab lint finds no error or warning in your files',
      'zombie-lab inspect finds nothing in your running container',
      'docker stop -t 4 ends on SIGTERM, as inspect predicted',
    ]);
    expect(detailOf(start, 'zombie-lab lint')).toMatch(/^Dockerfile:6 shell-form-cmd; Dockerfile:6 entrypoint-script-no-exec; compose.yaml:3 compose-no-init$/);
    expect(detailOf(start, 'zombie-lab inspect')).toMatch(/PID 1 is shell sh.*shell-pid1/);
    expect(detailOf(start, 'docker stop')).toMatch(/exit 137; inspect said: docker stop will wait the full 10 s/);
    const solved = await check('own-containers', true);
    expect(failed(solved)).toEqual([]);
    expect(detailOf(solved, 'zombie-lab inspect')).toMatch(/^ok: PID 1 is init tini, ends on SIGTERM/);
  });

  it('speaks the language of the lab: a German lab checks in German', async () => {
    const dir = path.join(tmp, 'zombies-de');
    await ensureWorkspace(dir, 'zombies');
    const de = catalog.byLang.de.find((l) => l.id === 'zombies') as Lab;
    const { result } = await checkLab(conn!.docker, de, { runId, dir, signal: new AbortController().signal });
    expect(result.passed).toBe(false);
    expect(result.items.find((i) => !i.ok)?.detail).toMatch(/^\d+ Zombies nach 3 s bei 20 Waisen\/s; PID 1 ist python3$/);
  });

  it('leaves no container and no learner image behind', async () => {
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === runId)).toEqual([]);
    const images = await conn!.docker.listImages({ filters: { reference: ['zombie-lab/lab-*'] } });
    expect(images.flatMap((i) => i.RepoTags ?? [])).toEqual([]);
  });
});
