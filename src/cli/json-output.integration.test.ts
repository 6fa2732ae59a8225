/**
 * Every `--json` a script can pipe into jq: real output of compare, scorecard, lab --check (short
 * runs on the real engine) and lint (files in a temp folder), each validated against its schema
 * in docs/, and stdout holding the result alone (progress and messages on stderr).
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { listLabContainers, removeLabContainers } from '../engine/cleanup.js';
import { CLI_ENTRY, PACKAGE_ROOT } from '../engine/package-paths.js';
import { newRunId } from '../engine/run-id.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { runCli, type CliRun } from '../test-support/run-cli.js';
import { TmuxSession, tmuxForTests } from '../test-support/tmux-session.js';

const conn = await dockerForTests();
const tmp = await mkdtemp(path.join(tmpdir(), 'zl-json-'));
const env = { NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', ZOMBIE_LAB_STATE_DIR: path.join(tmp, 'state'), ZOMBIE_LAB_WORKSPACE: path.join(tmp, 'work') };
const runIds: string[] = [];

afterAll(async () => {
  if (conn) for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
  await rm(tmp, { recursive: true, force: true });
});

/** Both streams piped, as in `zombie-lab … --json | jq` run from a script. */
function cli(args: string[], cwd = tmp): Promise<CliRun> {
  return runCli(args, { env, cwd });
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
const schemas = new Map<string, ValidateFunction>();
function validator(name: string): ValidateFunction {
  let v = schemas.get(name);
  if (!v) schemas.set(name, (v = ajv.compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'docs', `${name}.schema.json`), 'utf8')) as object)));
  return v;
}

/** stdout is one JSON document and nothing else (a progress line would fail the parse), and it matches docs/<name>.schema.json. */
function checked<T>(name: string, r: CliRun): T {
  const doc = JSON.parse(r.stdout) as unknown;
  const v = validator(name);
  if (!v(doc)) throw new Error(`${name} --json does not match docs/${name}.schema.json: ${ajv.errorsText(v.errors)}`);
  return doc as T;
}

const expectRejected = (name: string, doc: unknown) => expect(validator(name)(doc), `docs/${name}.schema.json should reject this`).toBe(false);

describe('lint --json', () => {
  it('matches docs/lint.schema.json, with findings and without', async () => {
    const dir = path.join(tmp, 'lint');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM debian\nCOPY app.py /app.py\nCMD python3 /app.py\n');
    await writeFile(path.join(dir, 'good.dockerfile'), 'FROM debian\nENTRYPOINT ["tini", "--"]\nCMD ["python3", "/app.py"]\n');
    const bad = await cli(['lint', '--json', path.join(dir, 'Dockerfile')]);
    expect(bad.code).toBe(1);
    const doc = checked<{ findings: { rule: string; line: number }[]; exitCode: number }>('lint', bad);
    expect(doc.findings.map((f) => [f.line, f.rule])).toContainEqual([3, 'shell-form-cmd']);
    expect(doc.exitCode).toBe(1);
    const good = await cli(['lint', '--format', 'json', path.join(dir, 'good.dockerfile')]);
    expect(good.code).toBe(0);
    expect(checked<{ findings: unknown[] }>('lint', good).findings).toEqual([]);
    expectRejected('lint', { ...doc, exitCode: 2 });
    expectRejected('lint', { ...doc, findings: [{ ...doc.findings[0], column: 1 }] });
  });
});

describe('doctor --json', () => {
  it('without an engine: every check in docs/doctor.schema.json, the failed one counted, exit 1', async () => {
    const r = await runCli(['doctor', '--json'], { env: { ...env, DOCKER_HOST: `unix://${path.join(tmp, 'no-engine.sock')}` }, cwd: tmp });
    expect(r.code, r.stderr).toBe(1);
    const doc = checked<{ checks: { name: string; status: string; fix: string | null }[]; failed: number; exitCode: number }>('doctor', r);
    expect(doc.checks.find((c) => c.name === 'engine answers')).toMatchObject({ status: 'fail', fix: expect.any(String) });
    expect(doc.failed).toBe(doc.checks.filter((c) => c.status === 'fail').length);
    expect(doc.exitCode).toBe(1);
    // Piped: stderr holds no check lines (they are the result, on stdout).
    expect(r.stderr).not.toMatch(/^\[(ok {2}|FAIL|warn|info)\]/m);
    expectRejected('doctor', { ...doc, checks: [{ ...doc.checks[0], status: 'maybe' }] });
    expectRejected('doctor', { ...doc, exitCode: 2 });
    expectRejected('doctor', { ...doc, checks: [{ ...doc.checks[0], fix: undefined }] });
  });
});

describe.runIf(conn)('--json of the commands that run containers, on the real engine', () => {
  it('doctor --json on the real engine: every check in docs/doctor.schema.json, the same checks as the text', async () => {
    const r = await cli(['doctor', '--json']);
    const text = await cli(['doctor']);
    const doc = checked<{ checks: { name: string; status: string; detail: string }[]; failed: number; exitCode: number }>('doctor', r);
    expect(r.code).toBe(doc.exitCode);
    expect(doc.checks.find((c) => c.name === 'engine answers')?.status).toBe('pass');
    expect(doc.checks.map((c) => c.name)).toEqual(expect.arrayContaining(['Node.js', 'engine answers', 'images']));
    // The same checks, in the same order, as the text report prints.
    expect(doc.checks.map((c) => c.name)).toEqual([...text.stdout.matchAll(/^\[(?:ok {2}|FAIL|warn|info)\] ([^:]+):/gm)].map((m) => m[1]));
  });

  it('compare --json: stdout is the result alone and matches docs/compare.schema.json', async () => {
    const runId = newRunId('json-cmp');
    runIds.push(runId);
    const r = await cli(['compare', '--duration', '2s', '--stop-timeout', '1', '--rate', '20', '--json', '--run-id', runId]);
    expect(r.code, r.stderr).toBe(0);
    const doc = checked<{ runId: string; results: { mode: string; pid1: string | null }[]; events: unknown[] }>('compare', r);
    // stderr is a pipe here (a CI log): its milestones, not the per-second lines.
    for (const milestone of [/^engine: /m, /^running for /m, /^stopping all /m, /stopped in .* exit code/m]) expect(r.stderr).toMatch(milestone);
    expect(r.stderr).not.toMatch(/^\s*\d+s {2}no init: /m);
    expect(doc.runId).toBe(runId);
    expect(doc.results.map((x) => x.mode)).toEqual(['no-init', 'dumb-init', 'init']);
    expect(doc.results.every((x) => x.pid1 !== null)).toBe(true);
    // The schema is tight: an unknown field or a missing one fails.
    expectRejected('compare', { ...doc, extra: 1 });
    expectRejected('compare', { ...doc, results: [{ ...doc.results[0], zombiesPeak: undefined }] });
    expectRejected('compare', { ...doc, events: [{ type: 'lane', mode: 'no-init', state: { kind: 'flying' } }] });
  });

  it.runIf(tmuxForTests())('compare --json with stderr on a terminal: the engine line and each second\'s progress show there, stdout stays the JSON alone', async () => {
    const runId = newRunId('json-cmp-tty');
    runIds.push(runId);
    const term = new TmuxSession(`zl-json-${runId}`, 120, 30);
    const out = path.join(tmp, 'tty.json');
    try {
      term.start();
      term.run(`NO_COLOR=1 node ${CLI_ENTRY} compare --duration 3s --stop-timeout 1 --rate 20 --json --run-id ${runId} > ${out}`);
      const screen = await term.exited(120_000, 'compare --json to end');
      term.save('compare-json-tty', screen);
      expect(screen).toContain('ZL_EXIT=0');
      for (const progress of [/^engine: /m, /^running for /m, /^\s*\d+s {2}no init: \d+ zombies/m, /stopped in .* exit code/m]) expect(screen).toMatch(progress);
      expect(screen).not.toContain('"runId"');
      const doc = JSON.parse(readFileSync(out, 'utf8')) as { runId: string };
      expect(doc.runId).toBe(runId);
    } finally {
      term.kill();
    }
  });

  it('compare without --json: the table and chart on stdout, every progress line and message on stderr; the SVG path whole', async () => {
    const runId = newRunId('json-cmp-text');
    runIds.push(runId);
    const r = await cli(['compare', '--duration', '2s', '--stop-timeout', '1', '--modes', 'no-init,init', '--svg', 'plot.svg', '--run-id', runId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`plot saved as ${path.join(tmp, 'plot.svg')}\n`);
    expect(readFileSync(path.join(tmp, 'plot.svg'), 'utf8')).toMatch(/^<svg/);
    expect(r.stdout).toContain('zombies over time');
    for (const progress of [/^engine: /m, /^counting zombies from /m, /^running for /m, /^stopping all /m, /stopped in .* exit code/m, /^\s*\d+s {2}no init: /m]) {
      expect(r.stdout).not.toMatch(progress);
      expect(r.stderr).toMatch(progress);
    }
  });

  it('scorecard --json --variants tini: stdout is the result alone and matches docs/scorecard.schema.json', async () => {
    const runId = newRunId('json-sc');
    runIds.push(runId);
    const r = await cli(['scorecard', '--json', '--variants', 'tini', '--run-id', runId]);
    expect(r.code, r.stderr).toBe(0);
    const doc = checked<{ runId: string; rows: { variant: string; pid1: string | null }[] }>('scorecard', r);
    expect(doc.runId).toBe(runId);
    expect(doc.rows.map((x) => [x.variant, x.pid1])).toEqual([['tini', 'tini']]);
    expectRejected('scorecard', { ...doc, rows: [{ ...doc.rows[0], variant: 'systemd' }] });
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === runId)).toEqual([]);
  });

  it('scorecard and prepare without --json, piped: the table or report on stdout, the progress on stderr', async () => {
    const runId = newRunId('json-sc-text');
    runIds.push(runId);
    const r = await cli(['scorecard', '--variants', 'tini', '--run-id', runId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^PID 1 variant/m);
    expect(r.stdout).toMatch(/^tini --/m);
    for (const progress of [/^engine: /m, /runs done/, /^measuring 1 PID 1 variants/m]) {
      expect(r.stdout).not.toMatch(progress);
      expect(r.stderr).toMatch(progress);
    }
    // prepare's stdout is its report (which engine, each image and how it was made); build output goes to stderr.
    const p = await cli(['prepare']);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stdout.trim().split('\n').filter((l) => !/^(engine: |base +zombie-lab\/base:|zombie +zombie-lab\/zombie:)/.test(l))).toEqual([]);
  });

  it('lab 01 --check --json on the starting files: a failed check as JSON matching docs/lab-check.schema.json, exit 1', async () => {
    const runId = newRunId('json-lab');
    runIds.push(runId);
    const r = await cli(['lab', '01', '--check', '--json', '--run-id', runId]);
    expect(r.code, r.stderr).toBe(1);
    const doc = checked<{ lab: string; passed: boolean; items: { ok: boolean; tryThis?: string }[] }>('lab-check', r);
    expect(doc.lab).toBe('zombies');
    expect(doc.passed).toBe(false);
    expect(doc.items.some((i) => !i.ok && i.tryThis)).toBe(true);
    expect(r.stderr).toMatch(/^engine: /m);
    expect(r.stderr).toMatch(/^checking lab 01 /m);
    expectRejected('lab-check', { ...doc, items: [] });
  });
});
