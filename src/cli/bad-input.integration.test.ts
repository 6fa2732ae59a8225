/** Bad input answered in one line with path, why and fix (issue 13): state, workspace, content files, options. */
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIntIn } from '../core/compare-options.js';
import { loadCatalog } from '../engine/labs/lab-loader.js';
import { loadDeck } from '../engine/slides-loader.js';
import { ensureWorkspace } from '../engine/labs/workspace.js';
import { LABS_DIR, SLIDES_DIR } from '../engine/package-paths.js';
import { runCli } from '../test-support/run-cli.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zombie-lab-test-badinput-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = async (args: string[], env: NodeJS.ProcessEnv = {}, via?: string[]) => {
  const r = await runCli(args, { env: { NO_COLOR: '1', ...env }, timeoutMs: 30_000, ...(via ? { via } : {}) });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
};

describe('bad input', () => {
  it('refuses a state folder under /proc at once instead of hanging', async () => {
    const r = await cli(['lab', '1', '--reset'], { ZOMBIE_LAB_STATE_DIR: '/proc/x' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the lab state folder \/proc\/x is under \/proc/);
    expect(r.stderr).toMatch(/fix: set ZOMBIE_LAB_STATE_DIR/);
  });

  it('names the path, why and what to do when progress.json is a folder', async () => {
    const state = path.join(tmp, 'state');
    mkdirSync(path.join(state, 'progress.json'), { recursive: true });
    const r = await cli(['lab', '1', '--reset'], { ZOMBIE_LAB_STATE_DIR: state });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot save your lab progress to ${path.join(state, 'progress.json')}`);
    expect(r.stderr).toMatch(/fix: move that folder away/);
    // Opening the lab (not only --reset) says the same, after the notice, with exit 1.
    const open = await cli(['lab', '1', '--workspace', path.join(tmp, 'ws-open')], { ZOMBIE_LAB_STATE_DIR: state });
    expect(open.status).toBe(1);
    expect(open.stderr).toContain(`cannot save your lab progress to ${path.join(state, 'progress.json')}`);
  });

  it('refuses a workspace or state folder under /sys, and a workspace under /proc, at once', async () => {
    const ws = await cli(['lab', '1', '--workspace', '/sys/x']);
    expect(ws.status).toBe(1);
    expect(ws.stderr).toMatch(/the lab workspace \/sys\/x is under \/sys, which is the kernel's/);
    expect(ws.stderr).toMatch(/fix: choose a folder of yours: --workspace DIR/);
    expect((await cli(['lab', '1', '--workspace', '/proc/x'])).stderr).toMatch(/the lab workspace \/proc\/x is under \/proc/);
    const st = await cli(['lab', '1', '--reset'], { ZOMBIE_LAB_STATE_DIR: '/sys/x' });
    expect(st.status).toBe(1);
    expect(st.stderr).toMatch(/the lab state folder \/sys\/x is under \/sys/);
  });

  // Root may write anywhere: the test runs the CLI as nobody then, so the folders really are not writable.
  const asLearner = (args: string[], env: NodeJS.ProcessEnv) =>
    process.getuid?.() === 0
      ? cli(args, env, ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups'])
      : cli(args, env);

  it('names the path, why and the fix when the state folder or the workspace is not writable (mode 555), exit 1', async () => {
    const state = path.join(tmp, 'ro-state');
    const roWs = path.join(tmp, 'ro-ws');
    const ws = path.join(tmp, 'rw-ws');
    mkdirSync(state);
    mkdirSync(roWs);
    mkdirSync(ws);
    chmodSync(tmp, 0o755);
    chmodSync(state, 0o555);
    chmodSync(roWs, 0o555);
    chmodSync(ws, 0o777);
    const env = { ZOMBIE_LAB_STATE_DIR: state, HOME: tmp };
    const reset = await asLearner(['lab', '1', '--reset', '--workspace', ws], env);
    expect(reset.status, reset.stderr).toBe(1);
    expect(reset.stderr).toContain(`cannot save your lab progress to ${path.join(state, 'progress.json')} (no permission, EACCES)`);
    expect(reset.stderr).toMatch(/fix: make .* writable for you, or set ZOMBIE_LAB_STATE_DIR/);
    const open = await asLearner(['lab', '1', '--workspace', ws], env);
    expect(open.status, open.stderr).toBe(1);
    expect(open.stderr).toContain(`cannot save your lab progress to ${path.join(state, 'progress.json')}`);
    const inRo = await asLearner(['lab', '1', '--workspace', roWs], env);
    expect(inRo.status, inRo.stderr).toBe(1);
    expect(inRo.stderr).toContain(`cannot create the lab workspace ${path.join(roWs, '01-zombies')} (EACCES)`);
    expect(inRo.stderr).toMatch(/fix: choose a folder you can write to: --workspace DIR/);
  });

  it('a folder named like a lab file, and a lab file that is not UTF-8, are errors with file and line', async () => {
    const root = path.join(tmp, 'labs');
    cpSync(LABS_DIR, root, { recursive: true });
    mkdirSync(path.join(root, 'en', '09-x.md'));
    await expect(loadCatalog(root)).rejects.toThrow(/labs\/en\/09-x\.md: is a folder, not a file/);
    rmSync(path.join(root, 'en', '09-x.md'), { recursive: true });
    writeFileSync(path.join(root, 'en', '99-latin1.md'), Buffer.concat([Buffer.from('---\nid: x\n---\n'), Buffer.from('Gr\xfc\xdfe\n', 'latin1')]));
    await expect(loadCatalog(root)).rejects.toThrow(/labs\/en\/99-latin1\.md:4: not valid UTF-8/);
  });

  it('a folder named like a slide, and bytes that are not UTF-8, are errors with file and line', async () => {
    const root = path.join(tmp, 'slides');
    cpSync(SLIDES_DIR, root, { recursive: true });
    mkdirSync(path.join(root, 'en', '07-x.md'));
    await expect(loadDeck(root, 'en')).rejects.toThrow(/slides\/en\/07-x\.md: is a folder, not a file/);
    rmSync(path.join(root, 'en', '07-x.md'), { recursive: true });
    writeFileSync(path.join(root, 'en', '99-latin1.md'), Buffer.concat([Buffer.from('# Title\n\n'), Buffer.from('Gr\xfc\xdfe\n', 'latin1')]));
    await expect(loadDeck(root, 'en')).rejects.toThrow(/slides\/en\/99-latin1\.md:3: not valid UTF-8/);
  });

  it('a missing workspace template names its path and the fix', async () => {
    await expect(ensureWorkspace(path.join(tmp, 'ws'), 'no-such-lab', path.join(tmp, 'labs'))).rejects.toThrow(/the starting files of lab no-such-lab are missing: .*labs\/workspaces\/no-such-lab \(ENOENT\)/);
  });

  it('--out into a folder that does not exist is an error, and nothing is created', async () => {
    const r = await cli(['record', '--out', path.join(tmp, 'nonexistent', 'x.json'), '--duration', '1s']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
    expect(existsSync(path.join(tmp, 'nonexistent'))).toBe(false);
  });

  it('numbers in options are decimal only', async () => {
    expect(parseIntIn('256', '--pids-limit', 8, 8192)).toBe(256);
    for (const bad of ['0x100', '1e3', ' 256', '256.0', '+256']) expect(() => parseIntIn(bad, '--pids-limit', 8, 8192)).toThrow(/whole number/);
    const r = await cli(['compare', '--pids-limit', '0x100']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('zombie-lab: --pids-limit must be a whole number from 8 to 8192, got "0x100"');
  });
});
