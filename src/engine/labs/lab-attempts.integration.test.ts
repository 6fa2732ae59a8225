/**
 * Every attempt in labs/attempts/ against the real engine: every right one passes, every wrong
 * one fails, and exactly on the items it names. They run a few at a time (the machine has 2
 * cores, and each check runs a workload that forks 20 to 30 times a second).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../core/content-hash.js';
import type { CheckResult } from '../../core/labs/check-result.js';
import type { Lab } from '../../core/labs/types.js';
import { dockerForTests } from '../../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from '../cleanup.js';
import { ensureExtraImage, WORKLOAD_REPO } from '../images.js';
import { newRunId } from '../run-id.js';
import { applyAttempt, loadAttempts, type Attempt } from './attempts.js';
import { checkLab } from './lab-check.js';
import { loadCatalog } from './lab-loader.js';
import { ensureWorkspace } from './workspace.js';

const conn = await dockerForTests();
/** One run id per attempt: learners' image tags are named by run id and Dockerfile, and two attempts may share a Dockerfile. */
const runIds = new Map<string, string>();
const allAttempts = await loadAttempts();
/**
 * ZOMBIE_LAB_ATTEMPTS=<lab>[,<lab>…] runs only those labs' attempts (one lab's change is checked
 * without the whole corpus on a 2-core machine); the experiments of the other labs are then skipped.
 */
const only = (process.env.ZOMBIE_LAB_ATTEMPTS ?? '').split(',').filter(Boolean);
const runs = (lab: string) => only.length === 0 || only.includes(lab);
const attempts = allAttempts.filter((a) => runs(a.lab));
const catalog = await loadCatalog();
const CONCURRENCY = 3;
const results = new Map<string, CheckResult | Error>();
let tmp = '';
/** The tags the checks give the learners' images (as buildWorkspaceImage names them). */
const learnerTags = new Set<string>();

const key = (a: Attempt) => `${a.lab}/${a.name}`;

beforeAll(async () => {
  if (!conn) return;
  tmp = await mkdtemp(path.join(tmpdir(), 'zombie-lab-attempts-'));
  await ensureExtraImage(conn.docker, 'workload', WORKLOAD_REPO);
  const pidMax = (await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim();
  const limit = pLimit(CONCURRENCY);
  await Promise.all(
    attempts.map((a) =>
      limit(async () => {
        const dir = path.join(tmp, a.lab, a.name);
        const runId = newRunId('lesson-attempt');
        runIds.set(key(a), runId);
        try {
          await ensureWorkspace(dir, a.lab);
          await applyAttempt(a, dir, pidMax);
          const dockerfile = await readFile(path.join(dir, 'Dockerfile'), 'utf8').catch(() => null);
          if (dockerfile !== null) learnerTags.add(`zombie-lab/lab-${a.lab}:${contentHash([{ name: 'Dockerfile', data: dockerfile }, { name: 'run', data: runId }])}`);
          const lab = catalog.byLang.en.find((l) => l.id === a.lab) as Lab;
          results.set(key(a), (await checkLab(conn.docker, lab, { runId, dir, signal: new AbortController().signal })).result);
        } catch (err) {
          results.set(key(a), err as Error);
        }
      }),
    ),
  );
}, 900_000);

afterAll(async () => {
  if (conn) for (const runId of runIds.values()) await removeLabContainers(conn.docker, { runId });
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('the corpus of lab attempts', () => {
  it('has right and wrong attempts for every lab with a check', () => {
    for (const lab of catalog.byLang.en) {
      const mine = allAttempts.filter((a) => a.lab === lab.id);
      expect(mine.some((a) => a.right), `labs/attempts/${lab.id}/ needs a right-* attempt`).toBe(true);
      expect(mine.some((a) => !a.right), `labs/attempts/${lab.id}/ needs a wrong-* attempt`).toBe(true);
    }
  });
});

describe.runIf(conn)('every lab attempt on the real engine', () => {
  for (const a of attempts) {
    it(`${a.lab} ${a.name}: ${a.right ? 'passes' : 'fails'} (${a.description})`, () => {
      const r = results.get(key(a));
      if (r instanceof Error) throw r;
      expect(r, 'no result').toBeDefined();
      const failed = (r as CheckResult).items.filter((i) => !i.ok);
      const summary = failed.map((i) => `${i.what}: ${i.detail}`);
      if (a.right) expect(summary).toEqual([]);
      else expect(failed.map((i) => i.what).sort(), summary.join('\n')).toEqual([...a.fails].sort());
    });
  }

  // The experiments behind the labs' claims (docs/claims.md), read from the attempts' results.
  const result = (lab: string, name: string) => {
    const r = results.get(`${lab}/${name}`);
    if (!r || r instanceof Error) throw r ?? new Error(`no result for ${lab}/${name}`);
    return r;
  };
  const detailOf = (r: CheckResult, what: string) => r.items.find((i) => i.what.startsWith(what))?.detail ?? '';
  const firstNumber = (text: string) => Number(/(\d+)/.exec(text)?.[1] ?? NaN);

  it('07 your own containers: lint and inspect name the starting files\' mistakes, and docker stop does what inspect predicted', ({ skip }) => {
    skip(!runs('own-containers'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    const start = result('own-containers', 'wrong-start');
    expect(detailOf(start, 'zombie-lab lint')).toBe('Dockerfile:6 shell-form-cmd; entrypoint.sh:4 entrypoint-script-no-exec');
    expect(detailOf(start, 'zombie-lab inspect')).toMatch(/PID 1 is shell sh.*shell-pid1/);
    expect(detailOf(start, 'docker stop')).toMatch(/exit 137; inspect said: docker stop will wait the full 10 s/);
    // exec alone: the app is PID 1, its orphans pile up under it.
    expect(detailOf(result('own-containers', 'wrong-exec-only'), 'zombie-lab inspect')).toMatch(/PID 1 is app python3.*zombies-under-pid1/);
    expect(detailOf(result('own-containers', 'right-tini-exec-init'), 'zombie-lab inspect')).toMatch(/^ok: PID 1 is init tini, ends on SIGTERM/);
  });

  it('01 zombies: the starting Dockerfile piles up zombies; an init reaps them while fork.py makes its orphans', ({ skip }) => {
    skip(!runs('zombies'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    expect(firstNumber(detailOf(result('zombies', 'wrong-start'), 'no zombies pile up'))).toBeGreaterThanOrEqual(20);
    for (const name of ['right-entrypoint-dumb-init', 'right-entrypoint-tini', 'right-docker-init-flag']) {
      const r = result('zombies', name);
      expect(firstNumber(detailOf(r, 'no zombies pile up')), name).toBeLessThanOrEqual(2);
      expect(firstNumber(detailOf(r, 'fork.py made its orphans')), name).toBeGreaterThanOrEqual(48);
    }
    expect(detailOf(result('zombies', 'right-shell-form'), 'no zombies pile up')).toMatch(/PID 1 is sh \(a shell reaps, but ignores SIGTERM/);
  });

  it('02 PID exhaustion: zombies fill a small PID limit and the kernel refuses forks; with an init none are refused', ({ skip }) => {
    skip(!runs('pid-exhaustion'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    expect(detailOf(result('pid-exhaustion', 'wrong-start'), 'no fork is refused')).toMatch(/^the pids cgroup refused \d+ forks \(EAGAIN\); \d+ zombies hold 2[34]\/24 PIDs; PID 1 is python3$/);
    expect(detailOf(result('pid-exhaustion', 'right-init-flag'), 'no fork is refused')).toMatch(/^0 forks refused; /);
  });

  it('03 signals: no handler means the stop takes the timeout with 137; a handler chooses the exit code; python catches only SIGINT', ({ skip }) => {
    skip(!runs('signals'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    expect(detailOf(result('signals', 'wrong-start'), 'the exit code')).toBe('exit code 137');
    expect(firstNumber(detailOf(result('signals', 'wrong-start'), 'docker stop -t 6'))).toBeGreaterThanOrEqual(5);
    expect(detailOf(result('signals', 'right-handler-143'), 'the exit code')).toBe('exit code 143');
    expect(detailOf(result('signals', 'right-handler-exit-0'), 'the exit code')).toBe('exit code 0');
    expect(detailOf(result('signals', 'right-handler-143'), 'answers.txt: python-catches')).toBe('SIGINT, right');
    expect(detailOf(result('signals', 'right-handler-143'), 'answers.txt: python-ignores')).toBe('SIGPIPE, SIGXFSZ, right');
    // One of the two ignored signals: the check says one is missing, not that the answer is wrong.
    expect(detailOf(result('signals', 'wrong-ignores-one'), 'answers.txt: python-ignores')).toBe('you wrote SIGPIPE: right, but one signal is missing (the live SigIgn of python3 as PID 1 has 2)');
  });

  it('04 choosing an init: answers are compared with live runs, and an init cannot reap the zombies of a live parent', ({ skip }) => {
    skip(!runs('choosing-init'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    const d = detailOf(result('choosing-init', 'right-answers'), 'answers.txt: init-fixes-lazy-parent');
    expect(d).toMatch(/^right: with tini as PID 1, \d+ zombies/);
    expect(Number(/(\d+) zombies/.exec(d)?.[1])).toBeGreaterThan(10);
    expect(detailOf(result('choosing-init', 'right-answers'), 'answers.txt: shell-form-pid1')).toBe('sh, right');
  });

  it('05 subreaper: orphans go to the pause process and stay zombies; tini -s or an init as pause reaps them', ({ skip }) => {
    skip(!runs('subreaper'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    expect(detailOf(result('subreaper', 'wrong-start'), 'no zombies pile up')).toMatch(/PID 1 of the namespace is sleep/);
    expect(firstNumber(detailOf(result('subreaper', 'wrong-start'), 'no zombies pile up'))).toBeGreaterThanOrEqual(20);
    expect(firstNumber(detailOf(result('subreaper', 'right-tini-s'), 'no zombies pile up'))).toBeLessThanOrEqual(2);
    expect(detailOf(result('subreaper', 'right-init-as-pause'), 'no zombies pile up')).toMatch(/PID 1 of the namespace is tini/);
  });

  it("06 fix it in the app: the app as PID 1 piles up the orphans it is handed; a SIGCHLD handler reaps them with no init", ({ skip }) => {
    skip(!runs('app-reaps'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    expect(firstNumber(detailOf(result('app-reaps', 'wrong-start'), 'no zombies pile up'))).toBeGreaterThanOrEqual(20);
    expect(firstNumber(detailOf(result('app-reaps', 'right-sigchld-handler'), 'no zombies pile up'))).toBeLessThanOrEqual(2);
    expect(detailOf(result('app-reaps', 'right-sigchld-handler'), 'your app is PID 1')).toBe('PID 1 is python3 (python3 /app/app.py)');
  });

  it("08 pods: the probe's zombies stay under an app as PID 1, whatever the timeout; a reaping PID 1 or a probe that waits leaves none", ({ skip }) => {
    skip(!runs('pods'), 'ZOMBIE_LAB_ATTEMPTS leaves this lab out');
    const zombiesOf = (name: string) => firstNumber(detailOf(result('pods', name), "the probe's commands leave no zombies"));
    for (const name of ['wrong-start', 'wrong-longer-timeout']) {
      expect(zombiesOf(name), name).toBeGreaterThanOrEqual(2);
      expect(detailOf(result('pods', name), "the probe's commands leave no zombies"), name).toMatch(/PID 1 of the app's namespace is python3/);
    }
    // tini -s below a PID 1 that never reaps: the probe's command is not tini's descendant.
    expect(detailOf(result('pods', 'wrong-tini-s-not-pid1'), "the probe's commands leave no zombies")).toMatch(/PID 1 of the app's namespace is timeout/);
    for (const name of ['right-share-pid-ns', 'right-tini-pid1', 'right-probe-waits']) {
      expect(zombiesOf(name), name).toBeLessThanOrEqual(1);
      expect(firstNumber(detailOf(result('pods', name), 'the exec probe ran')), name).toBeGreaterThanOrEqual(5);
    }
    expect(detailOf(result('pods', 'right-share-pid-ns'), "the probe's commands leave no zombies")).toMatch(/shareProcessNamespace: true/);
  });

  it('leaves no container and no learner image behind', async () => {
    const mine = new Set(runIds.values());
    expect(mine.size).toBe(attempts.length);
    expect((await listLabContainers(conn!.docker)).filter((c) => mine.has(c.runId))).toEqual([]);
    if (only.length === 0) expect(learnerTags.size).toBeGreaterThan(10);
    const images = await conn!.docker.listImages({ filters: { reference: ['zombie-lab/lab-*'] } });
    expect(images.flatMap((i) => i.RepoTags ?? []).filter((t) => learnerTags.has(t))).toEqual([]);
  });
});
