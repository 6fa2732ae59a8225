/**
 * A copy of images/ whose base differs from the shipped one by a comment in its package list: its
 * content tags are the test's own, so a build killed there never touches the images other tests
 * (and other sessions on the engine) use. The caller removes `dir` and the images of `tags`.
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageTags, type ImageTags } from '../engine/images.js';
import { IMAGES_DIR } from '../engine/package-paths.js';
import { newRunId } from '../engine/run-id.js';

export async function throwawayImages(note: string): Promise<{ dir: string; tags: ImageTags }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zombie-lab-test-images-'));
  await cp(IMAGES_DIR, dir, { recursive: true });
  const list = path.join(dir, 'base', 'packages.txt');
  await writeFile(list, `${await readFile(list, 'utf8')}# ${note} ${newRunId('imgs')}\n`);
  return { dir, tags: await imageTags(dir) };
}
