import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalog } from './lab-loader.js';
import { changedFiles, ensureWorkspace, labWorkspace, restoreWorkspace, workspaceRoot } from './workspace.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('workspace', () => {
  it('defaults to ~/zombie-lab-work, honours the env and the option', () => {
    expect(workspaceRoot(undefined, {})).toMatch(/zombie-lab-work$/);
    expect(workspaceRoot(undefined, { ZOMBIE_LAB_WORKSPACE: '/w' })).toBe('/w');
    expect(workspaceRoot('/o', { ZOMBIE_LAB_WORKSPACE: '/w' })).toBe('/o');
    expect(labWorkspace('/w', { number: '01', id: 'zombies' })).toBe('/w/01-zombies');
  });

  it('never overwrites the learner’s files; restore does, and says what differs first', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zl-ws-'));
    const first = await ensureWorkspace(dir, 'zombies');
    expect(first.created).toEqual(['Dockerfile', 'docker-run-flags.txt', 'fork.py']);
    await writeFile(path.join(dir, 'Dockerfile'), 'mine');
    const again = await ensureWorkspace(dir, 'zombies');
    expect(again).toEqual({ dir, created: [], kept: ['Dockerfile', 'docker-run-flags.txt', 'fork.py'] });
    expect(await readFile(path.join(dir, 'Dockerfile'), 'utf8')).toBe('mine');
    expect(await changedFiles(dir, 'zombies')).toEqual(['Dockerfile']);
    await restoreWorkspace(dir, 'zombies');
    expect(await changedFiles(dir, 'zombies')).toEqual([]);
  });

  it('every shipped lab has starting files, and the shipped labs validate', async () => {
    const catalog = await loadCatalog();
    expect(catalog.byLang.en).toHaveLength(8);
    expect(catalog.byLang.de.map((l) => l.id)).toEqual(catalog.byLang.en.map((l) => l.id));
    dir = await mkdtemp(path.join(tmpdir(), 'zl-ws-'));
    for (const lab of catalog.byLang.en) {
      const r = await ensureWorkspace(path.join(dir, lab.id), lab.id);
      expect(r.created.length, lab.id).toBeGreaterThan(0);
      for (const s of lab.steps) expect(s.commands.length + s.hints.length, `${lab.id}: ${s.title}`).toBeGreaterThan(0);
    }
  });
});

describe('a workspace that cannot be made', () => {
  it('is one line with the cause and the fix', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zl-ws-'));
    await writeFile(path.join(dir, 'file'), 'x');
    await expect(ensureWorkspace(path.join(dir, 'file', 'sub'), 'zombies')).rejects.toMatchObject({
      problem: { message: expect.stringMatching(/^cannot create the lab workspace .*file\/sub \(ENOTDIR\)$/), fix: expect.stringContaining('--workspace DIR') },
    });
  });
});
