/**
 * The expert topics of the lesson, each measured on the real engine (docs/claims.md): which signal
 * docker stop sends and how long it waits, what dumb-init --rewrite and tini -e change, what a PID
 * limit counts, what the kernel does when PID 1 exits, and the three ways to an exit code of 137.
 * The engine's own timeline (its events: kill with the signal, oom, die) tells the causes apart.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';
import { LABEL_IMAGE, LABEL_RUN } from '../core/labels.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { startFactContainer } from '../test-support/fact-container.js';
import { removeLabContainers } from './cleanup.js';
import { removeQuietly, type Started } from './containers.js';
import { logsOf } from './container-logs.js';
import { pidsCgroupOf, readPids } from './host-proc.js';
import { ensureExtraImage, WORKLOAD_REPO } from './images.js';
import { buildFolder } from './folder-build.js';
import { newRunId } from './run-id.js';

const conn = await dockerForTests();
const runId = newRunId('expert-facts');
const cleanup: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const c of cleanup.reverse()) await c().catch(() => undefined);
  if (conn) await removeLabContainers(conn.docker, { runId });
});

interface StartOptions {
  entrypoint?: string[];
  pidsLimit?: number;
  memoryMb?: number;
  pidMode?: string;
  stopSignal?: string;
  stopTimeoutS?: number;
}

function start(image: string, cmd: string[], opts: StartOptions = {}): Promise<Started> {
  return startFactContainer(conn!.docker, runId, image, cmd, { ...opts, pidsLimit: opts.pidsLimit ?? 32 });
}

/** Waits until the container has printed `line`. */
async function printed(s: Started, line: string): Promise<void> {
  await waitFor(async () => ((await logsOf(s.container)).includes(line) ? true : undefined), 15_000, `"${line}" from the container`);
}

interface EngineEvent {
  action: string;
  signal?: string;
  exitCode?: string;
  /** The engine's own time of the event, in ms. */
  ms: number;
}

/** The engine's timeline of one container (docker events): kill (with its signal), oom, die (with its exit code). */
async function timeline(id: string, sinceMs: number): Promise<EngineEvent[]> {
  // `until` as a fraction of a second, which the engine takes and dockerode's typings (a number) do not.
  const stream = await conn!.docker.getEvents({
    since: Math.floor(sinceMs / 1000) - 1,
    until: (Date.now() / 1000 + 0.5).toFixed(3),
    filters: { container: [id], type: ['container'] },
  } as unknown as Parameters<Docker['getEvents']>[0]);
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { Action: string; timeNano: number; Actor?: { Attributes?: Record<string, string> } })
    .filter((e) => ['kill', 'oom', 'die'].includes(e.Action))
    .map((e) => {
      const a = e.Actor?.Attributes ?? {};
      return { action: e.Action, ...(a.signal ? { signal: a.signal } : {}), ...(a.exitCode ? { exitCode: a.exitCode } : {}), ms: e.timeNano / 1e6 };
    });
}

/** The timeline without times: what a reader of docker events sees in order. */
function steps(events: EngineEvent[]): string[] {
  return events.map((e) => [e.action, e.signal, e.exitCode].filter(Boolean).join(' '));
}

/** An app that handles nothing but what Python handles itself: SIGINT (KeyboardInterrupt). */
const PLAIN_APP = ['import time', 'print("up", flush=True)', 'while True: time.sleep(1)'].join('\n');

describe.runIf(conn)('expert facts about stopping, PID limits and exit codes on the real engine', () => {
  let image = '';
  it('has the workload image', async () => {
    image = (await ensureExtraImage(conn!.docker, 'workload', WORKLOAD_REPO)).tag;
    expect(image).toMatch(/^zombie-lab\/workload:/);
  });

  it('docker stop sends the stop signal: an app that handles only SIGINT waits out the timeout on SIGTERM (137), and ends at once with STOPSIGNAL SIGINT or --stop-signal SIGINT (130)', async () => {
    // The Dockerfile way: an image with STOPSIGNAL SIGINT on top of the workload.
    const ctx = await mkdtemp(path.join(tmpdir(), 'zl-stopsignal-'));
    cleanup.push(() => rm(ctx, { recursive: true, force: true }));
    await writeFile(path.join(ctx, 'Dockerfile'), `FROM ${image}\nSTOPSIGNAL SIGINT\n`);
    const tag = `zombie-lab/stopsignal-test:${runId}`;
    await buildFolder(conn!.docker, ctx, { tags: [tag], what: { kind: 'yours' }, onLine: () => undefined, labels: { [LABEL_RUN]: runId, [LABEL_IMAGE]: tag } });
    cleanup.push(() => conn!.docker.getImage(tag).remove({ force: true }));
    expect(((await conn!.docker.getImage(tag).inspect()).Config as { StopSignal?: string }).StopSignal).toBe('SIGINT');

    const t0 = Date.now();
    const [plain, dockerfile, flag] = await Promise.all([
      start(image, ['python3', '-c', PLAIN_APP]),
      start(tag, ['python3', '-c', PLAIN_APP]),
      start(image, ['python3', '-c', PLAIN_APP], { stopSignal: 'SIGINT' }),
    ]);
    try {
      await Promise.all([plain, dockerfile, flag].map((s) => printed(s, 'up')));
      await Promise.all([plain, dockerfile, flag].map((s) => s.container.stop({ t: 3 })));
      expect(await Promise.all([plain.exited, dockerfile.exited, flag.exited])).toEqual([137, 130, 130]);
      // SIGTERM reached no handler: the engine had to follow up with SIGKILL after the 3 s.
      const p = await timeline(plain.id, t0);
      expect(steps(p)).toEqual(['kill 15', 'kill 9', 'die 137']);
      expect(p[1]!.ms - p[0]!.ms).toBeGreaterThanOrEqual(2900);
      // SIGINT raised KeyboardInterrupt: Python ended by itself, no SIGKILL was needed.
      for (const s of [dockerfile, flag]) expect(steps(await timeline(s.id, t0))).toEqual(['kill 2', 'die 130']);
      expect(await logsOf(flag.container)).toContain('KeyboardInterrupt');
    } finally {
      await Promise.all([plain, dockerfile, flag].map((s) => removeQuietly(s.container)));
    }
  });

  it('the grace period is the stop timeout of the container (--stop-timeout, compose stop_grace_period): SIGKILL follows SIGTERM after 2 s, not 10', async () => {
    const t0 = Date.now();
    const s = await start(image, ['python3', '-c', PLAIN_APP], { stopTimeoutS: 2 });
    try {
      await printed(s, 'up');
      // No t: the engine takes the container's own StopTimeout.
      await s.container.stop();
      expect(await s.exited).toBe(137);
      const t = await timeline(s.id, t0);
      expect(steps(t)).toEqual(['kill 15', 'kill 9', 'die 137']);
      const grace = t[1]!.ms - t[0]!.ms;
      expect(grace).toBeGreaterThanOrEqual(1900);
      expect(grace).toBeLessThan(10_000);
    } finally {
      await removeQuietly(s.container);
    }
  });

  it('dumb-init --rewrite 15:3 turns docker stop\'s SIGTERM into SIGQUIT for the app; tini -e 143 maps the exit of a SIGTERM death to 0', async () => {
    // An app that shuts down gracefully on SIGQUIT only (as nginx does), and says which signal came.
    const quitApp = [
      'import signal, sys, time',
      'def got(n, _):',
      '    print("got " + signal.Signals(n).name, flush=True)',
      '    sys.exit(0)',
      'signal.signal(signal.SIGQUIT, got)',
      'print("up", flush=True)',
      'while True: time.sleep(1)',
    ].join('\n');
    const runs = await Promise.all([
      start(image, ['python3', '-c', quitApp], { entrypoint: ['dumb-init'] }),
      start(image, ['python3', '-c', quitApp], { entrypoint: ['dumb-init', '--rewrite', '15:3'] }),
      start(image, ['python3', '-c', PLAIN_APP], { entrypoint: ['tini', '--'] }),
      start(image, ['python3', '-c', PLAIN_APP], { entrypoint: ['tini', '-e', '143', '--'] }),
    ]);
    try {
      await Promise.all(runs.map((s) => printed(s, 'up')));
      await Promise.all(runs.map((s) => s.container.stop({ t: 5 })));
      const [dumb, rewrite, tini, tiniE] = runs;
      // Plain dumb-init forwards SIGTERM as it is: the app dies of it, 128 + 15.
      expect(await dumb.exited).toBe(143);
      expect(await logsOf(dumb.container)).not.toContain('got ');
      // With --rewrite the app gets SIGQUIT, runs its handler and exits 0.
      expect(await rewrite.exited).toBe(0);
      expect(await logsOf(rewrite.container)).toContain('got SIGQUIT');
      expect(await tini.exited).toBe(143);
      expect(await tiniE.exited).toBe(0);
    } finally {
      await Promise.all(runs.map((s) => removeQuietly(s.container)));
    }
  });

  it('a PID limit counts threads: one process with 15 threads fills pids.max 16, and the next thread is refused', async () => {
    const threads = [
      'import os, threading, time',
      'ev = threading.Event()',
      'n = 0',
      'while True:',
      '    try: threading.Thread(target=ev.wait, daemon=True).start()',
      '    except RuntimeError as e:',
      '        print("refused: %s" % e, flush=True)',
      '        break',
      '    n += 1',
      'print("threads=%d processes=%d" % (n, len([p for p in os.listdir("/proc") if p.isdigit()])), flush=True)',
      'time.sleep(60)',
    ].join('\n');
    const s = await start(image, ['python3', '-c', threads], { pidsLimit: 16 });
    try {
      await printed(s, 'threads=');
      const log = await logsOf(s.container);
      // One process (its main thread and 15 more): the 17th task is refused, so Python can start no thread.
      expect(log).toContain("refused: can't start new thread");
      expect(log).toMatch(/threads=15 processes=1\b/);
      const pids = readPids(pidsCgroupOf(s.initPid, undefined, s.id));
      expect(pids.current).toBe(16);
      expect(pids.max).toBe(16);
      expect(pids.refusedForks).toBeGreaterThanOrEqual(1);
    } finally {
      await removeQuietly(s.container);
    }
  });

  it('when PID 1 exits, the kernel SIGKILLs every other process of its namespace: children that ignore SIGTERM die at once (137)', async () => {
    const ignoreTerm = 'for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP): signal.signal(s, signal.SIG_IGN)';
    // PID 1 starts a child that ignores the polite signals, and exits 0 on SIGUSR1.
    const pid1 = [
      'import os, signal, sys, time',
      'if os.fork() == 0:',
      `    ${ignoreTerm}`,
      '    print("child ignores TERM", flush=True)',
      '    while True: time.sleep(1)',
      'signal.signal(signal.SIGUSR1, lambda *_: sys.exit(0))',
      'while True: time.sleep(1)',
    ].join('\n');
    const other = ['import signal, time', ignoreTerm, 'print("up", flush=True)', 'while True: time.sleep(1)'].join('\n');
    const t0 = Date.now();
    const a = await start(image, ['python3', '-c', pid1]);
    try {
      // A second container in A's PID namespace: its process is one more non-PID-1 process there.
      const b = await start(image, ['python3', '-c', other], { pidMode: `container:${a.id}` });
      try {
        await Promise.all([printed(a, 'child ignores TERM'), printed(b, 'up')]);
        const child = await waitFor(() => {
          const kids = readChildren(a.initPid);
          return kids.length ? kids[0] : undefined;
        }, 5000, "PID 1's child on the host");
        expect(existsSync(`/proc/${child}`)).toBe(true);
        await a.container.kill({ signal: 'SIGUSR1' });
        expect(await a.exited).toBe(0);
        // B's process ignored SIGTERM, yet it died of SIGKILL, and nobody but the kernel sent one.
        expect(await b.exited).toBe(137);
        expect(steps(await timeline(b.id, t0))).toEqual(['die 137']);
        expect(existsSync(`/proc/${child}`)).toBe(false);
      } finally {
        await removeQuietly(b.container);
      }
    } finally {
      await removeQuietly(a.container);
    }
  });

  it('exit 137 has three causes the engine tells apart: docker stop after its timeout, docker kill, and the OOM killer (OOMKilled)', async () => {
    const hog = ['b = []', 'while True: b.append(bytearray(4 << 20))'].join('\n');
    const t0 = Date.now();
    const [stopped, killed] = await Promise.all([start(image, ['python3', '-c', PLAIN_APP]), start(image, ['python3', '-c', PLAIN_APP])]);
    try {
      await Promise.all([printed(stopped, 'up'), printed(killed, 'up')]);
      await Promise.all([stopped.container.stop({ t: 1 }), killed.container.kill()]);
      const oom = await start(image, ['python3', '-c', hog], { memoryMb: 32 });
      try {
        expect(await Promise.all([stopped.exited, killed.exited, oom.exited])).toEqual([137, 137, 137]);
        const [si, ki, oi] = await Promise.all([stopped, killed, oom].map((s) => s.container.inspect()));
        // OOMKilled is false for the two the engine killed. For the OOM kill it is true as a rule (8 of 8 here), but
        // Docker 20.10 can lose it when it handles the exit before the oom (1 of 10 seen under load): the oom event
        // below is the surer sign, and the lesson says so.
        expect([si!.State.OOMKilled, ki!.State.OOMKilled]).toEqual([false, false]);
        expect(typeof oi!.State.OOMKilled).toBe('boolean');
        // The timelines: SIGTERM then SIGKILL; SIGKILL alone; no signal from the engine at all, an oom.
        expect(steps(await timeline(stopped.id, t0))).toEqual(['kill 15', 'kill 9', 'die 137']);
        expect(steps(await timeline(killed.id, t0))).toEqual(['kill 9', 'die 137']);
        // The oom event can reach the engine's log after the die (the race above), and the kernel may report more
        // than one OOM in the cgroup before the kill lands: wait for it, and compare the kinds of step, not their count.
        const oomSteps = await waitFor(async () => {
          const s = steps(await timeline(oom.id, t0));
          return s.includes('oom') && s.includes('die 137') ? s : undefined;
        }, 10_000, "the oom container's oom and die events");
        expect([...new Set(oomSteps)].sort()).toEqual(['die 137', 'oom']);
      } finally {
        await removeQuietly(oom.container);
      }
    } finally {
      await Promise.all([stopped, killed].map((s) => removeQuietly(s.container)));
    }
  });
});

/** The host PIDs of a process's children (its main thread's children file). */
function readChildren(pid: number): number[] {
  try {
    const text = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
