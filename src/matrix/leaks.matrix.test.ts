/**
 * What must not leak when the engine itself misbehaves, on a dockerd of this test's own
 * (scripts/rig-pidns-dockerd.sh), never the shared one: the host-wide PID budget refuses and
 * accepts; the app notices a hung engine within 2 s on every lane and recovers when it answers
 * again; an app killed with SIGKILL leaves containers that the next app start removes; compare
 * ends within 2 s, with one line and exit 1, when the engine stops.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_PIDS_LIMIT, LABEL_RUN } from '../core/labels.js';
import { imageTags } from '../engine/images.js';
import { CLI_ENTRY } from '../engine/package-paths.js';
import { waitFor } from '../test-support/docker-for-tests.js';
import { tmuxForTests, TmuxSession } from '../test-support/tmux-session.js';
import { cli, explain, matrixPossible, parseEnvFile, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('pidns-dockerd');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the pidns-dockerd rig cannot run here (needs root)');

describe.runIf(possible)('leaks when the engine misbehaves (a private dockerd)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  let docker: Docker;
  let dockerdPid: number;
  const prefix = `leaks-mx${process.pid}`;
  const term = new TmuxSession(`zl-${prefix}`);

  beforeAll(async () => {
    rig = await startRig('pidns-dockerd', `leaks-mx-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
    docker = new Docker({ socketPath: (rig.env.DOCKER_HOST as string).replace('unix://', '') });
    dockerdPid = Number(parseEnvFile(readFileSync(`${rig.dir}/pid`, 'utf8')).DOCKERD_PID);
    // The images from the shared engine if it has them (the point here is not the build), else built.
    const { base } = await imageTags();
    spawnSync('bash', ['-c', `docker save ${base} | DOCKER_HOST=${env.DOCKER_HOST} docker load`], { stdio: 'ignore' });
    const r = await cli(['prepare'], env);
    expect(r.code, explain(r)).toBe(0);
  });
  afterAll(async () => {
    term.kill();
    if (dockerdPid) spawnSync('kill', ['-CONT', String(dockerdPid)]);
    await rig?.stop();
  });

  const ours = async (runPrefix: string) =>
    (await docker.listContainers({ all: true, filters: { label: [LABEL_RUN] } })).filter((c) => (c.Labels[LABEL_RUN] ?? '').startsWith(runPrefix));

  it('refuses a run the host-wide PID budget cannot hold, in one line, and accepts one it can', async () => {
    const { zombie } = await imageTags();
    // Three runs at the highest limit, as labels say: created, never started, so they hold no PIDs really.
    const held: Docker.Container[] = [];
    for (let i = 0; i < 3; i++) {
      held.push(
        await docker.createContainer({
          Image: zombie,
          Cmd: ['true'],
          Labels: { [LABEL_RUN]: `${prefix}-held-${i}`, [LABEL_PIDS_LIMIT]: '8192' },
          HostConfig: { PidsLimit: 8192, NetworkMode: 'none' },
        }),
      );
    }
    try {
      const refused = await cli(['compare', '--modes', 'no-init', '--pids-limit', '8192', '--duration', '1s', '--run-id', `${prefix}-big`], env);
      expect(refused.code, explain(refused)).toBe(1);
      expect(refused.stderr).toMatch(/not enough PIDs left on this host: 24576 are reserved by 3 lab runs, and 8192 more would leave 0 of pid_max \d+ free/);
      expect(await ours(`${prefix}-big`)).toEqual([]);
      // One of those runs ends: 2 x 8192 held, and a run at 1024 fits.
      await held.pop()?.remove({ force: true });
      const accepted = await cli(['compare', '--modes', 'no-init', '--pids-limit', '1024', '--duration', '1s', '--stop-timeout', '1', '--run-id', `${prefix}-small`], env);
      expect(accepted.code, explain(accepted)).toBe(0);
    } finally {
      for (const c of held) await c.remove({ force: true }).catch(() => undefined);
    }
  });

  it.runIf(tmuxForTests())('the app: SIGKILLed, its next start removes the leftovers; a hung engine shows on every lane within 2 s, and r works again once it answers', async () => {
    const rightPane = (t: string) =>
      t
        .split('\n')
        .map((l) => l.split('│').slice(1).join('│'))
        .join('\n');
    // A full lane ("zombies 197  peak") or its one-line summary on other slides ("* 1 no init 254 running").
    const zombiesOf = (t: string) => [...t.matchAll(/zombies (\d+) {2}peak|no init +(\d+) /g)].map((m) => Number(m[1] ?? m[2]));
    const startApp = () => {
      term.start();
      term.run(`DOCKER_HOST=${env.DOCKER_HOST} ZOMBIE_LAB_RUN_PREFIX=${prefix} node ${CLI_ENTRY}`);
    };
    const running = async (what: string) => {
      await term.waitScreen((s) => (/ LIVE /.test(s) ? true : undefined), 30_000, `${what}: the app to find the engine`);
      term.keys('r');
      await term.waitScreen((s) => ((zombiesOf(s)[0] ?? 0) >= 3 ? true : undefined), 60_000, `${what}: zombies in the no-init lane`);
    };

    startApp();
    await running('first start');
    process.kill(term.appPid(), 'SIGKILL');
    await term.exited(10_000, 'the shell after the SIGKILL');
    expect((await ours(prefix)).length).toBeGreaterThan(0);
    startApp();
    await waitFor(async () => ((await ours(prefix)).every((c) => c.State === 'running' && c.Labels['zombie-lab.owner-pid'] !== undefined) && (await ours(prefix)).length <= 3 ? true : undefined), 30_000, 'the next start to remove the killed app containers');
    await running('second start');

    // The engine hangs: within 2 s the title slide's folded lanes say so, each lane and once with
    // the fix; the open lanes pane says it on every lane; the slides still turn.
    const t0 = Date.now();
    spawnSync('kill', ['-STOP', String(dockerdPid)]);
    const folded = await term.waitScreen((s) => ((s.match(/ERROR/g) ?? []).length >= 4 && /ERROR: the Docker engine at/.test(s) ? s : undefined), 5_000, 'the lost engine in the folded lanes');
    const took = Date.now() - t0;
    term.save(`${prefix}-engine-lost-folded`, folded);
    expect(took).toBeLessThan(2000 + 300); // detection within 2 s; the rest is tmux capture polling
    expect(folded.replace(/\s+/g, ' ')).toMatch(/fix: start Docker again/);
    term.keys('p');
    const shown = await term.waitScreen((s) => ((rightPane(s).match(/ERROR: the Docker engine at/g) ?? []).length >= 3 ? s : undefined), 5_000, 'the lost engine on every lane');
    term.save(`${prefix}-engine-lost`, shown);
    expect(rightPane(shown)).toMatch(/fix: start Docker again/);
    const slideBefore = /slide (\d+)\/\d+/.exec(shown)?.[1];
    term.keys('Right');
    await term.waitScreen((s) => (/slide (\d+)\/\d+/.exec(s)?.[1] !== slideBefore ? true : undefined), 5_000, 'the slides to turn while the engine is gone');

    spawnSync('kill', ['-CONT', String(dockerdPid)]);
    term.keys('r');
    await term.waitScreen((s) => ((zombiesOf(s)[0] ?? 0) >= 3 && !/ERROR: the Docker engine/.test(rightPane(s)) ? true : undefined), 60_000, 'a run again once the engine answers');
    term.keys('q');
    await term.exited(30_000, 'the app to quit');
    await waitFor(async () => ((await ours(prefix)).length === 0 ? true : undefined), 20_000, 'no container of the app left');
  });

  it('compare ends within 2 s with one line and exit 1 when the engine stops (last: it ends the rig)', async () => {
    spawnSync('kill', ['-CONT', String(dockerdPid)]);
    // Progress goes to stderr (results alone to stdout): the run is under way once it says so; then the engine dies.
    let progress = -1;
    let t0 = 0;
    const r = await cli(['compare', '--duration', '60s', '--run-id', `${prefix}-dies`], env, {
      timeoutMs: 180_000,
      onStderr: (err) => {
        if (progress >= 0 || !/ 2s {2}no init/.test(err)) return;
        progress = err.length;
        t0 = Date.now();
        process.kill(dockerdPid, 'SIGKILL');
      },
    });
    const took = Date.now() - t0;
    const err = r.stderr;
    expect(progress, explain(r)).toBeGreaterThanOrEqual(0);
    expect(r.code, explain(r)).toBe(1);
    expect(took).toBeLessThan(2000);
    // After the progress, the cause and its fix say what happened: no stack trace, no second message.
    const lines = err.slice(progress).trim().split('\n').filter((l) => !/^\s*\d+s {2}/.test(l));
    expect(lines, err.slice(progress)).toHaveLength(2);
    expect(lines[0]).toMatch(/^zombie-lab: the Docker engine at unix:\/\/\S+ stopped answering \(\w+\)/);
    expect(lines[1]).toMatch(/^ {2}fix: start Docker again/);
  });
});
