/**
 * The engine matrix, first engine: a dockerd in its own PID namespace (scripts/rig-pidns-dockerd.sh).
 * Its container PIDs are not this host's, which is what the lab sees of Docker Desktop: every
 * feature must count through the sidecar and still tell the lesson.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, explain, matrixPossible, startRig, type Rig } from './matrix-support.js';

const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('pidns-dockerd');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the pidns-dockerd rig cannot run here (needs root)');

describe.runIf(possible)('a dockerd in its own PID namespace (the Docker Desktop case)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  beforeAll(async () => {
    rig = await startRig('pidns-dockerd', `mx-pidns-${process.pid}`);
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
  });
  afterAll(async () => {
    await rig?.stop();
  });

  it('prepare builds the images on that engine', async () => {
    const r = await cli(['prepare'], env);
    expect(r.code, explain(r)).toBe(0);
  });

  it('compare counts through the sidecar and shows the lesson', async () => {
    const r = await cli(['compare', '--duration', '4s', '--stop-timeout', '3', '--json', '--run-id', `mx-pidns-compare-${process.pid}`], env);
    expect(r.code, explain(r)).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { mode: string; zombiesPeak: number; exitCode: number | null }[]; sources?: string[] };
    const byMode = new Map(out.results.map((x) => [x.mode, x]));
    expect(byMode.get('no-init')?.zombiesPeak ?? 0).toBeGreaterThan(10);
    expect(byMode.get('no-init')?.exitCode).toBe(137);
    expect(byMode.get('dumb-init')?.exitCode).toBe(143);
  });
});
