/** `zombie-lab lab` and `zombie-lab scorecard` as a user runs them: the real binary, piped (no TTY). */
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listLabContainers, removeLabContainers } from '../engine/cleanup.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { newRunId } from '../engine/run-id.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { runCli, type CliRun } from '../test-support/run-cli.js';

const conn = await dockerForTests();
const tmp = await mkdtemp(path.join(tmpdir(), 'zl-labcli-'));
const env = { ZOMBIE_LAB_STATE_DIR: path.join(tmp, 'state'), ZOMBIE_LAB_WORKSPACE: path.join(tmp, 'work'), NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '' };
const runIds: string[] = [];

afterAll(async () => {
  if (conn) for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
  await rm(tmp, { recursive: true, force: true });
});

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<CliRun> {
  return runCli(args, { env: { ...env, ...extraEnv } });
}

describe('zombie-lab lab without Docker', () => {
  it('lists the labs; a corrupt progress file means a fresh start with a message, not a crash', async () => {
    await rm(env.ZOMBIE_LAB_STATE_DIR, { recursive: true, force: true });
    await cp(path.join(PACKAGE_ROOT, 'package.json'), path.join(env.ZOMBIE_LAB_STATE_DIR, 'progress.json'));
    const r = await cli(['lab']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^zombie-lab: your lab progress file was unusable \(unexpected content at version: .*\); starting over/);
    expect(r.stdout).toMatch(/^01 {2}zombies +Zombies — not started$/m);
    // Every lab of the catalog, numbered with two digits or more (lab 10 must not break this).
    expect(r.stdout.match(/^\d{2,} /gm)).toHaveLength((await loadCatalog()).byLang.en.length);
    const again = await cli(['lab']);
    expect(again.stderr).toBe('');
  });

  it('prints a lab as text in German, creates its workspace, and resumes', async () => {
    const r = await cli(['lab', '3', '--lang', 'de']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^created Dockerfile, answers\.txt, app\.py, docker-run-flags\.txt in .*03-signals$/m);
    expect(r.stdout).toContain('Lab 03: Signale');
    expect(r.stdout).toContain('Tipp: ');
    expect(r.stdout).not.toContain('{claim:');
    expect(await readdir(path.join(env.ZOMBIE_LAB_WORKSPACE, '03-signals'))).toContain('app.py');
  });

  it('lab --check and scorecard without an engine: one line with cause and fix', async () => {
    for (const args of [['lab', '1', '--check'], ['scorecard']]) {
      const r = await cli(args, { DOCKER_HOST: 'unix:///nonexistent/docker.sock' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/no Docker engine answers at unix:\/\/\/nonexistent\/docker\.sock \(DOCKER_HOST\)\n {2}fix: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('names an unknown lab and the choices: a usage error, exit 2', async () => {
    const r = await cli(['lab', '99']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zombie-lab: no lab "99"\n {2}fix: choose one of: 01 \(zombies\), 02/);
  });

  it('asks before overwriting the learner’s files; --yes overwrites', async () => {
    const dir = path.join(env.ZOMBIE_LAB_WORKSPACE, '05-subreaper');
    await cli(['lab', '5']);
    await writeFile(path.join(dir, 'pod.yaml'), 'pause: [x]\napp: [y]\n');
    const refused = await cli(['lab', '5', '--restore-files']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/would overwrite your pod\.yaml .*\n {2}fix: add --yes/);
    const done = await cli(['lab', '5', '--restore-files', '--yes']);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^restored pod\.yaml in /);
  });
});

describe.runIf(conn)('zombie-lab lab --check and scorecard on the real engine', () => {
  it('lab 01 --check exits 1 on the starting files with what to try, and 0 once fixed; progress records the pass', async () => {
    const runId = newRunId('labs-test-cli');
    runIds.push(runId);
    const start = await cli(['lab', '01', '--check', '--run-id', runId]);
    expect(start.code).toBe(1);
    expect(start.stdout).toMatch(/^✘ no zombies pile up: \d+ zombies after 3 s at 20 orphans\/s; PID 1 is python3$/m);
    expect(start.stdout).toMatch(/What to try:\n {2}- python3 as PID 1 never waits/);
    await writeFile(path.join(env.ZOMBIE_LAB_WORKSPACE, '01-zombies', 'docker-run-flags.txt'), '--init\n');
    const fixed = await cli(['lab', 'zombies', '--check', '--json', '--run-id', runId]);
    expect(fixed.code).toBe(0);
    const json = JSON.parse(fixed.stdout) as { passed: boolean; items: { ok: boolean; detail: string }[] };
    expect(json.passed).toBe(true);
    expect(json.items.map((i) => i.detail).join(' ')).toContain('PID 1 is docker-init');
    const list = await cli(['lab']);
    expect(list.stdout).toMatch(/^01 {2}zombies +Zombies — ✔ passed$/m);
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === runId)).toEqual([]);
  });

  it('scorecard --json gives measured rows for the chosen variants', async () => {
    const runId = newRunId('labs-test-cli-sc');
    runIds.push(runId);
    const r = await cli(['scorecard', '--json', '--variants', 'python3,tini', '--run-id', runId]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: { variant: string; pid1: string; zombies: number; stopExitCode: number; appExitCode: number }[] };
    expect(out.rows.map((x) => [x.variant, x.pid1, x.stopExitCode, x.appExitCode])).toEqual([
      ['python3', 'python3', 137, 3],
      ['tini', 'tini', 143, 3],
    ]);
    expect(out.rows[0]?.zombies).toBeGreaterThanOrEqual(20);
    expect(out.rows[1]?.zombies).toBeLessThanOrEqual(2);
  });

  it('scorecard refuses an unknown variant with the list: a usage error, exit 2', async () => {
    const r = await cli(['scorecard', '--variants', 'systemd']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^zombie-lab: unknown variant systemd\n {2}fix: use some of: python3,bash-script/);
  });
});
