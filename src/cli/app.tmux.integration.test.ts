/**
 * The presenter app as a person uses it: in a real terminal (tmux), on the real engine.
 * Start it, go to the demo slide, run, watch no-init gain zombies while the others stay at 0,
 * stop and read the stop times, quit, and check the shell is back and no container is left.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../core/container-spec.js';
import { createAndStart, removeQuietly } from '../engine/containers.js';
import { extraImageTag, WORKLOAD_REPO } from '../engine/images.js';
import { CLI_ENTRY } from '../engine/package-paths.js';
import { ownerFor } from '../engine/run-id.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const conn = await dockerForTests();
const tmuxOk = tmuxForTests();

const prefix = `app-tmux${randomBytes(3).toString('hex')}`;
const term = new TmuxSession(`zl-${prefix}`);
const screen = (): string => term.screen();
const keys = (...k: string[]): void => term.keys(...k);
const save = (name: string, text: string): void => term.save(name, text);

/** The right pane only (after the first `│` of each line): the demo slide repeats lane states on the left. */
function rightPane(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split('│').slice(1).join('│'))
    .join('\n');
}

/** The three lanes in screen order: zombies and PID 1 from `zombies N  peak N  PID 1: name`. */
function lanes(text: string): { zombies: number; pid1: string }[] {
  return [...rightPane(text).matchAll(/zombies (\d+) {2}peak \d+ {2}PID 1: (\S+)/g)].map((m) => ({ zombies: Number(m[1]), pid1: m[2] ?? '' }));
}

function stops(text: string): { seconds: number; exit: number }[] {
  return [...rightPane(text).matchAll(/stopped in ([\d.]+) s · exit (\d+)/g)].map((m) => ({ seconds: Number(m[1]), exit: Number(m[2]) }));
}

async function ourContainers(): Promise<string[]> {
  const list = await conn!.docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
  return list.filter((c) => (c.Labels['zombie-lab'] ?? '').startsWith(`${prefix}-`)).map((c) => c.Id);
}

const waitScreen = <T>(check: () => T | undefined, ms: number, what: string): Promise<T> => term.waitScreen(() => check(), ms, what);

afterAll(async () => {
  if (!conn || !tmuxOk) return;
  term.kill();
  for (const id of await ourContainers()) await conn.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
});

/** Starts the app in a fresh shell in the tmux session, with this test's run-id prefix. */
function startApp(extra = ''): void {
  term.start();
  term.run(`ZOMBIE_LAB_RUN_PREFIX=${prefix} node ${CLI_ENTRY}${extra}`);
}

/** Starts the app, presses r once the engine is found, and waits for no init to show zombies. */
async function startRunning(): Promise<void> {
  startApp();
  await waitScreen(() => (/ LIVE /.test(screen()) ? true : undefined), 20_000, 'the app to find the engine');
  // The demo slide, where the lanes are drawn in full.
  keys('d');
  keys('r');
  await waitScreen(() => ((lanes(screen())[0]?.zombies ?? 0) >= 3 ? true : undefined), 60_000, 'zombies in the no-init lane');
}

/** The screen once the shell printed the app's exit code. */
const exitedScreen = (what: string): Promise<string> => term.exited(30_000, what);

/** The alternate screen is gone: the shell's own lines are back, the app's frame is not. */
function restored(after: string): void {
  expect(after).toContain(`ZOMBIE_LAB_RUN_PREFIX=${prefix} node`);
  expect(after).not.toContain('slide ');
  expect(after).not.toContain('PID 1:');
}

/** Ended with `code`, the terminal is the shell's again, and no container of the app is left. */
async function endedClean(after: string, code: number): Promise<void> {
  expect(after).toContain(`ZL_EXIT=${code}`);
  restored(after);
  expect(await ourContainers()).toEqual([]);
}

describe.skipIf(!conn || !tmuxOk)('the presenter app in a real terminal', () => {
  it('runs the demo, stops it with the lesson in the stop times, quits and restores the terminal', async () => {
    startApp();
    await waitScreen(() => (/ LIVE /.test(screen()) ? true : undefined), 20_000, 'the app to start and find the engine');

    // Go to the demo slide: the one with the docker run commands and the live lanes widget. One
    // key per slide shown, as a person reads the counter: keys pressed faster would overshoot.
    let pressedOn = '';
    await waitScreen(
      () => {
        const s = screen();
        if (s.includes('docker run --rm -ti --init zombie') && /\* 1 no init\s+zombies/.test(s)) return true;
        const at = /slide (\d+)\//.exec(s)?.[1] ?? '';
        if (at !== pressedOn) {
          pressedOn = at;
          keys('l');
        }
        return undefined;
      },
      20_000,
      'the demo slide',
    );
    keys('r');
    const running = await waitScreen(
      () => {
        const s = screen();
        const l = lanes(s);
        // As the issue puts it: no-init shows zombies while the other two show 0 (on one screen;
        // a single sample of an init lane can catch a fork in flight, so poll for the moment).
        return l.length === 3 && (l[0]?.zombies ?? 0) >= 10 && l[1]?.zombies === 0 && l[2]?.zombies === 0 ? s : undefined;
      },
      60_000,
      'the no-init lane to show zombies while the others show 0',
    );
    save('running', running);
    const l = lanes(running);
    expect(l.map((x) => x.pid1)).toEqual(['python3', 'dumb-init', 'docker-init']);
    expect(l[1]?.zombies).toBe(0);
    expect(l[2]?.zombies).toBe(0);

    keys('s');
    const stopped = await waitScreen(
      () => {
        const s = screen();
        return stops(s).length === 3 ? s : undefined;
      },
      40_000,
      'all three lanes to show their stop time',
    );
    save('stopped', stopped);
    const [noInit, dumbInit, init] = stops(stopped);
    // No init: PID 1 ignores SIGTERM, docker stop waits out the whole timeout, then SIGKILL (137).
    expect(noInit?.exit).toBe(137);
    expect(noInit?.seconds).toBeGreaterThanOrEqual(9);
    for (const s of [dumbInit, init]) {
      expect(s?.exit).toBe(143);
      expect(s?.seconds).toBeLessThan(3);
    }

    keys('q');
    const after = await exitedScreen('the app to quit');
    save('after-quit', after);
    await endedClean(after, 0);
  });

  it('SIGTERM during a run removes the containers and gives the terminal back', async () => {
    await startRunning();
    // Three running, and once the run plots, three more waiting for the next press of r.
    await waitFor(async () => ((await ourContainers()).length === 6 ? true : undefined), 20_000, "the next run's containers to wait");
    process.kill(term.appPid(), 'SIGTERM');
    const after = await exitedScreen('the app to end on SIGTERM');
    save('after-sigterm', after);
    await endedClean(after, 143);
  });

  it('q while no init sits out its stop timeout quits at once, not after the timeout, and leaves nothing', async () => {
    await startRunning();
    keys('s');
    // dumb-init and docker-init stop at once; no init waits out its 10 s.
    await waitScreen(() => (stops(screen()).length === 2 ? true : undefined), 20_000, 'the two init lanes to stop');
    const t0 = Date.now();
    keys('q');
    const after = await exitedScreen('the app to quit');
    // The gap is the point: well under the 10 s stop timeout it would otherwise sit out.
    expect(Date.now() - t0).toBeLessThan(5_000);
    await endedClean(after, 0);
  });

  it('closing the terminal mid-run ends the app and removes its containers', async () => {
    await startRunning();
    const pid = term.appPid();
    // Its terminal is gone: SIGHUP, and every write to it fails. (It used to loop reporting the
    // failed writes to the same dead terminal.)
    term.kill();
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    await waitFor(() => (alive() ? undefined : true), 20_000, 'the app to end with its terminal');
    await waitFor(async () => ((await ourContainers()).length === 0 ? true : undefined), 20_000, 'its containers to be removed');
  });

  it('i lists the running containers with a PID 1 verdict each, leaves out the lab\'s own, scrolls and selects, and changes nothing', async () => {
    const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A container of the test's own, like one of the presenter's: python3 as PID 1, making orphans.
    const image = await extraImageTag('workload', WORKLOAD_REPO);
    const mine = await createAndStart(
      conn!.docker,
      containerSpec({ owner: ownerFor(`insp-${prefix}`), kind: 'probe', image, cmd: ['python3', '/work/app.py'], env: { ZOMBIE_RATE: '10', ZOMBIE_LAB_TTL: '120' }, limits: { pidsLimit: 128, memoryMb: 64 }, autoRemove: false }),
    );
    try {
      const name = (await mine.container.inspect()).Name.replace(/^\//, '');
      const before = (await mine.container.inspect()).State;
      startApp();
      await waitScreen(() => (/ LIVE /.test(screen()) ? true : undefined), 20_000, 'the app to find the engine');
      // The app keeps its standby lanes ready: containers of the lab's own, which the list leaves out.
      const runningOurs = async (): Promise<number> =>
        (await conn!.docker.listContainers({ all: false, filters: { label: ['zombie-lab'] } })).filter((c) => (c.Labels['zombie-lab'] ?? '').startsWith(`${prefix}-`)).length;
      await waitFor(async () => ((await runningOurs()) >= 3 ? true : undefined), 60_000, 'the app\'s standby containers to run');
      keys('i');
      const row = new RegExp(`✗ \\S*${escapeRe(name.slice(-15))} +app python3 · \\d+ zombies · drops SIGTERM`);
      // Each container takes seconds to judge, more with other work on the engine: wait while
      // "n of m" moves, not for a fixed time.
      const list = await term.waitScreenProgressing(
        (s) => (row.test(s) && /not shown/.test(s) ? s : undefined),
        (s) => /reading the running containers…[^\n]*/.exec(s)?.[0],
        30_000,
        'our container in the i list',
      );
      save('containers', list);
      expect(list).toContain('Your containers: PID 1 of each');
      expect(list).toMatch(/\d+ of the lab's own not shown/);
      expect(list).not.toContain(`zombie-lab-${prefix}`);
      // The hint line is the list's own keys.
      expect(list).toContain('Esc close');
      // Select our container (it is in the list, the selection starts at the first row) and open it.
      const listed = [...list.matchAll(/║ [› ] [✓✗] (\S+)/g)].map((m) => m[1] ?? '');
      const at = listed.findIndex((n) => name.endsWith(n.replace(/^…/, '')));
      expect(at).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < at; i++) keys('j');
      await waitScreen(() => (new RegExp(`› ✗ \\S*${escapeRe(name.slice(-15))}`).test(screen()) ? true : undefined), 10_000, 'our container selected');
      keys('Enter');
      const detail = await waitScreen(() => (screen().includes(`zombie-lab inspect ${name.slice(0, 20)}`) ? screen() : undefined), 10_000, 'its details');
      save('containers-detail', detail);
      expect(detail).toContain(`image: ${image.slice(0, 20)}`);
      keys('Escape');
      keys('i');
      await waitScreen(() => (!screen().includes('Your containers') ? true : undefined), 10_000, 'the list to close');
      keys('q');
      await endedClean(await exitedScreen('the app to quit'), 0);
      expect((await mine.container.inspect()).State).toEqual(before);
    } finally {
      await removeQuietly(mine.container);
    }
  }, 300_000);

  it('Ctrl-C quits like q', async () => {
    startApp();
    await waitScreen(() => (/slide 1\//.test(screen()) ? true : undefined), 20_000, 'the app to start');
    keys('C-c');
    const after = await exitedScreen('the app to quit on Ctrl-C');
    expect(after).toContain('ZL_EXIT=0');
    restored(after);
  });
});
