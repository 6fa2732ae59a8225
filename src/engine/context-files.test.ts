import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contentHash } from '../core/content-hash.js';
import { contextFiles } from './context-files.js';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sorted = (parts: { name: string; data: Buffer }[]) => parts.map((p) => `${p.name}=${p.data.toString()}`).sort();

describe('contextFiles', () => {
  it('lists a flat folder by file name', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ht-ctx-'));
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM x');
    await writeFile(path.join(dir, 'app.py'), 'print(1)');
    expect(sorted(contextFiles(dir))).toEqual(['Dockerfile=FROM x', 'app.py=print(1)']);
  });
  it('takes sub-folders in with their relative paths, so a change deep down changes the hash', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ht-ctx-'));
    await writeFile(path.join(dir, 'Dockerfile'), 'FROM x');
    await mkdir(path.join(dir, 's6', 'app'), { recursive: true });
    await writeFile(path.join(dir, 's6', 'app', 'run'), 'a');
    expect(sorted(contextFiles(dir))).toEqual(['Dockerfile=FROM x', 's6/app/run=a']);
    const before = contentHash(contextFiles(dir));
    await writeFile(path.join(dir, 's6', 'app', 'run'), 'b');
    expect(contentHash(contextFiles(dir))).not.toBe(before);
  });
});
