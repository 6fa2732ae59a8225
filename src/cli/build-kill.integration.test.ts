/**
 * The offline build killed at random moments, by every signal, to the process and to its group:
 * the lab ends at once with the shell's exit code, and after the next start nothing of it is
 * left (no mount, no temporary folder, no process). Builds from a copy of images/ under a tag
 * of its own, so the shared engine's images are never touched. ZOMBIE_LAB_SEED replays a run.
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { pick, seededRandom } from '../core/seeded-random.js';
import { runCli } from '../test-support/run-cli.js';
import { describePlan, EXPECTED_EXIT, KILL_SIGNALS, leaksAfterCleanup, runAndKill, type KillPlan } from '../soak/kill-run.js';
import { throwawayImages } from '../test-support/throwaway-images.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';

const conn = await dockerForTests();
const hasMmdebstrap = spawnSync('sh', ['-c', 'command -v mmdebstrap'], { stdio: 'ignore' }).status === 0;
const seed = Number(process.env.ZOMBIE_LAB_SEED ?? Math.floor(Math.random() * 2 ** 31));
const reps = Number(process.env.ZOMBIE_LAB_KILL_REPS ?? 3);
const dirs: string[] = [];
let tags: { base: string; zombie: string } | null = null;

afterAll(async () => {
  // A late kill may have let the build finish: its test-only tags go too.
  if (conn && tags) for (const t of [tags.zombie, tags.base]) await conn.docker.getImage(t).remove().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** Stages of the build worth landing in, from mmdebstrap's progress and the import after it. */
const STAGES = [null, /downloading packages/, /extracting archives/, /installing (essential|remaining) packages/, /\(import\)|creating tarball/];

describe.runIf(conn && hasMmdebstrap)('killing the offline build', () => {
  it(`ends at once with the signal's exit code and leaves nothing after the next start (seed ${seed}, ${reps} kills)`, { timeout: 900_000 }, async () => {
    console.log(`build-kill seed ${seed} (ZOMBIE_LAB_SEED=${seed} replays it)`);
    const rand = seededRandom(seed);
    const made = await throwawayImages('kill test');
    const dir = made.dir;
    dirs.push(dir);
    tags = made.tags;

    for (let i = 0; i < reps; i++) {
      const stage = pick(rand, STAGES);
      const plan: KillPlan = { signal: pick(rand, KILL_SIGNALS), toGroup: rand() < 0.5, trigger: stage, delayMs: Math.floor(rand() * (stage ? 3000 : 20_000)) };
      const o = await runAndKill(['prepare', '--way', 'offline', '--images-dir', dir], plan);
      const what = `kill ${i + 1}/${reps}: ${describePlan(plan)} (pid ${o.pid})`;
      console.log(`${what}: ${o.killed ? `exit ${o.code ?? o.signal} after ${o.exitMs} ms` : `ended before the kill (exit ${o.code})`}`);
      if (o.killed) {
        if (plan.signal === 'SIGKILL') expect(o.signal, what).toBe('SIGKILL');
        else {
          expect(o.code, `${what}\n${o.output.slice(-400)}`).toBe(EXPECTED_EXIT[plan.signal]);
          // The old build took 20-30 s to tidy up after an interrupt; now the namespace dies with one kill.
          expect(o.exitMs, what).toBeLessThan(2000);
        }
      }
      // The next start sweeps what a SIGKILL could not clean up.
      const next = await runCli(['clean']);
      expect(next.code, next.stderr).toBe(0);
      expect(await leaksAfterCleanup(o.pid, conn!.docker), what).toEqual([]);
    }
  });
});
