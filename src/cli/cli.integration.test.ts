/** The real binary, as a user runs it: signals, clean, errors without Docker, --json. */
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../core/container-spec.js';
import { isLabImage } from '../core/labels.js';
import { listLabContainers } from '../engine/cleanup.js';
import { extraImageTag, imageTags, WORKLOAD_REPO } from '../engine/images.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { runCli, type CliRun, type RunCliOptions } from '../test-support/run-cli.js';
import { pack } from 'tar-fs';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const conn = await dockerForTests();

/** The real binary, without colour (the assertions read plain text). */
function cli(args: string[], opts: Pick<RunCliOptions, 'env' | 'onStderr'> = {}): Promise<CliRun> {
  return runCli(args, { ...opts, env: { NO_COLOR: '1', ...opts.env } });
}

describe('the CLI without a Docker engine', () => {
  it.each([
    ['a socket that does not exist', 'unix:///nonexistent/docker.sock', /no Docker engine answers at unix:\/\/\/nonexistent\/docker\.sock/],
    ['a port nobody listens on', 'tcp://127.0.0.1:9', /no Docker engine answers at tcp:\/\/127\.0\.0\.1:9/],
  ])('compare names the cause and the fix for %s, without a stack trace', async (_what, host, message) => {
    const r = await cli(['compare', '--duration', '2s'], { env: { DOCKER_HOST: host } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    // The engine was chosen by DOCKER_HOST: the message says so, and the fix is about that choice.
    expect(r.stderr).toMatch(/ \(DOCKER_HOST\)\n {2}fix: start that engine, or unset DOCKER_HOST to use the current docker context/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects bad options with a one-line reason', async () => {
    const r = await cli(['compare', '--pids-limit', '99999']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('zombie-lab: --pids-limit must be a whole number from 8 to 8192, got "99999"');
  });
});

describe.runIf(conn)('the CLI on the real engine', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const f of cleanup.reverse()) await f().catch(() => undefined);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('%s to a running compare removes every container of the run', async (sig) => {
    const runId = newRunId('test-signal');
    let sent = false;
    const r = await cli(['compare', '--duration', '60s', '--run-id', runId], {
      // Progress goes to stderr (results alone on stdout).
      onStderr: (text, child) => {
        if (!sent && text.includes('running for')) {
          sent = true;
          child.kill(sig);
        }
      },
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(sig === 'SIGINT' ? 130 : 143);
    expect(r.stderr).toMatch(new RegExp(`interrupted by ${sig}`));
    const left = (await listLabContainers(conn!.docker)).filter((c) => c.runId === runId);
    expect(left).toEqual([]);
  });

  it('compare --json prints results and the whole series for each mode', async () => {
    const runId = newRunId('test-json');
    const svg = path.join(await mkdtemp(path.join(tmpdir(), 'zl-svg-')), 'plot.svg');
    cleanup.push(() => rm(path.dirname(svg), { recursive: true, force: true }));
    const r = await cli(['compare', '--duration', '3s', '--stop-timeout', '1', '--rate', '20', '--json', '--svg', svg, '--run-id', runId]);
    expect(r.code).toBe(0);
    const handout = await readFile(svg, 'utf8');
    expect(handout).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const label of ['no init', 'dumb-init', 'docker --init']) expect(handout).toContain(label);
    const out = JSON.parse(r.stdout) as { runId: string; results: { mode: string; pid1: string; exitCode: number }[]; series: Record<string, { t: number; zombies: number }[]> };
    expect(out.runId).toBe(runId);
    expect(out.results.map((x) => [x.mode, x.pid1])).toEqual([
      ['no-init', 'python3'],
      ['dumb-init', 'dumb-init'],
      ['init', 'docker-init'],
    ]);
    for (const m of ['no-init', 'dumb-init', 'init']) expect(out.series[m]?.length).toBeGreaterThan(10);
    expect(Math.max(...(out.series['no-init'] ?? []).map((p) => p.zombies))).toBeGreaterThan(20);
  });

  it('clean removes leftovers of a dead run but never a look-alike that is not ours', async () => {
    const { docker } = conn!;
    const tags = await imageTags();
    const suffix = newRunId('x');
    // Not ours: a look-alike name and a look-alike label key, no `zombie-lab` label.
    const lookalike = await docker.createContainer({
      name: `zombie-lab-${suffix}`,
      Image: tags.base,
      Cmd: ['sleep', '60'],
      Labels: { 'zombie-lab-owner': 'someone-else', 'com.example.app': 'zombie-lab' },
      HostConfig: { PidsLimit: 8, Memory: 32 * 1024 * 1024, NetworkMode: 'none', CapDrop: ['ALL'] },
    });
    cleanup.push(() => lookalike.remove({ force: true }));
    // Ours, from a run whose lab process is gone (an owner PID that cannot exist).
    const dead = { ...ownerFor(newRunId('test-dead')), pid: 2 ** 22 + 1 };
    const leftover = await docker.createContainer(
      containerSpec({ owner: dead, kind: 'demo', image: tags.base, cmd: ['sleep', '60'], limits: { pidsLimit: 8, memoryMb: 32 }, autoRemove: false }) as never,
    );
    cleanup.push(() => leftover.remove({ force: true }));

    const r = await cli(['clean']);
    expect(r.code).toBe(0);
    await expect(docker.getContainer(leftover.id).inspect()).rejects.toMatchObject({ statusCode: 404 });
    const still = await docker.getContainer(lookalike.id).inspect();
    expect(still.Name).toBe(`/zombie-lab-${suffix}`);
  });

  it('clean --images removes only our tags: an image built FROM ours, which inherits our label, survives', async () => {
    const { docker } = conn!;
    const tags = await imageTags();
    const keep = `zombie-lab-test-keep-${newRunId('k')}`;
    // Hold our images with a second tag so removing our tags does not delete the layers the other
    // tests use, and remember every tag they had (latest too) to put back afterwards.
    const held: { name: string; tags: string[] }[] = [];
    // The scorecard's workload image is ours too: hold it like the others.
    const workload = await extraImageTag('workload', WORKLOAD_REPO);
    for (const [name, t] of [['base', tags.base], ['zombie', tags.zombie], ['workload', workload]] as const) {
      const info = await docker.getImage(t).inspect();
      held.push({ name, tags: info.RepoTags.filter((x) => x.startsWith('zombie-lab/')) });
      await docker.getImage(t).tag({ repo: keep, tag: name });
    }
    const restore = async () => {
      for (const h of held) {
        for (const full of h.tags) {
          const [repo, tag] = full.split(':') as [string, string];
          await docker.getImage(`${keep}:${h.name}`).tag({ repo, tag });
        }
        await docker.getImage(`${keep}:${h.name}`).remove();
      }
    };
    cleanup.push(restore);
    // A learner's image on top of ours.
    const ctx = await mkdtemp(path.join(tmpdir(), 'zl-user-'));
    await writeFile(path.join(ctx, 'Dockerfile'), `FROM ${tags.zombie}\nLABEL com.example.mine=1\n`);
    const userTag = `mine/zombie-lab-${newRunId('u')}:latest`;
    const stream = await docker.buildImage(pack(ctx) as unknown as NodeJS.ReadableStream, { t: userTag });
    await new Promise((res, rej) => docker.modem.followProgress(stream, (err) => (err ? rej(err) : res(null))));
    cleanup.push(() => docker.getImage(userTag).remove());
    cleanup.push(() => rm(ctx, { recursive: true, force: true }));
    const user = await docker.getImage(userTag).inspect();
    expect(user.Config.Labels?.['zombie-lab.image']).toBe(tags.zombie); // inherited: the trap
    expect(isLabImage(user.Config.Labels, user.RepoTags)).toBe(false);

    const r = await cli(['clean', '--images']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(tags.base);
    expect(r.stdout).not.toContain(userTag);
    await expect(docker.getImage(tags.base).inspect()).rejects.toMatchObject({ statusCode: 404 });
    expect((await docker.getImage(userTag).inspect()).RepoTags).toContain(userTag);
    await restore();
    cleanup.splice(cleanup.indexOf(restore), 1);
    await waitFor(async () => ((await docker.getImage(tags.zombie).inspect().catch(() => null)) ? true : undefined), 5000, 'our image to be back');
  });

  it('doctor passes every check here', async () => {
    const r = await cli(['doctor']);
    expect(r.stdout).toMatch(/\[ok {2}\] engine answers: at unix:\/\/\/var\/run\/docker\.sock \(the default socket\)/);
    expect(r.stdout).toMatch(/\[info\] this kernel: the engine runs on this machine's kernel/);
    expect(r.stdout).toMatch(/\[ok {2}\] sampler: cgroup fast path .* it sees PID 1 sleep/);
    expect(r.stdout).toContain('[ok  ] PID limit inside a container: held: a container given --pids-limit 16 reads pids.max 16 inside');
    expect(r.stdout).toContain("[ok  ] --init: the engine's init works: PID 1 is docker-init as docker-init");
    expect(r.code).toBe(0);
  });
});
