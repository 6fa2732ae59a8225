/**
 * The lab runner as a learner uses it: in a real terminal (tmux), on the real engine. Open the
 * menu, choose lab 01, read on to the next step, run the check on the starting files (it fails
 * with what to try), go back, quit; the progress is there the next time and no container is left.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listLabContainers, removeLabContainers } from '../engine/cleanup.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { CLI_ENTRY } from '../engine/package-paths.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { cutCells, englishOnlyLabWords, englishOnScreen, oldTermsOnScreen } from '../test-support/screen-check.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const conn = await dockerForTests();
const tmuxOk = tmuxForTests();
const runId = `lab-tmux${randomBytes(3).toString('hex')}`;
const term = new TmuxSession(`zl-${runId}`, 120, 36);
const termDe = new TmuxSession(`zl-${runId}-de`, 80, 24);
const tmp = await mkdtemp(path.join(tmpdir(), 'zl-labtmux-'));
const env = `ZOMBIE_LAB_STATE_DIR=${path.join(tmp, 'state')} ZOMBIE_LAB_WORKSPACE=${path.join(tmp, 'work')} LANG=en_US.UTF-8`;

afterAll(async () => {
  term.kill();
  termDe.kill();
  if (conn) await removeLabContainers(conn.docker, { runId });
  await rm(tmp, { recursive: true, force: true });
});

const catalog = await loadCatalog();

describe.skipIf(!conn || !tmuxOk)('the lab runner in a real terminal', () => {
  it('menu → lab 01 → next step → check fails on the starting files with what to try → back → quit; progress kept, nothing left', async () => {
    term.start();
    term.run(`${env} node ${CLI_ENTRY} lab --run-id ${runId}`);
    const menu = await term.waitScreen((s) => (s.includes('zombie-lab: guided labs') && /01 .*not started/.test(s) ? s : undefined), 20_000, 'the lab menu');
    expect(menu.match(/^[› ] \d\d /gm)?.length, 'every lab of the catalog listed').toBe(catalog.byLang.en.length);
    expect(menu).toMatch(/^› 01 /m);

    term.keys('j');
    await term.waitScreen((s) => (/^› 02 /m.test(s) ? true : undefined), 10_000, 'lab 02 chosen');
    term.keys('k');
    await term.waitScreen((s) => (/^› 01 /m.test(s) ? true : undefined), 10_000, 'lab 01 chosen again');
    term.keys('Enter');
    const opened = await term.waitScreen((s) => (/Lab 01: /.test(s) && /step 1\/\d+/.test(s) ? s : undefined), 20_000, 'lab 01 open at step 1');
    expect(opened).toContain(path.join(tmp, 'work'));

    term.keys('n');
    await term.waitScreen((s) => (/step 2\/\d+/.test(s) ? true : undefined), 10_000, 'step 2');

    term.keys('c');
    const checked = await term.waitScreen((s) => (s.includes('Not yet. What to try:') || s.includes('All checks passed.') ? s : undefined), 180_000, 'the check to finish');
    term.save('lab-checked', checked);
    expect(checked, 'the starting files do not pass').toContain('Not yet. What to try:');

    term.keys('b');
    const back = await term.waitScreen((s) => (s.includes('zombie-lab: guided labs') ? s : undefined), 10_000, 'the menu again');
    expect(back).toMatch(/01 .*at step 2\/\d+/);

    term.keys('q');
    const after = await term.exited(20_000, 'the lab runner to quit');
    expect(after).toContain('ZL_EXIT=0');
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === runId)).toEqual([]);

    // Next time: the progress is still there.
    term.run(`${env} node ${CLI_ENTRY} lab --run-id ${runId}`);
    await term.waitScreen((s) => (/01 .*at step 2\/\d+/.test(s.split('ZL_EXIT=0').at(-1) ?? '') ? true : undefined), 20_000, 'the menu with the saved progress');
    term.keys('q');
  });

  it('--lang de at 80x24: menu, lab, hints, help, a check on the starting files: every screen German, in the lesson\'s terminology, and nothing cut', async () => {
    const english = englishOnlyLabWords();
    const screens: [string, string][] = [];
    const take = (name: string, screen: string) => {
      screens.push([name, screen]);
      return screen;
    };
    const envDe = env.replace('LANG=en_US.UTF-8', 'LANG=de_DE.UTF-8');
    termDe.start();
    termDe.run(`${envDe} node ${CLI_ENTRY} lab --lang de --run-id ${runId}`);
    take('menu', await termDe.waitScreen((s) => (s.includes('zombie-lab: geführte Labs') ? s : undefined), 20_000, 'the German menu'));
    termDe.keys('?');
    take('menu-help', await termDe.waitScreen((s) => (s.includes('Tasten des Lab-Runners') ? s : undefined), 10_000, 'the menu help'));
    termDe.keys('Escape');
    await termDe.waitScreen((s) => (/^› 01 /m.test(s) ? true : undefined), 10_000, 'the menu again');
    termDe.keys('Enter');
    take('lab', await termDe.waitScreen((s) => (/Lab 01: /.test(s) && s.includes(path.join(tmp, 'work')) ? s : undefined), 20_000, 'lab 01 open'));
    termDe.keys('h');
    take('hints', await termDe.waitScreen((s) => (s.includes('Tipps') && s.includes('•') ? s : undefined), 10_000, 'the hints'));
    termDe.keys('?');
    take('lab-help', await termDe.waitScreen((s) => (s.includes('Tasten des Lab-Runners') && s.includes('prüfen') ? s : undefined), 10_000, 'the lab help'));
    termDe.keys('?');
    await termDe.waitScreen((s) => (/Lab 01: /.test(s) ? true : undefined), 10_000, 'the lab again');
    termDe.keys('c');
    const checked = take('checked', await termDe.waitScreen((s) => (s.includes('Noch nicht. Probier:') || s.includes('Alle Checks bestanden.') ? s : undefined), 180_000, 'the check to finish'));
    termDe.save('lab-checked-de', checked);
    expect(checked, 'the starting files do not pass').toContain('Noch nicht. Probier:');
    expect(checked, "the builder's output stays out of view").not.toMatch(/Successfully (tagged|built)|^Step \d/m);
    termDe.keys('o');
    take('output', await termDe.waitScreen((s) => (s.includes('Ausgabe des Builds') ? s : undefined), 10_000, "the builder's output on o"));
    termDe.keys('o');
    await termDe.waitScreen((s) => (s.includes('Noch nicht. Probier:') ? true : undefined), 10_000, 'the result again on o');
    termDe.keys('q');
    expect(await termDe.exited(20_000, 'the lab runner to quit')).toContain('ZL_EXIT=0');

    const problems = screens.flatMap(([name, screen]) => [
      ...englishOnScreen(screen, english).map((w) => `${name}: English word "${w}"`),
      ...cutCells(screen, 80).map((c) => `${name}: cut "${c}"`),
      ...oldTermsOnScreen(screen).map((t) => `${name}: old term ${t}`),
    ]);
    // The builder's own lines (behind o) are Docker's words, not the runner's.
    expect(problems.filter((p) => !p.startsWith('output: English'))).toEqual([]);
  });
});
