/**
 * `npm run soak -- [N] [--seed S]`: kills the lab N times at random moments (compare runs and
 * offline builds, every signal, to the process or its group) against a private engine of its own
 * (scripts/rig-pidns-dockerd.sh), runs the next start each time, and prints leaks/N. Not in CI:
 * it takes minutes. Needs root (the rig) and the built dist/.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { pick, seededRandom } from '../core/seeded-random.js';
import { imageTags } from '../engine/images.js';
import { CLI_ENTRY, IMAGES_DIR, PACKAGE_ROOT } from '../engine/package-paths.js';
import { describePlan, EXPECTED_EXIT, KILL_SIGNALS, leaksAfterCleanup, runAndKill, type KillPlan } from './kill-run.js';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : Math.floor(Math.random() * 2 ** 31);
const rig = path.join(PACKAGE_ROOT, 'scripts', 'rig-pidns-dockerd.sh');
const dir = `/tmp/zombie-lab-rigs/soak-${process.pid}`;

function sh(cmd: string): void {
  execFileSync('bash', ['-c', cmd], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main(): Promise<number> {
  console.log(`soak: ${n} kills, seed ${seed} (--seed ${seed} replays it)`);
  execFileSync('bash', [rig, 'start', dir], { stdio: 'inherit' });
  const host = `unix://${dir}/run/docker.sock`;
  const env = { DOCKER_HOST: host };
  const docker = new Docker({ socketPath: `${dir}/run/docker.sock` });
  const images = await mkdtemp(path.join(tmpdir(), 'zombie-lab-soak-images-'));
  let leaks = 0;
  const wrongExit: string[] = [];
  try {
    // The lab's images from the shared engine where it has them (a build takes minutes); else built here.
    const tags = await imageTags();
    const copied = spawnSync('bash', ['-c', `docker save ${tags.base} | DOCKER_HOST=${host} docker load`], { stdio: 'ignore' }).status === 0;
    const prep = spawnSync(process.execPath, [CLI_ENTRY, 'prepare'], { env: { ...process.env, ...env }, stdio: 'inherit' });
    if (prep.status !== 0) throw new Error(`prepare on the soak engine failed (base copied: ${copied})`);
    // Builds that are killed build a copy of images/ under tags of their own.
    await cp(IMAGES_DIR, images, { recursive: true });
    const list = path.join(images, 'base', 'packages.txt');
    await writeFile(list, `${await readFile(list, 'utf8')}# soak ${process.pid}\n`);

    const rand = seededRandom(seed);
    for (let i = 1; i <= n; i++) {
      const build = rand() < 0.2;
      const plan: KillPlan = {
        signal: pick(rand, KILL_SIGNALS),
        toGroup: rand() < 0.5,
        trigger: build ? null : /running for/,
        delayMs: Math.floor(rand() * (build ? 40_000 : 6_000)),
      };
      const argv = build ? ['prepare', '--way', 'offline', '--images-dir', images] : ['compare', '--duration', '10s', '--stop-timeout', '3', '--run-id', `soak-${process.pid}-${i}`];
      const o = await runAndKill(argv, plan, { env, timeoutMs: 240_000 });
      const expected = plan.signal === 'SIGKILL' ? 'SIGKILL' : EXPECTED_EXIT[plan.signal];
      const got = o.code ?? o.signal;
      if (o.killed && got !== expected) wrongExit.push(`#${i} ${describePlan(plan)}: exit ${got}, expected ${expected}`);
      spawnSync(process.execPath, [CLI_ENTRY, 'clean'], { env: { ...process.env, ...env }, stdio: 'ignore' });
      const left = await leaksAfterCleanup(o.pid, docker);
      if (left.length) leaks++;
      console.log(
        `${String(i).padStart(3)}/${n} ${build ? 'build  ' : 'compare'} ${describePlan(plan)}: ${o.killed ? `exit ${got} after ${o.exitMs} ms` : 'ended before the kill'}; ${left.length ? `LEAK ${left.join(', ')}` : 'nothing left'}`,
      );
    }
  } finally {
    await rm(images, { recursive: true, force: true });
    sh(`bash ${rig} stop ${dir}`);
  }
  console.log(`\nleaks: ${leaks}/${n} (seed ${seed})`);
  console.log(`wrong exit codes: ${wrongExit.length}/${n}${wrongExit.length ? `\n  ${wrongExit.join('\n  ')}` : ''}`);
  return leaks || wrongExit.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`soak: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
