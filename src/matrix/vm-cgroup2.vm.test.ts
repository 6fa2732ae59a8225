/**
 * The engine matrix, the Docker Desktop case for real: another kernel with cgroup v2 (systemd
 * driver) and a newer Docker, in a Debian VM under qemu (TCG), reached over TCP from this host
 * (scripts/rig-vm.sh). From here the lab counts through its sidecar, which on cgroup v2 reads the
 * demo's pids cgroup; inside the guest the same checkout (9p, read-only) takes the fast path on
 * cgroup v2. TCG is slow: stop timeouts are longer, and what is asserted is what still holds —
 * no init sits out the whole timeout and ends 137, the inits end by SIGTERM (143) well before it.
 *
 * Its own config (vitest.vm.config.ts): `.ci/run` runs it after the rest of the matrix, so the
 * guest's two vCPUs get the machine to themselves.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { parse } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { listPods } from '../engine/pods/libpod.js';
import { podsReport, type PodsReport, threeLanes } from '../test-support/pods-report.js';
import { waitFor } from '../test-support/docker-for-tests.js';
import { checkLabOn, cli, explain, jsonOf, matrixPossible, startRig, type Rig } from './matrix-support.js';

const run = promisify(execFile);
const required = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';
const possible = matrixPossible('vm');
if (required && !possible) throw new Error('ZOMBIE_LAB_REQUIRE_DOCKER=1 but the VM rig cannot run here (needs root and qemu)');

const id = (name: string) => `mx-vm-${name}-${process.pid}`;
// Under emulation a SIGTERM'd init still takes seconds to go (6-8 s from this host, ~21 s with the
// lab itself inside the guest, measured on a loaded machine): the timeouts leave room for that, so
// "well before the timeout" (half of it) stays the lesson's gap and not a race.
const HOST_STOP_TIMEOUT_S = 30;
const GUEST_STOP_TIMEOUT_S = 60;

/** The grace period a Pod YAML file of the lab's asks for (the test follows the data). */
function graceOf(file: string): number {
  const doc = parse(readFileSync(path.join(PACKAGE_ROOT, file), 'utf8')) as { spec: { terminationGracePeriodSeconds: number } };
  return doc.spec.terminationGracePeriodSeconds;
}

interface CompareJson {
  engine: { why: string };
  sources: { source: string }[];
  results: { mode: string; pid1: string; zombiesPeak: number; exitCode: number | null; stopMs: number | null; pidsLimit?: number }[];
}

/** The lesson, as it must read on any engine however slow: the asserted gap is the whole stop timeout. */
function expectLesson(out: CompareJson, stopTimeoutS: number): void {
  const by = new Map(out.results.map((x) => [x.mode, x]));
  expect(by.get('no-init')?.zombiesPeak ?? 0).toBeGreaterThan(5);
  expect(by.get('no-init')?.exitCode).toBe(137);
  expect(by.get('no-init')?.stopMs ?? 0).toBeGreaterThanOrEqual((stopTimeoutS - 1) * 1000);
  for (const m of ['dumb-init', 'init']) {
    expect(by.get(m)?.exitCode, m).toBe(143);
    expect(by.get(m)?.stopMs ?? Infinity, m).toBeLessThan((stopTimeoutS * 1000) / 2);
    expect(by.get(m)?.zombiesPeak ?? Infinity, m).toBeLessThanOrEqual(2);
  }
}

/**
 * The pods' lesson as it must read on a slow engine: PID 1 per pod, the limit read back, zombies
 * and probe zombies only under the app as PID 1, the exit codes; of the stop times only what holds
 * under TCG (the app killed no sooner than its grace period).
 */
function expectPodsLesson(report: PodsReport): void {
  expect(report.way).toBe('kube-play');
  const { alone, shared, tini } = threeLanes(report);
  for (const l of [alone, shared, tini]) {
    expect(l.pidsMaxRead, l.pod).toBe(512);
    expect(l.probeRuns, l.pod).toBeGreaterThanOrEqual(1);
    expect(l.probeErrors, l.pod).toBe(0);
    expect(l.graceS, l.pod).toBe(graceOf(l.file));
  }
  expect([alone.pid1, alone.appNsPid]).toEqual(['python3', 1]);
  expect(shared.pid1).toBe('catatonit');
  expect(shared.appNsPid).toBeGreaterThan(1);
  expect([tini.pid1, tini.appNsPid]).toEqual(['tini', 1]);
  expect(alone.zombiesPeak).toBeGreaterThan(5);
  expect(alone.probeZombiesPeak).toBeGreaterThanOrEqual(1);
  for (const l of [shared, tini]) {
    expect(l.zombiesPeak, l.pod).toBeLessThanOrEqual(2);
    expect(l.probeZombiesPeak, l.pod).toBeLessThanOrEqual(1);
  }
  // The app as PID 1 sits out its own grace period and is killed; the others end on SIGTERM.
  expect(alone.exitCode).toBe(137);
  expect(alone.stopMs).toBeGreaterThanOrEqual(alone.graceS * 1000);
  for (const l of [shared, tini]) expect(l.exitCode, l.pod).toBe(143);
}

interface ScorecardRow {
  variant: string;
  zombies: number;
  stopExitCode: number;
  pid1: string;
  errors: string[];
}

/** The scorecard of python3 and docker-init, one run at a time (TCG), by variant; it must end 0 and without errors. */
async function scorecardOn(env: Record<string, string>, runId: string): Promise<Map<string, ScorecardRow>> {
  const r = await cli(['scorecard', '--json', '--variants', 'python3,docker-init', '--concurrency', '1', '--run-id', runId], env);
  expect(r.code, explain(r)).toBe(0);
  const rows = jsonOf<{ rows: ScorecardRow[] }>(r).rows;
  expect(rows.flatMap((x) => x.errors)).toEqual([]);
  return new Map(rows.map((x) => [x.variant, x]));
}

/** A client for a guest engine the rig forwards to 127.0.0.1 (tcp://127.0.0.1:PORT, no TLS). */
function tcpDocker(host: string): Docker {
  const url = new URL(host.replace(/^tcp:/, 'http:'));
  return new Docker({ host: url.hostname, port: Number(url.port) });
}

/** After `clean --images --all`: no container and no image tag of ours left on that engine. */
async function expectNothingOfOurs(docker: Docker): Promise<void> {
  expect(await docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } })).toEqual([]);
  expect((await docker.listImages()).flatMap((i) => i.RepoTags ?? []).filter((t) => t.includes('zombie-lab/'))).toEqual([]);
}

describe.runIf(possible)('a VM with cgroup v2 and its own Docker, over TCP (the Docker Desktop case)', () => {
  let rig: Rig;
  let env: Record<string, string>;
  beforeAll(async () => {
    rig = await startRig('vm', `mx-vm-${process.pid}`, { timeoutMs: 15 * 60_000 });
    env = { DOCKER_HOST: rig.env.DOCKER_HOST as string };
  });
  afterAll(async () => {
    await rig?.stop();
  });

  /** A shell command as root in the guest, over the rig's ssh. */
  const guestShell = async (cmd: string) => {
    try {
      const r = await run('bash', [path.join(PACKAGE_ROOT, 'scripts', 'rig-vm.sh'), 'ssh', rig.dir, cmd], { timeout: 10 * 60_000, maxBuffer: 16 << 20 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (err) {
      const e = err as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
    }
  };
  /** Runs the lab inside the guest, from the checkout shared over 9p, with this host's node. */
  const inGuest = (args: string[]) => guestShell(`cd ${rig.env.RIG_GUEST_LAB} && NO_COLOR=1 ${rig.env.RIG_GUEST_NODE} dist/bundle/cli.js ${args.join(' ')}`);
  /**
   * `pods --json` run by `lab` inside the guest, short (TCG): probes there take seconds each, and
   * Podman takes 10-20 s past a signal to report the exit with the lab sampling beside it.
   */
  const podsInGuest = async (lab: (args: string[]) => ReturnType<typeof guestShell>, name: string) => {
    const r = await lab(['pods', '--json', '--duration', '20s', '--pids-limit', '512', '--run-id', id(name)]);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    return podsReport(r);
  };
  /**
   * What Podman makes of a Pod's stop settings (grace 7 s, stopSignal SIGUSR1), from the container
   * it plays (never started): "StopTimeout StopSignal". `as` runs podman as its user.
   */
  const stopConfigInGuest = async (as: string) => {
    const pod = id('stopcfg');
    const yaml = `{apiVersion: v1, kind: Pod, metadata: {name: ${pod}}, spec: {terminationGracePeriodSeconds: 7, containers: [{name: app, image: docker.io/zombie-lab/zombie:latest, command: [python3, /root/fork.py], lifecycle: {stopSignal: SIGUSR1}}]}}`;
    const f = `/tmp/${pod}.yaml`;
    const r = await guestShell(
      `echo '${yaml}' > ${f} && chmod 644 ${f} && cd /tmp && ${as} sh -c 'podman kube play --start=false --network none ${f} >/dev/null && podman inspect ${pod}-app --format "{{.Config.StopTimeout}} {{.Config.StopSignal}}"; rc=$?; podman pod rm -f ${pod} >/dev/null; exit $rc'; rc=$?; rm -f ${f}; exit $rc`,
    );
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    return r.stdout.trim();
  };

  it('prepare imports the offline base into the guest engine and builds on it', async () => {
    const r = await cli(['prepare'], env);
    expect(r.code, explain(r)).toBe(0);
    expect(r.stdout).toContain(`engine: ${env.DOCKER_HOST} (DOCKER_HOST)`);
  });

  it('doctor from this host describes the guest engine: its kernel, cgroup v2 with the systemd driver, and the sidecar reading the pids cgroup', async () => {
    const r = await cli(['doctor'], env);
    expect(r.code, explain(r)).toBe(0);
    const hostKernel = (await run('uname', ['-r'])).stdout.trim();
    const engine = /engine: (Docker Engine \S+ \(API [\d.]+\) on .*, kernel (\S+), cgroup v2 \(systemd driver\))/.exec(r.stdout);
    expect(engine, explain(r)).not.toBeNull();
    expect(engine?.[2]).not.toBe(hostKernel);
    expect(r.stdout).toMatch(/this kernel: the engine runs elsewhere/);
    expect(r.stdout).toMatch(/\[ok {2}\] sampler: a sidecar container .*pids cgroup every tick \(cgroup v2/);
  });

  it('compare from this host counts through the sidecar on the guest cgroup and shows the lesson', async () => {
    const r = await cli(['compare', '--duration', '6s', '--stop-timeout', String(HOST_STOP_TIMEOUT_S), '--json', '--run-id', id('host')], env);
    expect(r.code, explain(r)).toBe(0);
    const out = jsonOf<CompareJson>(r);
    expect(out.sources.map((s) => s.source)).toEqual(['sidecar-cgroup']);
    expectLesson(out, HOST_STOP_TIMEOUT_S);
    // The limit reported is the one the guest kernel enforces.
    expect(out.results.find((x) => x.mode === 'no-init')?.pidsLimit).toBeGreaterThan(0);
  });

  it('inside the guest, the same checkout takes the fast path on cgroup v2', async () => {
    const r = await inGuest(['compare', '--duration', '6s', '--stop-timeout', String(GUEST_STOP_TIMEOUT_S), '--json', '--run-id', id('guest')]);
    expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
    const out = JSON.parse(r.stdout) as CompareJson;
    expect(out.sources.map((s) => s.source)).toEqual(['cgroup']);
    expectLesson(out, GUEST_STOP_TIMEOUT_S);
  });

  it('the scorecard measures its cells on the guest engine', async () => {
    const by = await scorecardOn(env, id('score'));
    expect(by.get('python3')).toMatchObject({ pid1: 'python3', stopExitCode: 137 });
    expect(by.get('docker-init')).toMatchObject({ pid1: 'docker-init', stopExitCode: 143 });
  });

  it('clean removes everything of ours from the guest engine', async () => {
    const r = await cli(['clean', '--images', '--all'], env);
    expect(r.code, explain(r)).toBe(0);
    await expectNothingOfOurs(tcpDocker(env.DOCKER_HOST as string));
  });

  // The same guest, a second engine: Podman 5 run by user zl from its systemd (lingering), on TCP
  // through qemu's hostfwd. On cgroup v2 systemd delegates the pids controller to the user, so a
  // PID limit holds there, unlike rootless on cgroup v1 (refused: rootless-*.matrix.test.ts).
  describe('rootless Podman in the same guest (cgroup v2, pids delegated)', () => {
    let podEnv: Record<string, string>;
    let podman: Docker;
    beforeAll(async () => {
      podEnv = { DOCKER_HOST: rig.env.RIG_ROOTLESS_PODMAN_HOST as string };
      podman = tcpDocker(podEnv.DOCKER_HOST as string);
      // Started by the user's systemd at boot, a little after dockerd: waited for, bounded.
      await waitFor(() => podman.ping().then(() => true, () => undefined), 180_000, "rootless Podman's API in the guest");
    });
    // A failure here shows what the guest saw: the Podman service's journal (its service once
    // ended mid-run in CI) and the kernel's last lines (an OOM kill).
    afterEach(async (ctx) => {
      if (ctx.task.result?.state !== 'fail') return;
      const r = await guestShell('journalctl --no-pager -n 60 _SYSTEMD_USER_UNIT=podman-tcp.service; journalctl --no-pager -n 20 --user-unit podman-tcp.service -M zl@ 2>/dev/null; dmesg | tail -n 20');
      console.log(`guest diagnostics after "${ctx.task.name}":\n${r.stdout}${r.stderr}`);
    });

    it('prepare imports the offline base into rootless Podman and builds on it', async () => {
      const r = await cli(['prepare'], podEnv);
      expect(r.code, explain(r)).toBe(0);
    });

    it('doctor describes it (rootless Podman 5, cgroup v2) and finds the PID limit held inside a container', async () => {
      const r = await cli(['doctor'], podEnv);
      expect(r.code, explain(r)).toBe(0);
      expect(r.stdout).toMatch(/^\[info\] engine: Podman 5\.\d+\.\d+ \(API [\d.]+\) on .*, cgroup v2 \(systemd driver\), rootless$/m);
      expect(r.stdout).toMatch(/^\[ok {2}\] PID limit inside a container: held: a container given --pids-limit (\d+) reads pids\.max \1 inside$/m);
      expect(r.stdout).toMatch(/^\[ok {2}\] --init: .*catatonit/m);
      expect(r.stdout).toMatch(/this kernel: the engine runs elsewhere/);
      // Podman 5.4's Docker API gives the sidecar a cgroup namespace of its own: doctor says so.
      expect(r.stdout).toMatch(/it scans \/proc \(the demo's cgroup is outside this container's cgroup namespace: Podman 5\.\d+\.\d+ ignores CgroupnsMode in its Docker API/);
    });

    it('compare counts through the sidecar and shows the lesson; the sidecars do not block the removals', async () => {
      const runId = id('rpodman');
      const r = await cli(['compare', '--duration', '6s', '--stop-timeout', String(HOST_STOP_TIMEOUT_S), '--json', '--run-id', runId], podEnv);
      expect(r.code, explain(r)).toBe(0);
      const out = jsonOf<CompareJson>(r);
      expect(out.sources.map((s) => s.source)).toEqual(['sidecar']);
      expectLesson(out, HOST_STOP_TIMEOUT_S);
      expect(out.results.find((x) => x.mode === 'no-init')?.pidsLimit).toBeGreaterThan(0);
      // Podman will not remove a container while a sidecar in its PID namespace is left.
      expect(await podman.listContainers({ all: true, filters: { label: [`zombie-lab=${runId}`] } })).toEqual([]);
    });

    it('the scorecard measures its cells there; --init is catatonit as podman-init, marked so', async () => {
      const by = await scorecardOn(podEnv, id('rpscore'));
      expect(by.get('python3')).toMatchObject({ pid1: 'python3', stopExitCode: 137 });
      expect(by.get('python3')?.zombies).toBeGreaterThan(0);
      expect(by.get('docker-init')).toMatchObject({ pid1: 'podman-init', stopExitCode: 143, zombies: 0 });
    });

    it('lab 01 on rootless Podman: the starting files fail the check, a right attempt passes', async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'zl-mx-vm-rpodman-'));
      try {
        const start = await checkLabOn(podEnv, 'zombies', root, null);
        expect(start.passed, explain(start.run)).toBe(false);
        expect(start.failed, explain(start.run)).not.toContain('the check could run');
        const solved = await checkLabOn(podEnv, 'zombies', root, 'right-docker-init-flag');
        expect(solved.failed, explain(solved.run)).toEqual([]);
        expect(solved.passed).toBe(true);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it('pods from this host are refused in one line with the fix, before any zombie, and leave nothing', async () => {
      const r = await cli(['pods', '--json', '--duration', '6s', '--run-id', id('rpods-host')], podEnv);
      expect(r.code, explain(r)).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^zombie-lab: Podman runs its pods where this host cannot see their processes .*join the pod's PID namespace/m);
      expect(r.stderr).toMatch(/^ {2}fix: run zombie-lab pods on the machine where Podman runs/m);
      expect(await listPods(podman, 'zombie-lab')).toEqual([]);
      expect((await podman.listContainers({ all: true })).map((c) => c.Names)).toEqual([]);
    });

    // Pods run inside the guest, where the lab counts them from the kernel: from this host it
    // refuses them (above: Podman lets no sidecar join a pod's PID namespace). There the lab
    // reaches zl's Podman on a socket of its own: dockerode takes TCP port 2376 for TLS, and the
    // socket-activated podman.socket starts too slowly under TCG for the lab's first call.
    describe('pods inside the guest', () => {
      const zlEnv = 'runuser -u zl -- env XDG_RUNTIME_DIR=/run/user/1000 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/1000/bus';
      const zlSock = '/run/user/1000/zl-rig-podman.sock';
      const zlUnit = `zl-rig-podman-${process.pid}`;
      /** The lab inside the guest as zl, on zl's rootless Podman. */
      const asZl = (args: string[]) =>
        guestShell(`cd ${rig.env.RIG_GUEST_LAB} && runuser -u zl -- env HOME=/home/zl DOCKER_HOST=unix://${zlSock} NO_COLOR=1 ${rig.env.RIG_GUEST_NODE} dist/bundle/cli.js ${args.join(' ')}`);
      beforeAll(async () => {
        const r = await guestShell(
          `set -e; ${zlEnv} systemd-run --user --quiet --collect --unit=${zlUnit} podman system service --time=0 unix://${zlSock}; ` +
            `for i in $(seq 1 60); do [ -S ${zlSock} ] && break; sleep 1; done; [ -S ${zlSock} ]`,
        );
        expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      });
      afterAll(async () => {
        await guestShell(`${zlEnv} systemctl --user stop ${zlUnit}; true`);
      });

      it('pods on rootless Podman 5.4, inside the guest: PID 1 per pod, zombies and probe zombies from the kernel, the stop with the grace period, nothing left', async () => {
        expectPodsLesson(await podsInGuest(asZl, 'rpods'));
        expect(await listPods(podman, 'zombie-lab')).toEqual([]);
        // Infra containers carry no labels of ours: every container counts, and every volume.
        expect((await podman.listContainers({ all: true })).map((c) => c.Names)).toEqual([]);
        expect((await podman.listVolumes()).Volumes ?? []).toEqual([]);
      });

      it('rootless Podman 5.4 takes terminationGracePeriodSeconds as the stop timeout and drops lifecycle.stopSignal', async () => {
        expect(await stopConfigInGuest(zlEnv)).toBe('7 SIGTERM');
        expect((await podman.listContainers({ all: true })).map((c) => c.Names)).toEqual([]);
      });

      // Rootful Podman 5.4 of the same guest, its API started here on a socket of the guest's own
      // (the lab runs beside it in the guest), with zl's images copied over: a prepare of its own
      // would take minutes under TCG.
      describe('rootful Podman 5.4 in the same guest', () => {
        const sock = '/run/zl-rig-rootful-podman.sock';
        const unit = `zl-rig-rootful-podman-${process.pid}`;
        const asRoot = (args: string[]) => guestShell(`cd ${rig.env.RIG_GUEST_LAB} && DOCKER_HOST=unix://${sock} NO_COLOR=1 ${rig.env.RIG_GUEST_NODE} dist/bundle/cli.js ${args.join(' ')}`);
        let copied: string[] = [];
        beforeAll(async () => {
          const r = await guestShell(
            `set -e; systemd-run --quiet --unit=${unit} --collect podman system service --time=0 unix://${sock}; ` +
              `cd /tmp; tags=$(${zlEnv} podman images --format '{{.Repository}}:{{.Tag}}' | grep -E '/zombie-lab/(base|zombie):' | grep -v ':<none>$'); ` +
              `${zlEnv} podman save -q -m $tags | podman load -q >/dev/null; echo $tags; ` +
              `for i in $(seq 1 60); do [ -S ${sock} ] && break; sleep 1; done; [ -S ${sock} ]`,
          );
          expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
          copied = r.stdout.trim().split(/\s+/).filter(Boolean);
        });
        afterAll(async () => {
          await guestShell(`podman rmi -f ${copied.join(' ')} >/dev/null 2>&1; systemctl stop ${unit}; true`);
        });

        it('pods on rootful Podman 5.4, inside the guest: the same lesson, nothing left', async () => {
          expectPodsLesson(await podsInGuest(asRoot, 'pods'));
          const left = await guestShell('podman pod ls -q; podman ps -aq; podman volume ls -q');
          expect(left.code, left.stderr).toBe(0);
          expect(left.stdout.trim()).toBe('');
        });

        it('rootful Podman 5.4 takes terminationGracePeriodSeconds as the stop timeout and drops lifecycle.stopSignal', async () => {
          expect(await stopConfigInGuest('env')).toBe('7 SIGTERM');
        });
      });
    });

    it('clean removes everything of ours from rootless Podman', async () => {
      const r = await cli(['clean', '--images', '--all'], podEnv);
      expect(r.code, explain(r)).toBe(0);
      await expectNothingOfOurs(podman);
    });
  });
});
