import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyProgress, withStep } from '../../core/labs/progress.js';
import { problemIn } from '../../core/problem-text.js';
import { loadProgress, progressFile, saveProgress, stateDir } from './progress-store.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('progress store', () => {
  it('follows ZOMBIE_LAB_STATE_DIR, then XDG_STATE_HOME, then ~/.local/state', () => {
    expect(stateDir({ ZOMBIE_LAB_STATE_DIR: '/x' })).toBe('/x');
    expect(stateDir({ XDG_STATE_HOME: '/s' })).toBe('/s/zombie-lab');
    expect(stateDir({ XDG_STATE_HOME: 'relative' })).toMatch(/\.local\/state\/zombie-lab$/);
    expect(progressFile({ ZOMBIE_LAB_STATE_DIR: '/x' })).toBe('/x/progress.json');
  });

  it('saves and resumes', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zl-progress-'));
    const file = path.join(dir, 'sub', 'progress.json');
    expect(await loadProgress(file)).toEqual({ progress: emptyProgress(), notice: null });
    await saveProgress(withStep(emptyProgress(), 'zombies', 2), file);
    expect((await loadProgress(file)).progress.labs.zombies?.step).toBe(2);
  });

  it('starts over with a message on a corrupt file, and keeps the old one aside', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zl-progress-'));
    const file = path.join(dir, 'progress.json');
    await writeFile(file, '{"version":1,"labs":{"zombies":{"step":"two"');
    const r = await loadProgress(file);
    expect(r.progress).toEqual(emptyProgress());
    expect(r.notice?.message).toMatch(/^your lab progress file was unusable \(not valid JSON .*\); starting over \(the old file is kept as .*progress\.json\.corrupt-\d+\)$/);
    // The key comes along, so the German runner says it in German.
    expect(r.notice ? problemIn('de', r.notice).message : '').toMatch(/^deine Fortschrittsdatei war unbrauchbar/);
    const names = await readdir(dir);
    expect(names.filter((n) => n.startsWith('progress.json.corrupt-'))).toHaveLength(1);
    expect(names).not.toContain('progress.json');
    await saveProgress(emptyProgress(), file);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(emptyProgress());
  });
});
