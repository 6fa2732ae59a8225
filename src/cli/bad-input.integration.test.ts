/** Bad input answered in one line with path, why and fix (issue 13): state, workspace, content files, options. */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseIntIn } from '../core/compare-options.js';
import { loadDeck } from '../engine/slides-loader.js';
import { ensureWorkspace } from '../engine/labs/workspace.js';
import { CLI_ENTRY, SLIDES_DIR } from '../engine/package-paths.js';

const tmp = mkdtempSync(path.join(tmpdir(), 'zombie-lab-test-badinput-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [CLI_ENTRY, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', timeout: 30_000 });

describe('bad input', () => {
  it('refuses a state folder under /proc at once instead of hanging', () => {
    const r = cli(['lab', '1', '--reset'], { ZOMBIE_LAB_STATE_DIR: '/proc/x' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the lab state folder \/proc\/x is under \/proc/);
    expect(r.stderr).toMatch(/fix: set ZOMBIE_LAB_STATE_DIR/);
  });

  it('names the path, why and what to do when progress.json is a folder', () => {
    const state = path.join(tmp, 'state');
    mkdirSync(path.join(state, 'progress.json'), { recursive: true });
    const r = cli(['lab', '1', '--reset'], { ZOMBIE_LAB_STATE_DIR: state });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot save your lab progress to ${path.join(state, 'progress.json')}`);
    expect(r.stderr).toMatch(/fix: move that folder away/);
  });

  it.runIf(process.getuid?.() !== 0)('names the path when the state folder is not writable', () => {
    const state = path.join(tmp, 'ro');
    mkdirSync(state);
    chmodSync(state, 0o555);
    const r = cli(['lab', '1', '--reset'], { ZOMBIE_LAB_STATE_DIR: state });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no permission/);
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

  it('--out into a folder that does not exist is an error, and nothing is created', () => {
    const r = cli(['record', '--out', path.join(tmp, 'nonexistent', 'x.json'), '--duration', '1s']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not exist/);
  });

  it('numbers in options are decimal only', () => {
    expect(parseIntIn('256', '--pids-limit', 8, 8192)).toBe(256);
    for (const bad of ['0x100', '1e3', ' 256', '256.0', '+256']) expect(() => parseIntIn(bad, '--pids-limit', 8, 8192)).toThrow(/whole number/);
    const r = cli(['compare', '--pids-limit', '0x100']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('zombie-lab: --pids-limit must be a whole number from 8 to 8192, got "0x100"');
  });
});
