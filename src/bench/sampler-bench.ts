/**
 * `npm run bench -- sampler`: our sources (cgroup fast path, /proc on the worker, sidecar)
 * against the tools people reach for (`ps`, `docker top`, `docker exec`), on one container
 * at rest with 0 .. 20,000 zombies, timed in the same run. Prints a Markdown table.
 *
 * 20,000 zombies need a PID limit above MAX_PIDS_LIMIT: the container gets it only through
 * benchPidsAllowance, which checks that the host keeps BENCH_SPARE_PIDS free. One container
 * at a time, removed after each count and on every way out.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, release } from 'node:os';
import { promisify } from 'node:util';
import type Docker from 'dockerode';
import { BENCH_SPARE_PIDS, benchPidsAllowance, MAX_PIDS_LIMIT, type PidsAllowance } from '../core/container-spec.js';
import { percentile } from '../core/sampler-stats.js';
import { removeLabContainers } from '../engine/cleanup.js';
import { removeQuietly, type Started } from '../engine/containers.js';
import type { Connection } from '../engine/docker-connect.js';
import { execCountZombies } from '../engine/exec-count.js';
import { checkHostProc, NamespaceCache, pidsCgroupOf, readPidsAccounting } from '../engine/host-proc.js';
import { readyImages } from '../engine/images.js';
import { scanProc } from '../engine/proc-scan.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { nextScanDelayMs } from '../core/scan-pace.js';
import { sampleContainers } from '../engine/sampler/sample-containers.js';
import { DEFAULT_CHECK_BUDGET, DEFAULT_CHECK_EVERY_MS, type SampleTarget } from '../engine/sampler/sampler-options.js';
import { startSidecar } from '../engine/sidecar.js';
import { startZombieMaker } from '../engine/zombie-maker.js';
import { renderBenchTable, type BenchRow } from './bench-table.js';

const run = promisify(execFile);

export interface SamplerBenchOptions {
  counts: number[];
  /** How long each of our sources samples at 10 Hz, in ms. */
  windowMs: number;
  /** How long the live sampler runs (longer: its p99 needs samples), in ms. */
  liveWindowMs: number;
  /** Runs of each outside tool. */
  toolRuns: number;
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface SamplerBenchResult {
  rows: BenchRow[];
  machine: string[];
  notes: string[];
}

function stats(values: number[]): { median: number; p99: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function hostTasks(): number {
  // /proc/loadavg: "... running/total ..." where total counts every task (thread) on the host.
  const m = /\s\d+\/(\d+)\s/.exec(readFileSync('/proc/loadavg', 'utf8'));
  return m?.[1] ? Number(m[1]) : 0;
}

function pidMax(): number {
  return Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim());
}

async function timed<T>(fn: () => Promise<T>): Promise<{ us: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { us: (performance.now() - t0) * 1000, value };
}

async function waitUntil(check: () => boolean, ms: number, what: string, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    signal.throwIfAborted();
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function machineInfo(conn: Connection): string[] {
  const cpu = cpus();
  return [
    `CPU: ${cpu[0]?.model ?? '?'} (${cpu.length} cores)`,
    `kernel ${release()}, cgroup ${existsSync('/sys/fs/cgroup/cgroup.controllers') ? 'v2' : 'v1'}, pid_max ${pidMax()}`,
    `Docker ${conn.version} (API ${conn.apiVersion}), Node ${process.version}`,
    // A shared machine skews p99s and kernel times: say how busy it was.
    `load average at start: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
  ];
}

export async function runSamplerBench(conn: Connection, opts: SamplerBenchOptions): Promise<SamplerBenchResult> {
  const { docker } = conn;
  const runId = newRunId('sampler-bench');
  const owner = ownerFor(runId);
  const log = opts.log;
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const tags = await readyImages(docker, { signal: opts.signal }, (e) => {
    if (e.type === 'build-done') log(`image ${e.tag}: ${e.way}`);
  });

  let current: Started | null = null;
  // Where the engine is not on this kernel (a VM, Docker Desktop), only the sidecar and the engine's
  // own tools can count; pid_max and the tasks come from the engine's machine, through a sidecar.
  let remote = false;
  try {
    // Is the engine on this kernel? Known before the first PID allowance, which must read the right machine.
    {
      const probe = await startZombieMaker(docker, { owner, image: tags.base, zombies: 0, pidsLimit: 16, ttlS: 120 }, opts.signal);
      const v = checkHostProc(probe.initPid, probe.id);
      await removeQuietly(probe.container);
      if (!v.ok) {
        remote = true;
        log(`the engine is not on this kernel (${v.reason}): the sidecar only`);
      }
    }
    for (const n of opts.counts) {
      opts.signal.throwIfAborted();
      const pidsLimit = n + 64;
      let allowance: PidsAllowance | undefined;
      if (pidsLimit > MAX_PIDS_LIMIT) {
        const m = remote ? await engineMachine(docker, tags.base, owner, opts.signal) : { pidMax: pidMax(), tasks: hostTasks() };
        allowance = benchPidsAllowance(pidsLimit, m.pidMax, m.tasks);
        log(`${n} zombies: PID limit ${pidsLimit} above the lab's ${MAX_PIDS_LIMIT} (${allowance.why}${remote ? ", on the engine's machine" : ''})`);
      }
      const made0 = Date.now();
      current = await startZombieMaker(
        docker,
        { owner, image: tags.base, zombies: n, pidsLimit, memoryMb: Math.min(4096, 256 + Math.ceil(n / 10)), ttlS: 900, ...(allowance ? { pidsAllowance: allowance } : {}) },
        opts.signal,
      );
      const verdict = checkHostProc(current.initPid, current.id);
      if (!verdict.ok) {
        remote = true;
        rows.push(...(await benchSidecar(docker, current, n, tags.base, owner, 'auto', opts, made0)));
        rows.push(...(await benchSidecar(docker, current, n, tags.base, owner, 'proc', opts, made0)));
        // docker top and exec are timed against the local engine only: on a TCG guest an exec at
        // 20,000 zombies alone takes minutes, and the sidecar's numbers are the point here.
        await removeQuietly(current.container);
        current = null;
        continue;
      }
      const cgroup = pidsCgroupOf(current.initPid, undefined, current.id);
      await waitUntil(() => readPidsAccounting(cgroup)?.zombies === n, 30_000 + n * 3, `${n} zombies`, opts.signal);
      const madeS = (Date.now() - made0) / 1000;
      log(`${n} zombies made in ${madeS.toFixed(1)} s${n ? ` (${Math.round(n / madeS)}/s)` : ''}`);
      const target: SampleTarget = { key: 'bench', ns: verdict.ns, cgroup, pidsLimit };
      rows.push(...(await benchOurs(docker, current, target, n, tags.base, owner, opts)));
      rows.push(...(await benchTools(docker, current, n, opts, true)));
      await removeQuietly(current.container);
      current = null;
    }
  } finally {
    if (current) await removeQuietly(current.container);
    await removeLabContainers(docker, { runId });
  }
  notes.push(
    'CPU at 10 Hz: for our sources, the CPU time of the samples delivered over the window divided by its length (the /proc path and the sidecar slow down to stay within a quarter of a core, so their rate drops instead).',
    'Per-sample times are wall time and include the first system calls after the thread wakes from its 100 ms sleep, which on a VM cost tens of µs each (a lone fstat: ~50 µs); the same cgroup reads back to back take ~20 µs.',
    'The cross-check row shows the steady share its pacing allows; its first scan runs at once (and reads every namespace link once, so it costs more than later ones).',
    "For outside tools the work happens in ps, dockerd and runc, so the share shown in brackets is wall time × 10 Hz: above 100 % the tool cannot deliver 10 samples a second at all.",
    `Over ${MAX_PIDS_LIMIT} zombies the container runs with a benchmark-only PID limit, granted only while the host keeps at least ${BENCH_SPARE_PIDS} PIDs free (pid_max minus the tasks that exist).`,
  );
  if (remote) {
    notes.push(
      "Engine not on this kernel: every figure is the sidecar's own, measured in the engine's machine (costUs: the work of one sample there); the rate is what reached this host over the API.",
      "sidecar (pids cgroup): on cgroup v2 the sidecar has the engine's cgroup namespace (tree read-only) and reads the demo's pids cgroup every tick; its /proc cross-check runs in slices between ticks within 0.5 % of a core.",
    );
  }
  return { rows, machine: [...machineInfo(conn), ...(remote ? await engineInfo(docker) : [])], notes };
}

async function benchOurs(docker: Docker, started: Started, target: SampleTarget, n: number, baseImage: string, owner: ReturnType<typeof ownerFor>, opts: SamplerBenchOptions): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  // 1. The live sampler: fast path every tick, /proc cross-check on the worker (2 % budget).
  {
    const ac = new AbortController();
    const stop = setTimeout(() => ac.abort(), opts.liveWindowMs);
    const onAbort = () => ac.abort();
    opts.signal.addEventListener('abort', onAbort, { once: true });
    const costs: number[] = [];
    const checks = new Map<number, { costUs: number; zombies: number }>();
    let exact = true;
    let rate: number | null = null;
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    for await (const batch of sampleContainers(() => [target], { signal: ac.signal })) {
      for (const { sample } of batch) {
        costs.push(sample.costUs);
        exact &&= sample.zombies === n;
        rate = sample.rateHz ?? rate;
        if (sample.procCheck) checks.set(sample.t - sample.procCheck.ageMs, { costUs: sample.procCheck.costUs, zombies: sample.procCheck.zombies });
      }
    }
    const elapsedUs = (performance.now() - t0) * 1000;
    const elu = performance.eventLoopUtilization(elu0);
    clearTimeout(stop);
    opts.signal.removeEventListener('abort', onAbort);
    const s = stats(costs);
    const expectedTicks = Math.round(elapsedUs / 100_000);
    rows.push({
      zombies: n,
      method: '**live sampler: cgroup fast path**',
      medianUs: s.median,
      p99Us: s.p99,
      cpuPct: (costs.reduce((a, b) => a + b, 0) / elapsedUs) * 100,
      rateHz: rate,
      exact: exact ? 'yes' : 'no',
      note: `${costs.length}/${expectedTicks} ticks delivered; main thread busy ${(elu.utilization * 100).toFixed(2)} %`,
    });
    const c = [...checks.values()];
    if (c.length) {
      // Paced by its budget: over a short window its first scan would dominate, so the share
      // shown is the steady one its pacing gives (one scan every `gap`).
      const cs = stats(c.map((x) => x.costUs));
      const gapMs = nextScanDelayMs(cs.median / 1000, DEFAULT_CHECK_BUDGET, DEFAULT_CHECK_EVERY_MS);
      rows.push({
        zombies: n,
        method: `its /proc cross-check (worker, ${DEFAULT_CHECK_BUDGET * 100} % budget)`,
        medianUs: cs.median,
        p99Us: cs.p99,
        cpuPct: (cs.median / 1000 / gapMs) * 100,
        rateHz: 1000 / gapMs,
        exact: c.every((x) => x.zombies === n) ? 'yes' : 'no',
        note: `${c.length} scan(s) in ${(elapsedUs / 1e6).toFixed(0)} s; one every ${(gapMs / 1000).toFixed(1)} s`,
      });
    }
  }
  // 2. The /proc path as the source: worker thread, a quarter of a core at most.
  {
    const one = scanProc({ id: 0, namespaces: [target.ns], treeLimit: 0 }, new NamespaceCache());
    const procs = one.procs;
    const ac = new AbortController();
    const windowMs = Math.max(opts.windowMs, 5 * Math.max(100, one.costUs / 1000 / 0.25));
    const stop = setTimeout(() => ac.abort(), windowMs);
    const costs: number[] = [];
    let exact = true;
    let rate: number | null = null;
    const t0 = performance.now();
    for await (const batch of sampleContainers(() => [target], { signal: ac.signal, source: 'proc' })) {
      for (const { sample } of batch) {
        costs.push(sample.costUs);
        exact &&= sample.zombies === n;
        rate = sample.rateHz ?? rate;
      }
      if (opts.signal.aborted) ac.abort();
    }
    clearTimeout(stop);
    const elapsedUs = (performance.now() - t0) * 1000;
    const s = stats(costs);
    rows.push({
      zombies: n,
      method: '/proc path (worker, ≤ 25 % of a core)',
      medianUs: s.median,
      p99Us: s.p99,
      perProcUs: s.median / procs,
      cpuPct: (costs.reduce((a, b) => a + b, 0) / elapsedUs) * 100,
      rateHz: rate,
      exact: exact ? 'yes' : 'no',
      note: `${procs} processes on the host`,
    });
  }
  // 3. The sidecar (the remote-engine path), forced on this local engine.
  rows.push(...(await benchSidecar(docker, started, n, baseImage, owner, 'auto', opts, null)));
  return rows;
}

/** pid_max and the tasks of the engine's machine now, as a sidecar next to a small container of its own reads them. */
async function engineMachine(docker: Docker, baseImage: string, owner: ReturnType<typeof ownerFor>, signal: AbortSignal): Promise<{ pidMax: number; tasks: number }> {
  const probe = await startZombieMaker(docker, { owner, image: baseImage, zombies: 0, pidsLimit: 16, ttlS: 120 }, signal);
  try {
    const sc = await startSidecar(docker, { owner, image: baseImage, targetId: probe.id, ttlS: 60, way: 'proc', signal });
    await sc.close();
    if (!sc.way.pidMax || !sc.way.tasks) throw new Error("the sidecar could not read pid_max and the task count of the engine's machine");
    return { pidMax: sc.way.pidMax, tasks: sc.way.tasks };
  } finally {
    await removeQuietly(probe.container);
  }
}

async function engineInfo(docker: Docker): Promise<string[]> {
  const i = (await docker.info()) as { KernelVersion?: string; OperatingSystem?: string; CgroupVersion?: string; CgroupDriver?: string; NCPU?: number; MemTotal?: number };
  return [`engine's machine: ${i.OperatingSystem ?? '?'}, kernel ${i.KernelVersion ?? '?'}, cgroup v${i.CgroupVersion ?? '?'} (${i.CgroupDriver ?? '?'} driver), ${i.NCPU ?? '?'} CPU(s), ${Math.round((i.MemTotal ?? 0) / 2 ** 20)} MiB`];
}

/**
 * The sidecar next to `started`, on the way the engine allows ('auto': the pids cgroup on cgroup
 * v2) or forced to /proc. With `madeSince`, it first waits until the count reaches n (the zombies
 * are still being made: a remote engine's cgroup is out of our reach).
 */
async function benchSidecar(docker: Docker, started: Started, n: number, baseImage: string, owner: ReturnType<typeof ownerFor>, way: 'auto' | 'proc', opts: SamplerBenchOptions, madeSince: number | null): Promise<BenchRow[]> {
  const sc = await startSidecar(docker, { owner, image: baseImage, targetId: started.id, ttlS: 900, way, signal: opts.signal });
  const costs: number[] = [];
  // The cross-check's scans by when they ended; only one that began on the settled container is judged.
  const checks = new Map<number, { costUs: number; zombies: number; rateHz: number; settled: boolean }>();
  let exact = true;
  let rate: number | null = null;
  let first: number | null = null;
  let lastAt = 0;
  // A TCG guest makes about 20 zombies a second: give the count time to get there.
  const settleBy = Date.now() + 60_000 + n * 100;
  const cgroupWay = sc.way.way === 'cgroup';
  try {
    for await (const r of sc.readings) {
      const now = performance.now();
      if (madeSince !== null) {
        if (r.zombies !== n) {
          if (Date.now() > settleBy) throw new Error(`timed out waiting for ${n} zombies (the sidecar counts ${r.zombies})`);
          continue;
        }
        const madeS = (Date.now() - madeSince) / 1000;
        log(opts, `${n} zombies counted by the sidecar (${sc.way.way}) ${madeS.toFixed(1)} s after the start`);
        madeSince = null;
      }
      if (first === null) first = now;
      else {
        // The first reading includes python's start; time the steady ones.
        costs.push(r.costUs);
        exact &&= r.zombies === n;
        rate = r.rateHz ?? rate;
        lastAt = now;
        if (r.procCheck) checks.set(r.procCheck.endedAt, { costUs: r.procCheck.costUs, zombies: r.procCheck.zombies, rateHz: r.procCheck.rateHz, settled: r.procCheck.before === n });
      }
      const elapsed = now - first;
      // On the cgroup way the window lasts until a cross-check that began on the settled count
      // has ended (its first scan may have run while the zombies were made); a slow /proc way
      // (20,000 processes on a TCG guest) gets a longer window. Both bounded.
      const judged = !cgroupWay || [...checks.values()].some((c) => c.settled);
      if (opts.signal.aborted || (costs.length >= 5 && judged && elapsed > (cgroupWay ? opts.liveWindowMs : opts.windowMs)) || (costs.length >= 2 && elapsed > 120_000)) break;
    }
  } finally {
    await sc.close();
  }
  const elapsedUs = first !== null ? (lastAt - first) * 1000 : 0;
  const s = stats(costs);
  const rows: BenchRow[] = [
    {
      zombies: n,
      method: cgroupWay ? '**sidecar: pids cgroup (v2, engine cgroupns, read-only)**' : `sidecar: /proc in the PID namespace (≤ 25 %)${way === 'auto' ? '' : ', forced'}`,
      medianUs: s.median,
      p99Us: s.p99,
      ...(cgroupWay || n === 0 ? {} : { perProcUs: s.median / (n + 1) }),
      cpuPct: elapsedUs > 0 ? (costs.reduce((a, b) => a + b, 0) / elapsedUs) * 100 : null,
      rateHz: rate,
      exact: costs.length === 0 ? 'failed' : exact ? 'yes' : 'no',
      ...(cgroupWay ? { note: `${costs.length} samples in ${(elapsedUs / 1e6).toFixed(1)} s` } : sc.way.why ? { note: sc.way.why } : {}),
    },
  ];
  const all = [...checks.values()];
  const c = all.filter((x) => x.settled);
  if (cgroupWay && all.length) {
    const cs = stats((c.length ? c : all).map((x) => x.costUs));
    const gapMs = nextScanDelayMs(cs.median / 1000, DEFAULT_CHECK_BUDGET, DEFAULT_CHECK_EVERY_MS);
    rows.push({
      zombies: n,
      method: `its /proc cross-check (in slices, ${DEFAULT_CHECK_BUDGET * 100} % budget)`,
      medianUs: cs.median,
      p99Us: cs.p99,
      cpuPct: (cs.median / 1000 / gapMs) * 100,
      rateHz: 1000 / gapMs,
      exact: c.length === 0 ? 'failed' : c.every((x) => x.zombies === n) ? 'yes' : 'no',
      note: `${c.length} scan(s) begun on the settled count${all.length > c.length ? ` (${all.length - c.length} begun earlier not judged)` : ''}; one every ${(gapMs / 1000).toFixed(1)} s`,
    });
  }
  return rows;
}

function log(opts: SamplerBenchOptions, line: string): void {
  opts.log(line);
}

async function benchTools(docker: Docker, started: Started, n: number, opts: SamplerBenchOptions, local: boolean): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const tool = async (method: string, once: () => Promise<number | null>, note: (count: number | null) => string | undefined) => {
    const times: number[] = [];
    let count: number | null = null;
    for (let i = 0; i < opts.toolRuns; i++) {
      opts.signal.throwIfAborted();
      const r = await timed(once);
      times.push(r.us);
      count = r.value;
    }
    const s = stats(times);
    const row: BenchRow = { zombies: n, method, medianUs: s.median, p99Us: s.p99, cpuPct: null, wallPct: (s.median / 100_000) * 100, rateHz: null, exact: count === null ? 'failed' : count === n ? 'yes' : 'no' };
    const extra = note(count);
    if (extra) row.note = extra;
    rows.push(row);
  };
  if (local)
    await tool(
    '`ps -eo stat | grep -c Z` on the host',
    async () => {
      const { stdout } = await run('sh', ['-c', 'ps -eo stat | grep -c Z || true'], { maxBuffer: 1 << 20 });
      return Number(stdout.trim());
    },
    (c) => `counted ${c} on the whole host`,
  );
  await tool(
    '`docker top`',
    async () => {
      const top = (await started.container.top({ ps_args: '-o pid,stat' })) as { Titles: string[]; Processes: string[][] };
      const col = top.Titles.indexOf('STAT');
      return top.Processes.filter((p) => (p[col] ?? '').startsWith('Z')).length;
    },
    (c) => `counted ${c}: zombies have left the cgroup's task list`,
  );
  await tool(
    '`docker exec` + awk over /proc',
    async () => {
      const r = await execCountZombies(docker, started.id);
      return r.ok ? r.zombies : null;
    },
    (c) => (c === null ? 'exec failed' : 'needs a free PID in the container'),
  );
  return rows;
}

export function benchReport(result: SamplerBenchResult, cmd: string): string {
  return [
    '# Sampler benchmark',
    '',
    `A real run of \`${cmd}\`: one container at rest per zombie count (the zombies are made first, then`,
    'every method samples the same quiet container in the same run). "exact?" compares the count with',
    'the number of zombies the container holds.',
    '',
    'Machine:',
    '',
    ...result.machine.map((m) => `- ${m}`),
    '',
    ...renderBenchTable(result.rows),
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
  ].join('\n');
}
