/**
 * The engine matrix: rootful Podman through its Docker-compatible API (scripts/rig-podman.sh).
 * Everything a learner runs must work there as on Docker: the offline base import ends with our
 * tag and both labels, `--init` is catatonit (podman-init) and the scorecard says what that
 * changes, every lab check fails on the starting files and passes on a solution, and clean
 * recognises Podman's docker.io/ tags and leaves nothing behind.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLabOn, cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('podman');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the podman rig cannot run here (needs root)');

const LAB_IDS = ['zombies', 'pid-exhaustion', 'signals', 'choosing-init', 'subreaper', 'app-reaps', 'pods'] as const;

describe.runIf(possible)('rootful Podman through its Docker API', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  const tmp = mkdtempSync(path.join(tmpdir(), 'zl-mx-podman-'));
  beforeAll(async () => {
    rig = await startRig('podman', `mx-podman-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).replace(/^unix:\/\//, '') });
  });
  afterAll(async () => {
    await rig?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('prepare imports the base offline with our tag and both labels, and builds on it', async () => {
    const r = await cli(['prepare', '--way', 'offline'], env);
    expect(r.code, explain(r)).toBe(0);
    const images = await docker.listImages({ filters: { label: ['zombie-lab.image'] } });
    const base = images.find((i) => (i.RepoTags ?? []).some((t) => /zombie-lab\/base:[0-9a-f]{12}$/.test(t)));
    expect(base, JSON.stringify(images.map((i) => [i.RepoTags, i.Labels]))).toBeDefined();
    // Podman lists our tag with its registry in front; the label names it as the lab wrote it.
    const tag = (base?.RepoTags ?? []).find((t) => t.includes('zombie-lab/base:')) as string;
    expect(base?.Labels).toEqual({ 'zombie-lab.image': tag.replace(/^docker\.io\//, ''), 'zombie-lab.base-way': 'offline' });
    expect(base?.RepoTags?.some((t) => t.endsWith('zombie-lab/base:latest'))).toBe(false);
    expect(images.some((i) => (i.RepoTags ?? []).some((t) => /zombie-lab\/zombie:[0-9a-f]{12}$/.test(t)))).toBe(true);
  });

  it('doctor describes Podman, finds its init and the PID limit held, and ends', async () => {
    const r = await cli(['doctor'], env, { timeoutMs: 120_000 });
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/\[info\] engine: Podman 4\.\d/);
    expect(r.stdout).toContain('[ok  ] PID limit inside a container: held: a container given --pids-limit 16 reads pids.max 16 inside');
    expect(r.stdout).toContain('[ok  ] --init: the engine\'s init works: PID 1 is catatonit as podman-init');
  });

  it('compare counts on Podman and shows the lesson', async () => {
    const r = await cli(['compare', '--duration', '4s', '--stop-timeout', '3', '--json', '--run-id', `mx-podman-compare-${process.pid}`], env);
    expect(r.code, explain(r)).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { mode: string; pid1: string; zombiesPeak: number; exitCode: number | null; pidsLimit?: number }[] };
    const byMode = new Map(out.results.map((x) => [x.mode, x]));
    expect(byMode.get('no-init')?.zombiesPeak ?? 0).toBeGreaterThan(10);
    expect(byMode.get('no-init')?.exitCode).toBe(137);
    // A child caught between its exit and dumb-init's wait() is a real, short-lived zombie.
    expect(byMode.get('dumb-init')?.zombiesPeak).toBeLessThanOrEqual(2);
    expect(byMode.get('init')?.zombiesPeak).toBeLessThanOrEqual(2);
    expect(byMode.get('init')?.pid1).toBe('podman-init');
    expect(byMode.get('init')?.exitCode).toBe(143);
  });

  it("scorecard: --init is catatonit as podman-init, and TINI_KILL_PROCESS_GROUP does not reach the group there", async () => {
    const variants = 'python3,dumb-init,docker-init,docker-init-pgroup';
    const r = await cli(['scorecard', '--variants', variants, '--run-id', `mx-podman-score-${process.pid}`], env);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/^docker --init \*\s+podman-init\s+0 /m);
    expect(r.stdout).toMatch(/^--init, KILL_PROCESS_GROUP \*\s+podman-init\s+0 .* no\s+3$/m);
    expect(r.stdout).toMatch(/^dumb-init\s+dumb-init\s+0 .* yes\s+yes\s+3$/m);
    expect(r.stdout).toContain('* --init on Podman is catatonit, mounted as podman-init');
  });

  // A right attempt from the corpus per lab; Podman's catatonit signals only its child, so one
  // answer differs from Docker's by that variant.
  const RIGHT: Record<(typeof LAB_IDS)[number], string> = {
    zombies: 'right-docker-init-flag',
    'pid-exhaustion': 'right-init-flag',
    signals: 'right-handler-143',
    'choosing-init': 'right-answers',
    subreaper: 'right-tini-s',
    'app-reaps': 'right-sigchld-handler',
    // Lab 08 runs a real pod here (kube play): the infra container is catatonit, PID 1 of the shared namespace.
    pods: 'right-share-pid-ns',
  };
  const podmanAnswers: Partial<Record<(typeof LAB_IDS)[number], Record<string, string>>> = {
    'choosing-init': { 'answers.txt': 'forwards-to-group: dumb-init\nbash-c-pid1: python3\nshell-form-pid1: sh\ninit-fixes-lazy-parent: no\n' },
  };
  for (const id of LAB_IDS) {
    it(`lab ${id}: the starting files fail the check, a right attempt passes`, async () => {
      const root = path.join(tmp, id);
      const start = await checkLabOn(env, id, root, null);
      expect(start.passed, explain(start.run)).toBe(false);
      expect(start.failed.length, explain(start.run)).toBeGreaterThan(0);
      expect(start.failed, explain(start.run)).not.toContain('the check could run');
      const solved = await checkLabOn(env, id, root, RIGHT[id], podmanAnswers[id]);
      expect(solved.failed, explain(solved.run)).toEqual([]);
      expect(solved.passed).toBe(true);
    });
  }

  it('clean --images removes our docker.io/-prefixed images and leaves nothing of ours', async () => {
    // Not ours: an image of someone else's on the same engine must stay.
    const theirs = (await docker.listImages()).find((i) => (i.RepoTags ?? []).some((t) => t.includes('zombie-lab/base:')));
    await docker.getImage(theirs?.Id as string).tag({ repo: 'someone/else', tag: 'mine' });
    const r = await cli(['clean', '--images', '--all'], env);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/images: removed \d+ \(.*docker\.io\/zombie-lab\/base:/);
    expect(await docker.listContainers({ all: true })).toEqual([]);
    const left = (await docker.listImages()).flatMap((i) => i.RepoTags ?? []);
    expect(left.filter((t) => t.includes('zombie-lab/'))).toEqual([]);
    expect(left).toContain('docker.io/someone/else:mine');
    await docker.getImage('docker.io/someone/else:mine').remove();
  });
});
