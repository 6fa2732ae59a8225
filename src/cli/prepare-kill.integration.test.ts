/**
 * Issue 22 row 19 / point 4: a SIGKILLed first `prepare` leaves nothing that needs a later start
 * to clean up. The offline build is killed at random moments of its stages, found from its own
 * progress, and right after (no `clean`, no next start) nothing of it may be left: no process, no
 * mount in any mount namespace, no temporary folder, no container, no image half made. Builds
 * from a copy of images/ under a tag of its own, so the shared images are never touched.
 * ZOMBIE_LAB_SEED replays a run; ZOMBIE_LAB_KILL_REPS sets the number of kills.
 */
import { spawnSync } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { LABEL_IMAGE } from '../core/labels.js';
import { ownerMark } from '../core/owner-mark.js';
import { pick, seededRandom } from '../core/seeded-random.js';
import { describePlan, leaksOf, runAndKill, type KillPlan } from '../soak/kill-run.js';
import { throwawayImages } from '../test-support/throwaway-images.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';

const conn = await dockerForTests();
const root = process.getuid?.() === 0;
const hasTools = ['mmdebstrap', 'unshare', 'setpriv'].every((c) => spawnSync('sh', ['-c', `command -v ${c}`], { stdio: 'ignore' }).status === 0);
const seed = Number(process.env.ZOMBIE_LAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
const reps = Number(process.env.ZOMBIE_LAB_KILL_REPS ?? 3);
const dirs: string[] = [];
let tags: { base: string; zombie: string } | null = null;

afterAll(async () => {
  // A kill that came after the build finished leaves a finished image under the test's own tag.
  if (conn && tags) for (const t of [tags.zombie, tags.base]) await conn.docker.getImage(t).remove({ force: true }).catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** The build's stages, from mmdebstrap's progress; each kill lands a random time after one. */
const STAGES = [/mmdebstrap .*scratch in a tmpfs/, /downloading packages/, /extracting archives/, /installing (essential|remaining) packages/, /creating tarball/];

/** Processes whose mount namespace still holds the killed build's tmpfs (its mark is the mount's source). */
async function namespacesHolding(mark: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of (await readdir('/proc')).filter((n) => /^\d+$/.test(n))) {
    const info = await readFile(`/proc/${p}/mountinfo`, 'utf8').catch(() => '');
    if (info.includes(mark)) out.push(`mount namespace of process ${p} holds ${mark}`);
  }
  return out;
}

/** Images of this test's tag the engine holds without the tag: an import left half made. */
async function halfImages(tag: string): Promise<string[]> {
  const list = await conn!.docker.listImages({ all: true, filters: { label: [`${LABEL_IMAGE}=${tag}`] } });
  return list.filter((i) => !(i.RepoTags ?? []).includes(tag)).map((i) => `image ${i.Id} labelled ${tag} without the tag`);
}

describe.runIf(conn && root && hasTools)('a SIGKILLed first prepare', () => {
  it(`leaves nothing behind, with no later start to sweep (seed ${seed}, ${reps} kills)`, { timeout: 1_800_000 }, async () => {
    console.log(`prepare-kill seed ${seed} (ZOMBIE_LAB_SEED=${seed} replays it)`);
    const rand = seededRandom(seed);
    const made = await throwawayImages('prepare kill test');
    const dir = made.dir;
    dirs.push(dir);
    tags = made.tags;
    const base = tags.base;

    // Each stage at least once (in a random order), then random ones.
    const stages = [...STAGES].sort(() => rand() - 0.5);
    for (let i = 0; i < reps; i++) {
      const stage = i < stages.length ? stages[i]! : pick(rand, STAGES);
      const plan: KillPlan = { signal: 'SIGKILL', toGroup: rand() < 0.5, trigger: stage, delayMs: Math.floor(rand() * 2500) };
      const o = await runAndKill(['prepare', '--way', 'offline', '--images-dir', dir], plan);
      const what = `kill ${i + 1}/${reps}: ${describePlan(plan)} (pid ${o.pid})`;
      console.log(`${what}: ${o.killed ? `killed, ${o.signal}` : `ended before the kill (exit ${o.code})`}`);
      if (!o.killed) {
        // Too late: the build finished. A finished image is a result, not a leftover; start over.
        expect(o.code, o.output.slice(-600)).toBe(0);
        await conn!.docker.getImage(tags.zombie).remove({ force: true }).catch(() => undefined);
        await conn!.docker.getImage(base).remove({ force: true }).catch(() => undefined);
        continue;
      }
      expect(o.signal, what).toBe('SIGKILL');
      // What the kernel and the engine take down by themselves, given a moment; nobody sweeps.
      const mark = ownerMark('build', { pid: o.pid, startTime: 0 }).replace(/-0-$/, '-');
      const leaks = async () => [...(await leaksOf(o.pid, conn!.docker)), ...(await namespacesHolding(mark)), ...(await halfImages(base))];
      const left = await waitFor(async () => {
        const l = await leaks();
        return l.length === 0 ? l : undefined;
      }, 20_000, `nothing of ${what} left`).catch(async () => leaks());
      expect(left, what).toEqual([]);
      // A kill after the import finished leaves the finished base image (a result, not a leftover):
      // removed, so the next kill is again of a first prepare.
      for (const t of [tags.zombie, base]) await conn!.docker.getImage(t).remove({ force: true }).catch(() => undefined);
    }
  });
});
