/**
 * Once per test run: build dist/ and its bundle (the CLI tests run the real binary), and make sure the lab
 * images exist. Images the run had to build are removed again at the end, so the tests leave
 * no tag behind that they did not find.
 */
import { connectDocker } from '../engine/docker-connect.js';
import { ensureExtraImage, extraImageTag, imageExists, imageTags, readyImages, WORKLOAD_REPO } from '../engine/images.js';
import buildDist from './global-setup-build.js';

export default async function setup(): Promise<() => Promise<void>> {
  buildDist();
  let conn;
  try {
    conn = await connectDocker();
  } catch (err) {
    if (process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1') throw err;
    return async () => {};
  }
  const { docker } = conn;
  const tags = await imageTags();
  const had = { base: await imageExists(docker, tags.base), zombie: await imageExists(docker, tags.zombie) };
  await readyImages(docker, {}, (e) => {
    if (e.type === 'build-done') console.log(`test setup: ${e.tag} ${e.way}`);
  });
  const workloadTag = await extraImageTag('workload', WORKLOAD_REPO);
  const hadWorkload = await imageExists(docker, workloadTag);
  await ensureExtraImage(docker, 'workload', WORKLOAD_REPO);
  return async () => {
    if (process.env.ZOMBIE_LAB_KEEP_IMAGES === '1') return;
    if (!hadWorkload) {
      await docker.getImage(workloadTag).remove().catch(() => undefined);
      await docker.getImage(`${WORKLOAD_REPO}:latest`).remove().catch(() => undefined);
    }
    if (!had.zombie) {
      await docker.getImage(tags.zombie).remove().catch(() => undefined);
      await docker.getImage('zombie-lab/zombie:latest').remove().catch(() => undefined);
    }
    if (!had.base) await docker.getImage(tags.base).remove().catch(() => undefined);
  };
}
