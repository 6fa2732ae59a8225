/**
 * `zombie-lab inspect` on real inits, built offline from Debian 12's packages (images/inits):
 * runit's runsvdir, supervisord, s6-svscan, BusyBox's init and sh, tini, dumb-init, catatonit,
 * docker-init with a shell-form CMD, bash and dash scripts (exec, no exec, trap + wait), apps
 * that reap and that do not. Each prediction is checked against the kernel and the engine: who
 * reaps against the zombies read from /proc over several seconds, and docker stop's time and
 * exit code against a real docker stop. And a container that is paused, or exits while it is
 * read, gets no verdict.
 *
 * systemd is not among them: it cannot boot under the lab's limits (no capabilities, and cgroup
 * v1 mounted read-only: "Failed to allocate manager object"); its SIGTERM / SIGRTMIN+3 ways are
 * unit-tested (core/inspect/stop-chain.test.ts).
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { containerSpec, type SpecInput } from '../core/container-spec.js';
import { parseProcStat } from '../core/proc-stat.js';
import type { InspectReport } from '../core/inspect/report.js';
import { createAndStart, removeQuietly, stopTimed, type Started } from '../engine/containers.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { ensureInitsImage } from '../test-support/inits-image.js';
import { inspectReport, SIGTERM_HANDLER } from '../test-support/inspect-report.js';
import { runCli } from '../test-support/run-cli.js';

const conn = await dockerForTests();
const report = inspectReport;

/** Long enough that a prompt stop and the SIGKILL at the timeout cannot be confused on a loaded machine. */
const STOP_S = 10;
const APP = ['python3', '/work/app.py'];
const HANDLER = SIGTERM_HANDLER;

interface Case {
  key: string;
  input: Partial<SpecInput> & { cmd: string[] };
  stopSignal?: string;
  /** What PID 1 is: kind and init or program. */
  pid1: { kind: 'init' | 'shell' | 'app'; init?: string; program?: string };
}

const CASES: Case[] = [
  { key: 'runsvdir', input: { cmd: ['runsvdir', '-P', '/work/inits/runit'] }, pid1: { kind: 'init', init: 'runsvdir' } },
  { key: 'runsvdir-hup', input: { cmd: ['runsvdir', '-P', '/work/inits/runit'] }, stopSignal: 'SIGHUP', pid1: { kind: 'init', init: 'runsvdir' } },
  { key: 'supervisord', input: { cmd: ['supervisord', '-n', '-c', '/work/inits/supervisord.conf'] }, pid1: { kind: 'init', init: 'supervisord' } },
  { key: 's6-svscan', input: { cmd: ['s6-svscan', '/work/s6'] }, pid1: { kind: 'init', init: 's6-svscan' } },
  { key: 'busybox-init', input: { cmd: ['busybox', 'init'] }, pid1: { kind: 'init', init: 'busybox-init' } },
  // BusyBox's ash execs the last command of sh -c: the app is PID 1.
  { key: 'busybox-sh', input: { cmd: ['busybox', 'sh', '-c', 'cd / && python3 /work/app.py'] }, pid1: { kind: 'app', program: 'python3' } },
  { key: 'tini', input: { entrypoint: ['tini', '--'], cmd: APP }, pid1: { kind: 'init', init: 'tini' } },
  { key: 'dumb-init-sh', input: { entrypoint: ['dumb-init'], cmd: ['/bin/sh', '-c', 'python3 /work/app.py'] }, pid1: { kind: 'init', init: 'dumb-init' } },
  { key: 'catatonit', input: { entrypoint: ['catatonit', '--'], cmd: APP }, pid1: { kind: 'init', init: 'catatonit' } },
  // docker run --init with a shell-form CMD: docker-init → sh → app.
  { key: 'init-shell-form', input: { init: true, cmd: ['/bin/sh', '-c', 'python3 /work/app.py'] }, pid1: { kind: 'init', init: 'docker-init' } },
  { key: 'shell-form', input: { cmd: ['/bin/sh', '-c', 'python3 /work/app.py'] }, pid1: { kind: 'shell', program: 'sh' } },
  { key: 'bash-exec', input: { cmd: ['/work/inits/bash-exec.sh'] }, pid1: { kind: 'app', program: 'python3' } },
  { key: 'bash-stays', input: { cmd: ['/work/inits/bash-stays.sh'] }, pid1: { kind: 'shell', program: 'bash' } },
  { key: 'bash-trap-wait', input: { cmd: ['/work/inits/bash-trap-wait.sh'] }, pid1: { kind: 'shell', program: 'bash' } },
  { key: 'dash-exec', input: { cmd: ['/work/inits/dash-exec.sh'] }, pid1: { kind: 'app', program: 'python3' } },
  { key: 'dash-stays', input: { cmd: ['/work/inits/dash-stays.sh'] }, pid1: { kind: 'shell', program: 'dash' } },
  { key: 'dash-trap-wait', input: { cmd: ['/work/inits/dash-trap-wait.sh'] }, pid1: { kind: 'shell', program: 'dash' } },
  { key: 'app', input: { cmd: APP }, pid1: { kind: 'app', program: 'python3' } },
  { key: 'app-reaps', input: { cmd: APP, env: { APP_REAP: '1' } }, pid1: { kind: 'app', program: 'python3' } },
  { key: 'app-handler', input: { cmd: HANDLER }, pid1: { kind: 'app', program: 'python3' } },
  // The same app that never waits for its children, under two inits: the same verdict.
  { key: 'catatonit-live-parent', input: { entrypoint: ['catatonit', '--'], cmd: APP, env: { ZOMBIE_KIND: 'child', ZOMBIE_RATE: '1' } }, pid1: { kind: 'init', init: 'catatonit' } },
  { key: 'tini-live-parent', input: { entrypoint: ['tini', '--'], cmd: APP, env: { ZOMBIE_KIND: 'child', ZOMBIE_RATE: '1' } }, pid1: { kind: 'init', init: 'tini' } },
  { key: 'dumb-init-live-parent', input: { entrypoint: ['dumb-init'], cmd: APP, env: { ZOMBIE_KIND: 'child', ZOMBIE_RATE: '1' } }, pid1: { kind: 'init', init: 'dumb-init' } },
  { key: 's6-live-parent', input: { cmd: ['s6-svscan', '/work/s6'], env: { ZOMBIE_KIND: 'child', ZOMBIE_RATE: '1' } }, pid1: { kind: 'init', init: 's6-svscan' } },
];

/** Read through the sampler sidecar too: the same verdicts, except what needs a file it does not read. */
const THROUGH_SIDECAR = ['app', 'runsvdir', 'init-shell-form', 'bash-trap-wait'];

/** The zombies of a container's PID namespace, by parent, read from this host's /proc: key pid@start → ppid (host PIDs). */
function zombiesOf(initPid: number): Map<string, number> {
  const ns = readlinkSync(`/proc/${initPid}/ns/pid`);
  const out = new Map<string, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readlinkSync(`/proc/${name}/ns/pid`) !== ns) continue;
      const s = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (s?.state === 'Z') out.set(`${s.pid}@${s.startTime}`, s.ppid);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

function commsOf(initPid: number): string[] {
  const ns = readlinkSync(`/proc/${initPid}/ns/pid`);
  return readdirSync('/proc').flatMap((name) => {
    try {
      return /^\d+$/.test(name) && readlinkSync(`/proc/${name}/ns/pid`) === ns ? [readFileSync(`/proc/${name}/comm`, 'utf8').trim()] : [];
    } catch {
      return [];
    }
  });
}

interface Measured {
  /** PID 1's zombies at the start, how many of them were still there at the end, and its zombies at the end. */
  first: number;
  kept: number;
  end: number;
  /** The same for zombies under other (live) parents. */
  otherFirst: number;
  otherKept: number;
}

/** Who reaps, measured: the zombies followed for `ms`; one there the whole time is not being reaped. */
async function measureReaping(started: Map<string, Started>, ms: number): Promise<Map<string, Measured>> {
  const first = new Map([...started].map(([k, s]) => [k, zombiesOf(s.initPid)]));
  // The watch is the measurement: a fixed span, over which a reaper must have reaped.
  await new Promise((r) => setTimeout(r, ms));
  const out = new Map<string, Measured>();
  for (const [k, s] of started) {
    const now = zombiesOf(s.initPid);
    const before = [...first.get(k)!];
    const mine = (ppid: number) => ppid === s.initPid;
    const b1 = before.filter(([, pp]) => mine(pp));
    const bo = before.filter(([, pp]) => !mine(pp));
    out.set(k, {
      first: b1.length,
      kept: b1.filter(([z]) => now.has(z)).length,
      end: [...now.values()].filter(mine).length,
      otherFirst: bo.length,
      otherKept: bo.filter(([z]) => now.has(z)).length,
    });
  }
  return out;
}

describe.runIf(conn)('zombie-lab inspect on real inits from Debian packages', () => {
  const docker = conn!.docker;
  const runId = newRunId('hinsp-inits');
  const started = new Map<string, Started>();
  let image = '';
  let built: string[] = [];

  const spec = (c: Case, extra: Partial<SpecInput> = {}) => {
    const s = containerSpec({
      owner: ownerFor(runId),
      kind: 'probe',
      image,
      limits: { pidsLimit: 256, memoryMb: 96 },
      autoRemove: false,
      stopTimeoutS: STOP_S,
      ...c.input,
      ...extra,
      env: { ZOMBIE_RATE: '2', ZOMBIE_LAB_TTL: '600', ...c.input.env, ...extra.env },
      labels: { 'zombie-lab.test': c.key },
    });
    // docker run --stop-signal: the one setting the lab's spec has no field for.
    return c.stopSignal ? { ...s, StopSignal: c.stopSignal } : s;
  };

  beforeAll(async () => {
    const img = await ensureInitsImage(docker);
    image = img.tag;
    built = img.built;
    const all = await Promise.all(CASES.map(async (c) => [c.key, await createAndStart(docker, spec(c))] as const));
    for (const [k, s] of all) started.set(k, s);
    // Every workload runs: python3 somewhere in each namespace.
    await waitFor(() => ([...started.values()].every((s) => commsOf(s.initPid).includes('python3')) ? true : undefined), 30_000, 'python3 in every container');
  }, 900_000);

  afterAll(async () => {
    await Promise.all([...started.values()].map((s) => removeQuietly(s.container)));
    const left = await docker.listContainers({ all: true, filters: { label: [`zombie-lab=${runId}`] } });
    if (process.env.ZOMBIE_LAB_KEEP_IMAGES !== '1') for (const t of built.reverse()) await docker.getImage(t).remove().catch(() => undefined);
    expect(left).toEqual([]);
  }, 120_000);

  let rep: InspectReport;
  let sideRep: InspectReport;
  const byKey = () => new Map(rep.containers.map((c) => [CASES.find((k) => started.get(k.key)?.id === c.id)?.key ?? c.name, c]));

  it('tells each PID 1 apart, and judges reaping as the kernel shows it', async () => {
    // Zombies come at 2 a second: give the piles (and runsvdir's 5 s rounds) time to show.
    await waitFor(() => (zombiesOf(started.get('app')!.initPid).size >= 6 ? true : undefined), 30_000, 'zombies under the plain app');
    const sideRun = newRunId('hinsp-side');
    const [r, side, measured] = await Promise.all([
      runCli(['inspect', ...CASES.map((c) => started.get(c.key)!.id), '--json', '--run-id', runId], { env: { NO_COLOR: '1' }, timeoutMs: 120_000 }),
      runCli(['inspect', ...THROUGH_SIDECAR.map((k) => started.get(k)!.id), '--json', '--run-id', sideRun], { env: { NO_COLOR: '1', ZOMBIE_LAB_SAMPLER: 'sidecar' }, timeoutMs: 120_000 }),
      measureReaping(started, 9000),
    ]);
    sideRep = report(side);
    expect(await docker.listContainers({ all: true, filters: { label: [`zombie-lab=${sideRun}`] } })).toEqual([]);
    rep = report(r);
    expect(rep.errors).toEqual([]);
    expect(rep.notJudged).toEqual([]);
    const c = byKey();
    const rows: string[] = [];
    for (const k of CASES) {
      const got = c.get(k.key)!;
      expect(got.pid1, k.key).toMatchObject(k.pid1);
      const pid1 = got.reaping?.parents.find((p) => p.isPid1);
      const m = measured.get(k.key)!;
      rows.push(`${k.key}: PID 1 ${got.pid1.program}, reaping ${pid1?.verdict ?? 'none'} (measured under PID 1: ${m.first} zombies, ${m.kept} kept after 9 s, ${m.end} at the end; under others ${m.otherFirst}, ${m.otherKept} kept)`);
      // The kernel's word: PID 1's zombies still there 9 s later means nobody reaps them (the first read may
      // catch a child or two of an app between its exit and the app's wait: those go).
      const notReaped = m.first >= 3 && m.kept >= m.first - 2;
      const reaped = m.first > 0 && m.kept === 0;
      if (pid1?.verdict === 'does-not-reap') expect(notReaped, rows.at(-1)).toBe(true);
      // Reaped, or nothing left to judge: the orphans (2 a second) do not pile up under PID 1 over the 9 s,
      // beyond what runsvdir's 5 s rounds hold.
      if (pid1?.verdict !== 'does-not-reap') {
        expect(notReaped, rows.at(-1)).toBe(false);
        expect(m.end, rows.at(-1)).toBeLessThanOrEqual(14);
      }
      // A live parent's zombies that all stay: inspect blames that parent.
      if (m.otherFirst >= 3 && m.otherKept >= m.otherFirst - 2) expect(got.findings.map((f) => f.id), rows.at(-1)).toContain('zombies-live-parent');
      if (reaped) expect(got.findings.map((f) => f.id), rows.at(-1)).not.toContain('zombies-under-pid1');
      if (notReaped && m.first >= 3) expect(got.findings.map((f) => f.id), rows.at(-1)).toContain('zombies-under-pid1');
    }
    console.log(rows.join('\n'));
    // The cases the issue named: runit reaps on a timer, the plain app and exec'd scripts do not.
    expect(c.get('runsvdir')!.reaping?.parents.find((p) => p.isPid1)?.verdict).toBe('reaps');
    for (const k of ['app', 'bash-exec', 'dash-exec', 'busybox-sh']) expect(c.get(k)!.findings.map((f) => f.id), k).toContain('zombies-under-pid1');
    for (const k of ['runsvdir', 'supervisord', 's6-svscan', 'busybox-init', 'tini', 'catatonit', 'dumb-init-sh', 'init-shell-form', 'app-reaps']) expect(c.get(k)!.findings.map((f) => f.id), k).not.toContain('zombies-under-pid1');
    // The same never-waiting app under four inits: the same verdict, its parent blamed, not PID 1.
    for (const k of ['catatonit-live-parent', 'tini-live-parent', 'dumb-init-live-parent', 's6-live-parent']) {
      expect(c.get(k)!.findings.map((f) => f.id), k).toContain('zombies-live-parent');
      expect(c.get(k)!.findings.map((f) => f.id), k).not.toContain('zombies-under-pid1');
    }
    // Through the sidecar: the same, except that a script it cannot read is said so, not guessed.
    const sc = new Map(sideRep.containers.map((x) => [CASES.find((k) => started.get(k.key)?.id === x.id)?.key, x]));
    for (const k of THROUGH_SIDECAR) expect(sc.get(k)?.source, k).toBe('sidecar');
    expect(sc.get('app')!.findings.map((f) => f.id)).toContain('zombies-under-pid1');
    expect(sc.get('runsvdir')!.reaping?.parents.find((p) => p.isPid1)?.verdict).toBe('reaps');
    expect(sc.get('init-shell-form')!.stop).toMatchObject({ certain: true, endsOnSignal: true, expectedExit: 143, appGetsSignal: false });
    expect(sc.get('bash-trap-wait')!.stop).toMatchObject({ certain: false, endsOnSignal: false, expectedExit: null });
    expect(sc.get('bash-trap-wait')!.stop.prediction).toMatch(/cannot tell.*could not be read \(read through the sampler sidecar/);
    expect(sc.get('bash-trap-wait')!.findings.map((f) => f.id)).not.toContain('stop-signal-dropped');
  });

  it('predicts docker stop, and a real docker stop of each agrees: time and exit code', async () => {
    const c = byKey();
    const stops = await Promise.all(CASES.map(async (k) => ({ k: k.key, ...(await stopTimed(started.get(k.key)!, STOP_S)) })));
    const rows: string[] = [];
    for (const s of stops) {
      const p = c.get(s.k)!.stop;
      const row = `${s.k}: predicted ${p.endsOnSignal ? 'prompt' : 'timeout'} exit ${p.expectedExit ?? 'app'}; measured ${(s.stopMs / 1000).toFixed(1)} s exit ${s.exitCode}`;
      rows.push(row);
      if (p.endsOnSignal) expect(s.stopMs, row).toBeLessThan(STOP_S * 1000 * 0.75);
      else expect(s.stopMs, row).toBeGreaterThanOrEqual(STOP_S * 1000 * 0.95);
      if (p.expectedExit !== null) expect(s.exitCode, row).toBe(p.expectedExit);
    }
    console.log(rows.join('\n'));
    for (const k of CASES) started.delete(k.key);
    // The cases, by name.
    expect(c.get('bash-trap-wait')!.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: true });
    expect(c.get('dash-trap-wait')!.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143 });
    expect(c.get('init-shell-form')!.stop).toMatchObject({ endsOnSignal: true, expectedExit: 143, appGetsSignal: false, chain: ['docker-init', 'sh', 'python3'] });
    expect(c.get('init-shell-form')!.findings.map((f) => f.id)).toContain('app-sigkilled');
    expect(c.get('dumb-init-sh')!.stop.appGetsSignal).toBe(true);
    expect(c.get('runsvdir')!.stop).toMatchObject({ expectedExit: 0, appGetsSignal: false });
    expect(c.get('runsvdir-hup')!.stop).toMatchObject({ expectedExit: 111, appGetsSignal: true });
  });

  it('a container that exits while it is read, or is paused, gets no verdict', async () => {
    const exits: Case = { key: 'exits', input: { cmd: APP, env: { APP_EXIT_AFTER: '5', APP_EXIT_CODE: '3' } }, pid1: { kind: 'app' } };
    const paused: Case = { key: 'paused', input: { cmd: APP }, pid1: { kind: 'app' } };
    const [e, e2, p] = await Promise.all([createAndStart(docker, spec(exits)), createAndStart(docker, spec({ ...exits, key: 'exits-sidecar' })), createAndStart(docker, spec(paused))]);
    started.set('exits', e);
    started.set('exits-sidecar', e2);
    started.set('paused', p);
    await p.container.pause();
    // Their zombies pile up under PID 1: inspect follows them 6.5 s, and the app exits (code 3) 5 s after its start.
    await waitFor(() => (zombiesOf(e.initPid).size > 0 && zombiesOf(e2.initPid).size > 0 ? true : undefined), 10_000, 'zombies in the exiting containers');
    const [r, r2] = await Promise.all([
      runCli(['inspect', e.id, p.id, '--json', '--run-id', runId], { env: { NO_COLOR: '1' }, timeoutMs: 60_000 }),
      runCli(['inspect', e2.id, '--json', '--run-id', runId], { env: { NO_COLOR: '1', ZOMBIE_LAB_SAMPLER: 'sidecar' }, timeoutMs: 60_000 }),
    ]);
    const doc = report(r);
    expect(doc.containers).toEqual([]);
    expect(doc.notJudged.find((n) => n.id === e.id)).toMatchObject({ state: 'exited', during: true, exitCode: 3 });
    expect(doc.notJudged.find((n) => n.id === p.id)).toMatchObject({ state: 'paused', during: false });
    expect(r.code).toBe(2);
    expect(report(r2).notJudged).toMatchObject([{ id: e2.id, state: 'exited', during: true, exitCode: 3 }]);
    const text = await runCli(['inspect', p.id, '--run-id', runId], { env: { NO_COLOR: '1' } });
    expect(text.stdout).toMatch(/paused: its processes are frozen.*no verdict/);
    await p.container.unpause();
  });
});
