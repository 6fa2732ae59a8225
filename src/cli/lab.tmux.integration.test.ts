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
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const conn = await dockerForTests();
const tmuxOk = tmuxForTests();
const runId = `lab-tmux${randomBytes(3).toString('hex')}`;
const term = new TmuxSession(`zl-${runId}`, 120, 36);
const tmp = await mkdtemp(path.join(tmpdir(), 'zl-labtmux-'));
const env = `ZOMBIE_LAB_STATE_DIR=${path.join(tmp, 'state')} ZOMBIE_LAB_WORKSPACE=${path.join(tmp, 'work')} LANG=en_US.UTF-8`;

afterAll(async () => {
  term.kill();
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
});
