/**
 * Sampling from inside a container's PID namespace, through the Docker API only: for engines
 * whose /proc is not ours. A sidecar container joins the demo's PID namespace (PidMode
 * container:<id>) in a cgroup of its own, runs images/sampler/sampler.py (never forks, one JSON
 * line per sample) and is read over attach. Closing its stdin ends it; so does the demo's end.
 *
 * On a cgroup v2 engine the sidecar also gets the engine's cgroup namespace (the tree stays
 * read-only, every other limit stays) and reads the demo's pids cgroup every tick, as the lab's
 * own fast path does here, with /proc as its paced cross-check; the cross-check's verdicts are
 * judged here (CrossCheck), and three quiet disagreements by the same difference send it back to /proc.
 */
import { LABEL_TARGET } from '../core/labels.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { accountingFromCounts, type PidsAccounting } from '../core/cgroup-files.js';
import { containerSpec } from '../core/container-spec.js';
import { CrossCheck } from '../core/cross-check.js';
import type { Owner } from '../core/labels.js';
import type { ProcEntry } from '../core/run-events.js';
import { confirmedZombies, type Sample } from '../core/sample.js';
import { parseStatusMasks, type SignalMasks } from '../core/signal-mask.js';
import { createAndStart, removeQuietly, type Started } from './containers.js';
import { factsOf } from './engine-facts.js';
import { withTimeout, settleWithin } from './timeout.js';
import { IMAGES_DIR } from './package-paths.js';
import { sampleFromCgroup } from './sampler/host-samples.js';
import { DEFAULT_CHECK_BUDGET, DEFAULT_CHECK_EVERY_MS } from './sampler/sampler-options.js';


/** The /proc counts of one scan inside the PID namespace. */
export interface ProcCounts {
  zombies: number;
  live: number;
  threads: number;
}

/** One reading of the sidecar, as the lab uses it. */
export interface SidecarReading extends ProcCounts {
  pid1: string | null;
  costUs: number;
  rateHz?: number;
  tree?: [number, number, string, string][];
  /** PID 1's signal masks from /proc/1/status (hex), in a one-shot reading. */
  SigBlk?: string;
  SigIgn?: string;
  SigCgt?: string;
  /** PID 1's command line (/proc/1/cmdline split at NULs), in a one-shot reading. */
  pid1cmd?: string[];
  /** The engine kernel's pid_max, in a one-shot reading. */
  pidMax?: number;
  /** The highest PID in the namespace (the sampler's own excluded), in a one-shot reading. */
  lastPid?: number;
  /** The namespace's PID counter (/proc/sys/kernel/ns_last_pid read inside it, the sampler's own PID included), in a one-shot reading. */
  nsLastPid?: number;
  /** The sampler's own PID in the namespace: the first its start took. */
  nsSelfPid?: number;
  /** [pid, argv] of the live processes in the tree, in a one-shot reading. */
  cmds?: [number, string[]][];
  /** On the cgroup way: the demo's pids cgroup (zombies/live/threads above come from it, zombies confirmed over two ticks). */
  cgroup?: PidsAccounting;
  /**
   * On the cgroup way: the last /proc cross-check (its count, cost, age and pace; `before`: the
   * cgroup's count when it began, `endedAt`: when it ended, on this host's clock, the same on
   * every reading that carries it).
   */
  procCheck?: { zombies: number; ageMs: number; costUs: number; rateHz: number; before: number; endedAt: number };
}

/** Which way the sidecar counts: its first line. */
export interface SidecarWay {
  way: 'cgroup' | 'proc';
  /** Why not the cgroup (null on the cgroup way). */
  why: string | null;
  /** The demo's cgroup directory as the sidecar sees it. */
  cgroup: string | null;
  /** The engine machine's pid_max and the tasks on it when the sidecar started. */
  pidMax?: number;
  tasks?: number;
}

export interface SidecarOptions {
  owner: Owner;
  /** The lab's base image: python3 is there. */
  image: string;
  targetId: string;
  intervalMs?: number;
  /** Share of one core the sidecar's /proc scan may use when it is the source (default 0.25). */
  budget?: number;
  treeLimit?: number;
  ttlS?: number;
  /** The engine's cgroup version (from `docker info`); asked of the engine when not given. */
  cgroupVersion?: 1 | 2;
  /** 'proc': scan /proc even on cgroup v2 (to compare the two ways). */
  way?: 'auto' | 'proc';
  /** Readings that also carry PID 1's signal masks and pid_max (for one-shot measurements). */
  once?: boolean;
  signal?: AbortSignal;
  /** Doctor's probe: the sampler runs even where the PID-limit gate would refuse a demo. */
  diagnostic?: boolean;
}

export interface Sidecar {
  started: Started;
  /** How it counts (it may go back to /proc later, after the cross-check disagreed twice). */
  way: SidecarWay;
  /** Readings as they arrive; ends when the sidecar ends. */
  readings: AsyncGenerator<SidecarReading>;
  /** The last lines the sampler wrote to stderr (why it ended, if it failed). */
  stderrTail(): string;
  /** Closes stdin (the sampler ends itself) and removes the container. */
  close(): Promise<void>;
}

/** The line sampler.py writes: /proc counts, or on the cgroup way `cg` (and `proc` after a scan). */
interface WireLine {
  way?: 'cgroup' | 'proc';
  why?: string | null;
  cgroup?: string | null;
  pidMax?: number;
  tasks?: number;
  zombies?: number;
  live?: number;
  threads?: number;
  pid1?: string | null;
  costUs?: number;
  rateHz?: number;
  procRateHz?: number;
  tree?: [number, number, string, string][];
  SigBlk?: string;
  SigIgn?: string;
  SigCgt?: string;
  pid1cmd?: string[];
  lastPid?: number;
  nsLastPid?: number;
  nsSelfPid?: number;
  cmds?: [number, string[]][];
  /** [pids.current, threads listed, processes listed, pids.max (-1: max), refused forks, pids.peak (-1: none)] */
  cg?: number[];
  /** [zombies, live, threads, scan cost µs, cgroup zombies when the scan began, ms since it ended] */
  proc?: number[];
}

function parseLine(line: string): WireLine | null {
  try {
    const r = JSON.parse(line) as unknown;
    return r && typeof r === 'object' ? (r as WireLine) : null;
  } catch {
    return null;
  }
}

/** A /proc-way line as a reading (the cgroup way's lines go through the cross-check in startSidecar). */
export function parseReading(line: string): SidecarReading | null {
  const r = parseLine(line);
  if (!r || typeof r.zombies !== 'number' || typeof r.live !== 'number' || typeof r.threads !== 'number') return null;
  return { zombies: r.zombies, live: r.live, threads: r.threads, pid1: r.pid1 ?? null, costUs: r.costUs ?? 0, ...(r.rateHz !== undefined ? { rateHz: r.rateHz } : {}), ...(r.tree ? { tree: r.tree } : {}), ...onceFields(r) };
}

/** PID 1's signal masks and pid_max, on one-shot readings. */
function onceFields(r: WireLine): Pick<SidecarReading, 'SigBlk' | 'SigIgn' | 'SigCgt' | 'pid1cmd' | 'pidMax' | 'lastPid' | 'nsLastPid' | 'nsSelfPid' | 'cmds'> {
  return {
    ...(r.lastPid !== undefined ? { lastPid: r.lastPid } : {}),
    ...(Number.isInteger(r.nsLastPid) ? { nsLastPid: r.nsLastPid } : {}),
    ...(Number.isInteger(r.nsSelfPid) ? { nsSelfPid: r.nsSelfPid } : {}),
    ...(Array.isArray(r.cmds) ? { cmds: r.cmds } : {}),
    ...(Array.isArray(r.pid1cmd) ? { pid1cmd: r.pid1cmd } : {}),
    ...(r.SigBlk !== undefined ? { SigBlk: r.SigBlk } : {}),
    ...(r.SigIgn !== undefined ? { SigIgn: r.SigIgn } : {}),
    ...(r.SigCgt !== undefined ? { SigCgt: r.SigCgt } : {}),
    ...(r.pidMax !== undefined ? { pidMax: r.pidMax } : {}),
  };
}

/** The cgroup counts of a cgroup-way line, in the lab's own accounting. */
export function cgroupOfLine(cg: number[]): PidsAccounting | null {
  if (cg.length < 6 || !cg.every(Number.isInteger)) return null;
  const [pidsUsed, threads, processes, max, refused, peak] = cg as [number, number, number, number, number, number];
  return accountingFromCounts({ pidsUsed, threads, processes, pidsMax: max < 0 ? null : max, refusedForks: refused, peak: peak < 0 ? null : peak });
}

/** A reading as a Sample: the cgroup's own numbers on the cgroup way; on the /proc way PIDs used are live threads plus zombies. */
export function sampleFromReading(r: SidecarReading, t: number, pidsLimit: number): Sample {
  if (r.cgroup) {
    return {
      ...sampleFromCgroup(r.cgroup, t, pidsLimit, r.costUs),
      zombies: r.zombies,
      source: 'sidecar-cgroup',
      ...(r.rateHz !== undefined ? { rateHz: r.rateHz } : {}),
      ...(r.procCheck ? { procCheck: { zombies: r.procCheck.zombies, ageMs: r.procCheck.ageMs, costUs: r.procCheck.costUs, rateHz: r.procCheck.rateHz } } : {}),
    };
  }
  const pidsUsed = r.threads + r.zombies;
  return {
    t,
    zombies: r.zombies,
    live: r.live,
    pidsUsed,
    pidsLimit,
    // pids.events lives in the engine's cgroups, out of reach from inside: a full table is the sign.
    forkFailures: null,
    costUs: r.costUs,
    source: 'sidecar',
    limitHit: pidsUsed >= pidsLimit,
    ...(r.rateHz !== undefined ? { rateHz: r.rateHz } : {}),
  };
}

/** PID 1's masks from a one-shot reading (null without them). */
export function masksOfReading(r: SidecarReading): SignalMasks | null {
  return r.SigCgt !== undefined ? parseStatusMasks(`SigBlk:\t${r.SigBlk ?? '0'}\nSigIgn:\t${r.SigIgn ?? '0'}\nSigCgt:\t${r.SigCgt}\n`) : null;
}

export function treeFromReading(r: SidecarReading): ProcEntry[] | undefined {
  return r.tree?.map(([pid, ppid, comm, state]) => ({ pid, ppid, comm, state }));
}

/**
 * Turns the sidecar's lines into readings, keeping what spans lines: the previous cgroup count
 * (confirmedZombies), the last /proc scan and its tree, and the cross-check. `toProc` asks the
 * sidecar to scan /proc instead (after three quiet disagreements by the same difference).
 */
export class SidecarLines {
  private previous: number | undefined;
  private check = new CrossCheck();
  private lastProc: { counts: ProcCounts; costUs: number; rateHz: number; before: number; endedAt: number } | null = null;
  private tree: [number, number, string, string][] | undefined;
  way: SidecarWay | null = null;

  constructor(private readonly toProc: () => void) {}

  /** A reading, or null for lines that are not one (the way line, noise). */
  take(line: string, now = Date.now()): SidecarReading | null {
    const w = parseLine(line);
    if (!w) return null;
    if (w.way) {
      this.way = { way: w.way, why: w.why ?? null, cgroup: w.cgroup ?? null, ...(w.pidMax ? { pidMax: w.pidMax } : {}), ...(w.tasks ? { tasks: w.tasks } : {}) };
      return null;
    }
    if (!w.cg) {
      // The /proc way: the same two-reading rule, so a child between exit and reap is no "peak".
      const r = parseReading(line);
      if (!r) return null;
      const raw = r.zombies;
      r.zombies = confirmedZombies(this.previous, raw);
      this.previous = raw;
      return r;
    }
    const acc = cgroupOfLine(w.cg);
    if (!acc) return null;
    if (w.tree) this.tree = w.tree;
    if (w.proc && w.proc.length >= 6) {
      const [zombies, live, threads, costUs, before, ageMs] = w.proc as [number, number, number, number, number, number];
      this.lastProc = { counts: { zombies, live, threads }, costUs, rateHz: w.procRateHz ?? 0, before, endedAt: now - ageMs };
      // The sidecar's count when the scan began against the count now: only a quiet container can be judged.
      if (this.check.judge(before, acc.zombies, zombies) === 'fall-back') this.toProc();
    }
    const zombies = confirmedZombies(this.previous, acc.zombies);
    this.previous = acc.zombies;
    const p = this.lastProc;
    return {
      zombies,
      live: acc.processes,
      threads: acc.threads,
      pid1: w.pid1 ?? null,
      costUs: w.costUs ?? 0,
      cgroup: acc,
      ...(w.rateHz !== undefined ? { rateHz: w.rateHz } : {}),
      ...(this.tree ? { tree: this.tree } : {}),
      ...(p ? { procCheck: { zombies: p.counts.zombies, ageMs: now - p.endedAt, costUs: p.costUs, rateHz: p.rateHz, before: p.before, endedAt: p.endedAt } } : {}),
      ...onceFields(w),
    };
  }
}

/** The engine's cgroup version, from its `docker info` (1 when it does not say, or does not answer in time). */
async function engineCgroupVersion(docker: Docker): Promise<1 | 2> {
  return (await factsOf({ docker }).catch(() => null))?.cgroupVersion === 2 ? 2 : 1;
}

let script: Promise<string> | null = null;
function samplerScript(): Promise<string> {
  script ??= readFile(path.join(IMAGES_DIR, 'sampler', 'sampler.py'), 'utf8');
  return script;
}

/** How long python may take to start and say which way it counts (a TCG guest is slow). */
const WAY_TIMEOUT_MS = 60_000;

export async function startSidecar(docker: Docker, opts: SidecarOptions): Promise<Sidecar> {
  const code = await samplerScript();
  const v2 = opts.way !== 'proc' && (opts.cgroupVersion ?? (await engineCgroupVersion(docker))) === 2;
  const spec = containerSpec({
    owner: opts.owner,
    kind: 'sampler',
    image: opts.image,
    cmd: ['python3', '-u', '-c', code],
    // python3 alone, no threads or children: a few PIDs are plenty, and they are not the demo's.
    limits: { pidsLimit: 8, memoryMb: 64 },
    pidMode: `container:${opts.targetId}`,
    // cgroup v2: the engine's cgroup namespace, so the demo's cgroup is in view (read-only).
    cgroupnsHost: v2,
    openStdin: true,
    noLogs: true,
    env: {
      SAMPLER_INTERVAL: String((opts.intervalMs ?? 100) / 1000),
      SAMPLER_BUDGET: String(opts.budget ?? 0.25),
      SAMPLER_CHECK_BUDGET: String(DEFAULT_CHECK_BUDGET),
      SAMPLER_CHECK_EVERY: String(DEFAULT_CHECK_EVERY_MS / 1000),
      SAMPLER_TREE: String(opts.treeLimit ?? 0),
      SAMPLER_TARGET: opts.targetId.slice(0, 12),
      SAMPLER_CGROUP: v2 ? 'auto' : 'off',
      ZOMBIE_LAB_TTL: String(opts.ttlS ?? 900),
      ...(opts.once ? { SAMPLER_ONCE: '1' } : {}),
    },
    labels: { [LABEL_TARGET]: opts.targetId.slice(0, 12) },
  });
  const started = await createAndStart(docker, spec, { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.diagnostic ? { diagnostic: true } : {}) });
  let stream: NodeJS.ReadWriteStream;
  try {
    stream = await started.container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true });
  } catch (err) {
    await removeQuietly(started.container);
    throw err;
  }
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  // close() ends stdout while the demuxer may still hand it a last reading: that late write is
  // nothing to report (unhandled, its 'write after end' error would end the whole app).
  stdout.on('error', () => undefined);
  stderr.on('error', () => undefined);
  docker.modem.demuxStream(stream, stdout, stderr);
  stream.on('end', () => {
    stdout.end();
    stderr.end();
  });
  stream.on('error', () => stdout.end());
  // Lines still arriving after close() ended these are dropped, not an uncaught "write after end".
  stdout.on('error', () => undefined);
  stderr.on('error', () => undefined);
  let errTail = '';
  stderr.on('data', (d: Buffer) => (errTail = (errTail + d.toString()).slice(-400)));
  const lines = createInterface({ input: stdout, crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const parser = new SidecarLines(() => stream.write('proc\n'));

  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= (async () => {
      stream.end(); // stdin EOF: sampler.py leaves its loop
      lines.close();
      stdout.end();
      await settleWithin(started.exited, 2000, undefined);
      (stream as unknown as { destroy?: () => void }).destroy?.();
      await removeQuietly(started.container);
    })();
    return closed;
  };

  // sampler.py starts once it is attached (a line before the attach would be lost), and first says which way it counts.
  stream.write('start\n');
  try {
    const deadline = Date.now() + WAY_TIMEOUT_MS;
    while (!parser.way) {
      const left = deadline - Date.now();
      const next = left > 0 ? await withTimeout(it.next(), left, 'the sampler\'s first line').catch(() => null) : null;
      if (!next || next.done) throw new Error(`the sampler sidecar did not start${errTail.trim() ? `: ${errTail.trim().split('\n').at(-1)}` : ` within ${WAY_TIMEOUT_MS / 1000} s`}`);
      parser.take(next.value);
    }
  } catch (err) {
    await close();
    throw err;
  }

  async function* readings(): AsyncGenerator<SidecarReading> {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      const r = parser.take(next.value);
      if (r) yield r;
    }
  }

  return {
    started,
    get way() {
      return parser.way as SidecarWay;
    },
    readings: readings(),
    stderrTail: () => errTail.trim(),
    close,
  };
}
