/**
 * The engine matrix, first engine: a dockerd in its own PID namespace (scripts/rig-pidns-dockerd.sh).
 * Its container PIDs are not this host's, which is what the lab sees of Docker Desktop: every
 * feature must count through the sidecar and still tell the lesson. The same engine is reached
 * the ways a learner's CLI reaches one: DOCKER_HOST, a docker context (current, DOCKER_CONTEXT,
 * with TLS over TCP), ssh://, and Docker Desktop's socket in the home folder alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAttempt, loadAttempts, type Attempt } from '../engine/labs/attempts.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { ensureWorkspace, labWorkspace } from '../engine/labs/workspace.js';
import { CLI_ENTRY } from '../engine/package-paths.js';
import { waitFor } from '../test-support/docker-for-tests.js';
import { hasTmux, TmuxSession } from '../test-support/tmux-session.js';
import { cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('pidns-dockerd');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the pidns-dockerd rig cannot run here (needs root)');

const run = (name: string) => `mx-pidns-${name}-${process.pid}`;

describe.runIf(possible)('a dockerd in its own PID namespace (the Docker Desktop case)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  let tmp: string;
  beforeAll(async () => {
    rig = await startRig('pidns-dockerd', `mx-pidns-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).slice('unix://'.length) });
    tmp = await mkdtemp(path.join(tmpdir(), 'zl-matrix-'));
  });
  afterAll(async () => {
    await rig?.stop();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const ours = async () => (await docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } })).map((c) => c.Names[0]);

  it('prepare builds the images on that engine', async () => {
    const r = await cli(['prepare'], env);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(`engine: ${env.DOCKER_HOST} (DOCKER_HOST)`);
  });

  it('doctor describes that engine, not this host, and proves the sidecar', async () => {
    const r = await cli(['doctor'], env);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toMatch(/engine: Docker Engine \S+ \(API [\d.]+\) on .*\(containerized\), kernel .*, cgroup v\d/);
    expect(r.stdout).toMatch(/this kernel: the engine runs elsewhere .*PID \d+ \(the container's init, per the engine\) does not exist in this host's \/proc/);
    expect(r.stdout).toMatch(/\[ok {2}\] sampler: a sidecar container .* it sees PID 1 sleep/);
  });

  it('compare counts through the sidecar and shows the lesson', async () => {
    const r = await cli(['compare', '--duration', '4s', '--stop-timeout', '3', '--json', '--run-id', run('compare')], env);
    expect(r.code, explain(r)).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { mode: string; zombiesPeak: number; exitCode: number | null }[]; sources: { source: string }[] };
    expect(out.sources.map((s) => s.source)).toEqual(['sidecar']);
    const byMode = new Map(out.results.map((x) => [x.mode, x]));
    expect(byMode.get('no-init')?.zombiesPeak ?? 0).toBeGreaterThan(10);
    expect(byMode.get('no-init')?.exitCode).toBe(137);
    expect(byMode.get('dumb-init')?.zombiesPeak).toBeLessThanOrEqual(2);
    expect(byMode.get('dumb-init')?.exitCode).toBe(143);
    expect(byMode.get('init')?.exitCode).toBe(143);
  });

  it('the presenter app plots that engine live and leaves nothing behind', async () => {
    if (!hasTmux()) throw new Error('tmux is needed for this test (apt-get install tmux)');
    const term = new TmuxSession(`zl-mx-${process.pid}`, 160, 48);
    try {
      term.start();
      term.run(`DOCKER_HOST=${env.DOCKER_HOST} ZOMBIE_LAB_RUN_PREFIX=${run('app')} node ${CLI_ENTRY}`);
      await term.waitScreen((s) => (/ LIVE /.test(s) ? true : undefined), 30_000, 'the app to find the rig engine');
      term.keys('r');
      // The no-init lane's count, as a full lane ("zombies 197") or as its one-line summary ("no init 254 running").
      await term.waitScreen((s) => ([...s.matchAll(/(?:zombies|no init) +(\d+)/g)].some((m) => Number(m[1]) >= 5) ? true : undefined), 60_000, 'zombies counted by the sidecar');
      term.keys('q');
      const after = await term.exited(30_000, 'the app to quit');
      expect(after).toContain('ZL_EXIT=0');
    } finally {
      term.kill();
    }
    await waitFor(async () => ((await ours()).length === 0 ? true : undefined), 20_000, 'the app to remove its containers');
  });

  it('the scorecard measures every cell on that engine', async () => {
    const r = await cli(['scorecard', '--json', '--variants', 'python3,dumb-init,docker-init', '--run-id', run('score')], env);
    expect(r.code, explain(r)).toBe(0);
    const list = (JSON.parse(r.stdout) as { rows: { variant: string; zombies: number; stopExitCode: number; pid1: string; errors: string[] }[] }).rows;
    const by = new Map(list.map((x) => [x.variant, x]));
    expect(list.flatMap((x) => x.errors)).toEqual([]);
    expect(by.get('python3')).toMatchObject({ pid1: 'python3', stopExitCode: 137 });
    expect(by.get('python3')?.zombies ?? 0).toBeGreaterThan(10);
    expect(by.get('dumb-init')).toMatchObject({ pid1: 'dumb-init', stopExitCode: 143 });
    expect(by.get('docker-init')).toMatchObject({ pid1: 'docker-init', zombies: 0, stopExitCode: 143 });
  });

  it('every lab check fails on the starting files for the lesson\'s reason, and passes on a right attempt', async () => {
    const catalog = await loadCatalog();
    const attempts = await loadAttempts();
    const doctor = await cli(['doctor'], env);
    // pid_max is the engine's, as its containers see it (doctor said it), not this host's.
    const pidMax = /pid_max: (\d+)/.exec(doctor.stdout)?.[1] as string;
    expect(pidMax, explain(doctor)).toBeDefined();
    const labEnv = { ...env, ZOMBIE_LAB_STATE_DIR: path.join(tmp, 'state'), LANG: 'en_US.UTF-8', LC_ALL: '' };
    for (const lab of catalog.byLang.en) {
      const start = attempts.find((a) => a.lab === lab.id && a.name === 'wrong-start');
      const right = attempts.find((a) => a.lab === lab.id && a.right);
      expect(right, `lab ${lab.id} has a right attempt in labs/attempts`).toBeDefined();
      // Without a wrong-start attempt: the untouched starting files, which must fail somehow.
      for (const a of [start ?? { name: 'start', right: false, fails: null }, right as Attempt]) {
        const root = path.join(tmp, a.name);
        const dir = labWorkspace(root, lab);
        await ensureWorkspace(dir, lab.id);
        if ('dir' in a) await applyAttempt(a, dir, pidMax);
        const r = await cli(['lab', lab.number, '--check', '--json', '--workspace', root, '--run-id', run(`lab${lab.number}${a.right ? 'r' : 'w'}`)], labEnv);
        const result = JSON.parse(r.stdout || '{}') as { passed?: boolean; items?: { ok: boolean; what: string }[] };
        const failed = (result.items ?? []).filter((i) => !i.ok).map((i) => i.what);
        if (a.right) expect({ code: r.code, failed }, `lab ${lab.id} ${a.name}\n${explain(r)}`).toEqual({ code: 0, failed: [] });
        else if (a.fails) expect({ code: r.code, failed: failed.sort() }, `lab ${lab.id} ${a.name}\n${explain(r)}`).toEqual({ code: 1, failed: [...a.fails].sort() });
        else expect({ code: r.code, some: failed.length > 0 }, `lab ${lab.id} starting files\n${explain(r)}`).toEqual({ code: 1, some: true });
      }
    }
  });

  describe('reached the ways the Docker CLI reaches an engine', () => {
    let home: string;
    let cfg: string;
    const docker = (...args: string[]) => execFileSync('docker', ['--config', cfg, ...args], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: '' } });
    beforeAll(async () => {
      home = path.join(tmp, 'home');
      cfg = path.join(home, '.docker');
      await mkdir(cfg, { recursive: true });
      const certs = rig.env.RIG_CERT_PATH as string;
      docker('context', 'create', 'rig', '--docker', `host=${env.DOCKER_HOST}`);
      docker('context', 'create', 'rig-tls', '--docker', `host=${rig.env.RIG_TCP_HOST},ca=${certs}/ca.pem,cert=${certs}/cert.pem,key=${certs}/key.pem`);
      docker('context', 'use', 'rig');
    });
    // A private HOME and DOCKER_CONFIG: the real user's ~/.docker is never read or changed.
    const ctxEnv = () => ({ HOME: home, DOCKER_CONFIG: cfg });

    it('the current context of config.json', async () => {
      const r = await cli(['doctor'], ctxEnv());
      expect(r.code, explain(r)).toBe(0);
      expect(r.stdout).toContain(`engine answers: at ${env.DOCKER_HOST} (context rig, the current one in ${path.join(cfg, 'config.json')})`);
      expect(r.stdout).toMatch(/this kernel: the engine runs elsewhere/);
    });

    it('DOCKER_CONTEXT, with TLS over TCP from the context store: compare runs through it', async () => {
      const r = await cli(['compare', '--duration', '3s', '--stop-timeout', '2', '--modes', 'no-init,init', '--json', '--run-id', run('tls')], { ...ctxEnv(), DOCKER_CONTEXT: 'rig-tls' });
      expect(r.code, explain(r)).toBe(0);
      const out = JSON.parse(r.stdout) as { engine: { why: string }; results: { mode: string; zombiesPeak: number }[] };
      expect(out.engine.why).toBe(`${rig.env.RIG_TCP_HOST} (context rig-tls, from DOCKER_CONTEXT, TLS)`);
      expect(out.results.find((x) => x.mode === 'no-init')?.zombiesPeak ?? 0).toBeGreaterThan(5);
      expect(r.stderr).not.toMatch(/DeprecationWarning|\n\s+at /);
    });

    it('DOCKER_HOST over TCP with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH; without TLS, one line saying so', async () => {
      const ok = await cli(['doctor'], { DOCKER_HOST: rig.env.RIG_TCP_HOST as string, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: rig.env.RIG_CERT_PATH as string });
      expect(ok.code, explain(ok)).toBe(0);
      expect(ok.stdout).toContain(`engine answers: at ${rig.env.RIG_TCP_HOST} (DOCKER_HOST, TLS)`);
      const plain = await cli(['compare', '--duration', '2s'], { DOCKER_HOST: rig.env.RIG_TCP_HOST as string });
      expect(plain.code).toBe(1);
      expect(plain.stderr).toMatch(/speaks TLS, but no TLS was asked for[\s\S]*fix: set DOCKER_TLS_VERIFY=1/);
      expect(plain.stderr).not.toMatch(/\n\s+at /);
    });

    it('a context that does not exist: one line naming it and the fix', async () => {
      const r = await cli(['compare', '--duration', '2s'], { ...ctxEnv(), DOCKER_CONTEXT: 'gone' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/the docker context "gone" \(from DOCKER_CONTEXT\) does not exist[\s\S]*fix: list the contexts with: docker context ls/);
    });

    it('ssh://, as a context over SSH would reach it, with no deprecation warning', async () => {
      const sshRig = await startRig('sshd', `mx-ssh-${process.pid}`, { timeoutMs: 5 * 60_000, args: [(env.DOCKER_HOST as string).slice('unix://'.length)] });
      try {
        expect(sshRig.env.RIG_SSH_HOST).toMatch(/^ssh:\/\/root@127\.0\.0\.1:\d+$/);
        const r = await cli(['scorecard', '--json', '--variants', 'python3,tini', '--run-id', run('ssh')], { DOCKER_HOST: sshRig.env.RIG_SSH_HOST as string, ZOMBIE_LAB_SSH_KEY: sshRig.env.RIG_SSH_KEY as string });
        expect(r.code, explain(r)).toBe(0);
        const out = JSON.parse(r.stdout) as { engine: { why: string }; rows: { variant: string; zombies: number; stopExitCode: number }[] };
        expect(out.engine.why).toBe(`${sshRig.env.RIG_SSH_HOST} (DOCKER_HOST)`);
        expect(out.rows.find((x) => x.variant === 'python3')?.stopExitCode).toBe(137);
        expect(out.rows.find((x) => x.variant === 'tini')?.zombies).toBe(0);
        expect(r.stderr).not.toMatch(/DeprecationWarning/);
      } finally {
        await sshRig.stop();
      }
    });

    it("only Docker Desktop's socket in the home folder: found, and said so", async () => {
      // A stand-in over /var/run/docker.sock in a private mount namespace: the real one is untouched.
      const deskHome = path.join(tmp, 'desk');
      await mkdir(path.join(deskHome, '.docker', 'run'), { recursive: true });
      await symlink((env.DOCKER_HOST as string).slice('unix://'.length), path.join(deskHome, '.docker', 'run', 'docker.sock'));
      const out = execFileSync('unshare', ['--mount', 'sh', '-c', `mount --bind /dev/null /var/run/docker.sock && exec "$0" "$@"`, process.execPath, CLI_ENTRY, 'doctor'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: deskHome, NO_COLOR: '1' },
      });
      expect(out).toMatch(/engine answers: at unix:\/\/.*\/desk\/\.docker\/run\/docker\.sock \(Docker Desktop's socket: nothing was chosen and the default socket does not answer\)/);
    });
  });

  it('clean removes what the lab made there, and nothing is left', async () => {
    const r = await cli(['clean', '--all', '--images'], env);
    expect(r.code, explain(r)).toBe(0);
    expect(await ours()).toEqual([]);
    const images = await docker.listImages({ filters: { label: ['zombie-lab.image'] } });
    expect(images.flatMap((i) => i.RepoTags ?? []).filter((t) => t.startsWith('zombie-lab/'))).toEqual([]);
  });
});
