/**
 * `zombie-lab inspect` on the real engine, on containers this test starts itself: each kind of
 * PID 1, shell form, a SIGTERM handler or none (the prediction checked against a real docker
 * stop), zombies under PID 1 and under a live parent, no PID limit, the sidecar path, and
 * `--all` leaving a foreign-looking container exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerSpec, noPidsLimitFor, type SpecInput } from '../core/container-spec.js';
import type { InspectReport } from '../core/inspect/report.js';
import { createAndStart, removeQuietly, type Started } from '../engine/containers.js';
import { extraImageTag, WORKLOAD_REPO } from '../engine/images.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { inspectReport, SIGTERM_HANDLER } from '../test-support/inspect-report.js';
import { runCli, type CliRun } from '../test-support/run-cli.js';

const conn = await dockerForTests();

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return runCli(args, { env: { NO_COLOR: '1', ...env } });
}

const report = inspectReport;

const STOP_S = 3;
const APP = ['python3', '/work/app.py'];
const HANDLER = SIGTERM_HANDLER;

type Case = { key: string; input: Partial<SpecInput> & { cmd: string[] } };

const CASES: Case[] = [
  { key: 'app', input: { cmd: APP, env: { ZOMBIE_RATE: '10' } } },
  { key: 'docker-init', input: { cmd: APP, init: true, env: { ZOMBIE_RATE: '10' } } },
  { key: 'tini', input: { entrypoint: ['tini', '--'], cmd: APP } },
  { key: 'dumb-init', input: { entrypoint: ['dumb-init'], cmd: APP } },
  { key: 'catatonit', input: { entrypoint: ['catatonit', '--'], cmd: APP } },
  { key: 's6-svscan', input: { cmd: ['s6-svscan', '/work/s6'] } },
  { key: 'shell-form', input: { cmd: ['/bin/sh', '-c', 'python3 /work/app.py'] } },
  { key: 'script', input: { cmd: ['bash', '/work/start.sh'] } },
  { key: 'handler', input: { cmd: HANDLER } },
  // tini reaps orphans, but these zombies' parent is alive and never waits: no init helps.
  // Room for a minute of its pile: the sidecar test's watch must still see it grow.
  { key: 'live-parent', input: { entrypoint: ['tini', '--'], cmd: APP, env: { ZOMBIE_RATE: '4', ZOMBIE_KIND: 'child' }, limits: { pidsLimit: 400, memoryMb: 64 } } },
  // Looks like someone's compose service (a zombie pile and logs of its own); it is still ours.
  { key: 'foreign', input: { cmd: APP, env: { ZOMBIE_RATE: '5' }, labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web' } } },
  { key: 'no-pids-limit', input: { cmd: ['sleep', '300'], noPidsLimit: noPidsLimitFor(['sleep'], 'inspect test: what inspect says without a PID limit') } },
];

describe.runIf(conn)('zombie-lab inspect on the real engine', () => {
  const docker = conn!.docker;
  const runId = newRunId('insp-test');
  const started = new Map<string, Started>();
  let image = '';

  beforeAll(async () => {
    image = await extraImageTag('workload', WORKLOAD_REPO);
    const all = await Promise.all(
      CASES.map(async (c) => {
        const s = await createAndStart(
          docker,
          containerSpec({
            owner: ownerFor(runId),
            kind: 'probe',
            image,
            limits: { pidsLimit: 128, memoryMb: 64 },
            autoRemove: false,
            stopTimeoutS: STOP_S,
            ...c.input,
            env: { ZOMBIE_LAB_TTL: '300', ...c.input.env },
            labels: { ...c.input.labels, 'zombie-lab.test': c.key },
          }),
        );
        return [c.key, s] as const;
      }),
    );
    for (const [k, s] of all) started.set(k, s);
    // The workloads have begun once zombies show (and runc's init has exec'd the real PID 1).
    await waitFor(() => (readFileSync(`/proc/${started.get('app')!.initPid}/comm`, 'utf8').trim() === 'python3' ? true : undefined), 10_000, 'the app container to run python3');
  });

  afterAll(async () => {
    await Promise.all([...started.values()].map((s) => removeQuietly(s.container)));
    const left = await docker.listContainers({ all: true, filters: { label: [`zombie-lab=${runId}`] } });
    expect(left).toEqual([]);
  });

  const byKey = (r: InspectReport) => new Map(r.containers.map((c) => [CASES.find((k) => started.get(k.key)?.id === c.id)?.key ?? c.name, c]));

  it('tells each PID 1 kind apart, judges its signals, and the JSON matches the schema', async () => {
    // Two seconds at 10 zombies/s, so the piles are there to be seen.
    await new Promise((r) => setTimeout(r, 2000));
    const r = await cli(['inspect', ...CASES.map((c) => started.get(c.key)!.id), '--json', '--run-id', runId]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const rep = report(r);
    const c = byKey(rep);
    expect(c.get('app')?.pid1).toMatchObject({ kind: 'app', program: 'python3' });
    expect(c.get('docker-init')?.pid1).toMatchObject({ kind: 'init', init: 'docker-init' });
    expect(c.get('tini')?.pid1).toMatchObject({ kind: 'init', init: 'tini' });
    expect(c.get('dumb-init')?.pid1).toMatchObject({ kind: 'init', init: 'dumb-init' });
    expect(c.get('catatonit')?.pid1).toMatchObject({ kind: 'init', init: 'catatonit' });
    expect(c.get('s6-svscan')?.pid1).toMatchObject({ kind: 'init', init: 's6-svscan' });
    expect(c.get('shell-form')?.pid1).toMatchObject({ kind: 'shell', program: 'sh', shellForm: true, shellFromShellForm: true });
    expect(c.get('script')?.pid1).toMatchObject({ kind: 'shell', program: 'bash', script: '/work/start.sh' });
    expect(c.get('shell-form')?.findings.map((f) => f.id)).toContain('shell-pid1');
    // tini's masks show nothing while it sits in sigtimedwait: judged by name.
    expect(c.get('tini')?.signals[0]).toMatchObject({ signal: 'SIGTERM', effect: 'handled' });
    expect(c.get('tini')?.signals[0]?.judgedBy).toMatch(/sigtimedwait/);
    expect(c.get('catatonit')?.signals[0]).toMatchObject({ disposition: 'blocked', effect: 'handled' });
    expect(c.get('dumb-init')?.signals[0]).toMatchObject({ disposition: 'caught', effect: 'handled' });
    expect(c.get('app')?.signals.find((s) => s.signal === 'SIGINT')).toMatchObject({ disposition: 'caught' });
    expect(c.get('handler')?.signals[0]).toMatchObject({ disposition: 'caught', effect: 'handled' });

    // Zombies: under PID 1 for the app, none under docker --init, under a live parent behind tini.
    const app = c.get('app')!;
    expect(app.zombies.count).toBeGreaterThanOrEqual(5);
    expect(app.zombies.parents[0]).toMatchObject({ pid: 1, isPid1: true, comm: 'python3' });
    expect(app.findings.map((f) => f.id)).toContain('zombies-under-pid1');
    expect(c.get('docker-init')?.zombies.count).toBeLessThanOrEqual(2);
    expect(c.get('docker-init')?.findings).toEqual([]);
    const live = c.get('live-parent')!;
    expect(live.zombies.parents[0]).toMatchObject({ isPid1: false, comm: 'python3' });
    expect(live.zombies.parents[0]!.pid).toBeGreaterThan(1);
    expect(live.findings.map((f) => f.id)).toEqual(['zombies-live-parent']);

    // No PID limit: said so, with the host's pid_max; the container still has our other limits.
    const none = c.get('no-pids-limit')!;
    expect(none.pids).toMatchObject({ limit: null, pidMaxSeenFrom: 'host', pidMax: Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8')) });
    expect(none.findings.map((f) => f.id)).toContain('no-pids-limit');
    const hc = (await started.get('no-pids-limit')!.container.inspect()).HostConfig;
    expect(hc).toMatchObject({ NetworkMode: 'none', CapDrop: ['ALL'], Memory: 64 * 1024 * 1024 });
    expect(none.pids.used).toBeLessThanOrEqual(2);
    expect(c.get('app')?.pids.limit).toBe(128);

    // --fail-on narrows what makes exit 1.
    const only = await cli(['inspect', started.get('no-pids-limit')!.id, '--fail-on', 'zombies', '--run-id', runId]);
    expect(only.code).toBe(0);
    expect(only.stdout).toMatch(/no limit \(the host's pid_max is \d+\)/);
  });

  it('predicts docker stop, and a real docker stop of each container agrees', async () => {
    const keys = ['app', 'docker-init', 'tini', 'dumb-init', 'shell-form', 'handler'];
    const r = report(await cli(['inspect', ...keys.map((k) => started.get(k)!.id), '--json', '--run-id', runId]));
    const c = byKey(r);
    const predicted = new Map(keys.map((k) => [k, c.get(k)!.stop]));
    expect(predicted.get('app')).toMatchObject({ endsOnSignal: false, expectedExit: 137, timeoutS: STOP_S });
    expect(predicted.get('app')?.prediction).toContain(`docker stop will wait the full ${STOP_S} s and SIGKILL it (exit 137)`);
    expect(predicted.get('shell-form')?.endsOnSignal).toBe(false);
    for (const k of ['docker-init', 'tini', 'dumb-init', 'handler']) expect(predicted.get(k)?.endsOnSignal, k).toBe(true);
    const stops = await Promise.all(
      keys.map(async (k) => {
        const s = started.get(k)!;
        const t0 = performance.now();
        await s.container.stop();
        const ms = performance.now() - t0;
        return { k, ms, exit: (await s.container.inspect()).State.ExitCode };
      }),
    );
    for (const s of stops) {
      const p = predicted.get(s.k)!;
      if (p.endsOnSignal) {
        expect(s.ms, `${s.k} stopped in ${Math.round(s.ms)} ms`).toBeLessThan((STOP_S * 1000) / 2);
        expect(s.exit, s.k).not.toBe(137);
      } else {
        expect(s.ms, `${s.k} stopped in ${Math.round(s.ms)} ms`).toBeGreaterThanOrEqual(STOP_S * 1000 * 0.9);
        expect(s.exit, s.k).toBe(137);
      }
    }
  });

  it('reads the same through a sampler sidecar, and removes it', async () => {
    const ids = ['live-parent', 'catatonit', 'no-pids-limit'].map((k) => started.get(k)!.id);
    const sideRun = newRunId('insp-side');
    const r = report(await cli(['inspect', ...ids, '--json', '--watch', '2s', '--run-id', sideRun], { ZOMBIE_LAB_SAMPLER: 'sidecar' }));
    const c = byKey(r);
    for (const x of r.containers) expect(x.source).toBe('sidecar');
    // By now the pile may be near the PID limit too; it is never blamed on PID 1.
    expect(c.get('live-parent')?.findings.map((f) => f.id)).toContain('zombies-live-parent');
    expect(c.get('live-parent')?.findings.map((f) => f.id)).not.toContain('zombies-under-pid1');
    expect(c.get('live-parent')?.watch?.perSecond).toBeGreaterThan(1.5);
    // After a watch the lasting zombies and their parents are those of its last second, like the
    // count (not of the reads that judged reaping before the watch, 2 s and some 8 zombies earlier).
    const lp = c.get('live-parent')!.zombies;
    expect(lp.lasting).toBeGreaterThanOrEqual(lp.count - 6);
    expect(lp.parents.reduce((n, p) => n + p.count, 0)).toBe(lp.lasting);
    expect(c.get('catatonit')?.signals[0]).toMatchObject({ disposition: 'blocked', effect: 'handled' });
    expect(c.get('no-pids-limit')?.pids).toMatchObject({ limit: null, pidMaxSeenFrom: 'container', refusedForks: null });
    expect(await docker.listContainers({ all: true, filters: { label: [`zombie-lab=${sideRun}`] } })).toEqual([]);
  });

  it('--all changes nothing on a foreign-looking container: state, restart count and logs', async () => {
    const foreign = started.get('foreign')!;
    const before = await foreign.container.inspect();
    const logs = async () => String(await foreign.container.logs({ stdout: true, stderr: true, follow: false }));
    const logsBefore = await logs();
    const r = report(await cli(['inspect', '--all', '--json', '--run-id', runId]));
    const seen = r.containers.find((x) => x.id === foreign.id);
    expect(seen?.startedBy).toEqual({ kind: 'compose', project: 'shop', service: 'web' });
    expect(seen?.findings.find((f) => f.id === 'zombies-under-pid1')?.fix[0]).toBe('compose: add `init: true` to service "web"');
    const after = await foreign.container.inspect();
    expect(after.State).toEqual(before.State);
    expect(after.RestartCount).toBe(before.RestartCount);
    expect(await logs()).toBe(logsBefore);
    // and no sampler of ours was left anywhere
    expect(await docker.listContainers({ all: true, filters: { label: [`zombie-lab=${runId}`, 'zombie-lab.kind=sampler'] } })).toEqual([]);
  });

  it('usage errors exit 2 with one line', async () => {
    const none = await cli(['inspect']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/name one or more containers/);
    const bad = await cli(['inspect', '--all', '--fail-on', 'zombie']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown category "zombie"/);
    expect((await cli(['inspect', '--bogus'])).code).toBe(2);
    const missing = await cli(['inspect', `${runId}-nothing`, '--run-id', runId]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/no container named or with id/);
  });
});
