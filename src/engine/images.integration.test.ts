import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../core/container-spec.js';
import type { RunEvent } from '../core/run-events.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { createAndStart, removeQuietly } from './containers.js';
import { ensureImages, imageExists, imageTags } from './images.js';
import { isLabError } from './lab-error.js';
import { IMAGES_DIR } from './package-paths.js';
import { newRunId, ownerFor } from './run-id.js';

const conn = await dockerForTests();
const made: string[] = [];
const dirs: string[] = [];

afterAll(async () => {
  if (!conn) return;
  for (const tag of made.reverse()) await conn.docker.getImage(tag).remove().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A copy of images/ whose tags differ from the real ones, so a test can build from nothing. */
async function imagesCopy(edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zombie-lab-images-'));
  dirs.push(dir);
  await cp(IMAGES_DIR, dir, { recursive: true });
  await edit(dir);
  return dir;
}

async function drain(gen: AsyncGenerator<RunEvent, unknown>): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return events;
    events.push(r.value);
  }
}

describe.runIf(conn)('building the images on the real engine', () => {
  it('builds the base image offline from Debian packages, from nothing, with every tool the labs use', async () => {
    const dir = await imagesCopy(async (d) => {
      const list = path.join(d, 'base', 'packages.txt');
      await writeFile(list, `${await readFile(list, 'utf8')}# test build ${newRunId()}\n`);
    });
    const tags = await imageTags(dir);
    made.push(tags.zombie, tags.base);
    expect(await imageExists(conn!.docker, tags.base)).toBe(false);

    const events = await drain(ensureImages(conn!.docker, { imagesDir: dir, way: 'offline' }));
    const done = events.filter((e) => e.type === 'build-done');
    expect(done.map((e) => [e.image, e.way])).toEqual([
      ['base', 'offline'],
      ['zombie', 'built'],
    ]);
    expect(events.some((e) => e.type === 'build-progress' && /mmdebstrap/.test(e.line))).toBe(true);

    // The image really holds the tools: run `command -v` for each inside it.
    const c = await createAndStart(
      conn!.docker,
      containerSpec({
        owner: ownerFor(newRunId('test-img')),
        kind: 'probe',
        image: tags.zombie,
        cmd: ['bash', '-c', 'for t in python3 dumb-init tini catatonit s6-svscan ps busybox; do command -v $t >/dev/null || exit 9; done; test -f /root/fork.py'],
        limits: { pidsLimit: 32, memoryMb: 64 },
        autoRemove: false,
      }),
    );
    expect(await c.exited).toBe(0);
    await removeQuietly(c.container);

    // Idempotent: a second run with nothing changed builds nothing.
    const again = await drain(ensureImages(conn!.docker, { imagesDir: dir, way: 'offline' }));
    expect(again.filter((e) => e.type === 'build-done').map((e) => e.way)).toEqual(['cached', 'cached']);
    // mmdebstrap from nothing: a minute or two on a quiet 2-core machine, more on a busy one.
  }, 600_000);

  it('turns a failed build step into an error naming the step, not a silent success', async () => {
    const dir = await imagesCopy(async (d) => {
      await writeFile(path.join(d, 'zombie', 'Dockerfile'), 'ARG BASE\nFROM ${BASE}\nRUN exit 3\nCOPY fork.py /root/fork.py\n');
    });
    const tags = await imageTags(dir);
    made.push(tags.zombie);
    let caught: unknown;
    try {
      await drain(ensureImages(conn!.docker, { imagesDir: dir }));
    } catch (err) {
      caught = err;
    }
    expect(isLabError(caught)).toBe(true);
    if (!isLabError(caught)) return;
    expect(caught.problem.message).toMatch(/building the zombie image failed at Step 3\/\d+ : RUN exit 3: .*non-zero code: 3/);
    expect(caught.problem.fix).toMatch(/zombie-lab prepare/);
    expect(await imageExists(conn!.docker, tags.zombie)).toBe(false);
  });
});
