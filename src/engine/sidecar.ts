/**
 * Sampling from inside a container's PID namespace, through the Docker API only: for engines
 * whose /proc is not ours. A sidecar container joins the demo's PID namespace (PidMode
 * container:<id>) in a cgroup of its own, runs images/sampler/sampler.py (never forks, one JSON
 * line per sample) and is read over attach. Closing its stdin ends it; so does the demo's end.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { containerSpec } from '../core/container-spec.js';
import type { Owner } from '../core/labels.js';
import type { ProcEntry } from '../core/run-events.js';
import type { Sample } from '../core/sample.js';
import { parseStatusMasks, type SignalMasks } from '../core/signal-mask.js';
import { createAndStart, removeQuietly, type Started } from './containers.js';
import { IMAGES_DIR } from './package-paths.js';

export const LABEL_TARGET = 'zombie-lab.target';

/** One line of sampler.py. */
export interface SidecarReading {
  zombies: number;
  live: number;
  threads: number;
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
  /** [pid, argv] of the live processes in the tree, in a one-shot reading. */
  cmds?: [number, string[]][];
}

export interface SidecarOptions {
  owner: Owner;
  /** The lab's base image: python3 is there. */
  image: string;
  targetId: string;
  intervalMs?: number;
  /** Share of one core the sidecar's scan may use (default 0.25). */
  budget?: number;
  treeLimit?: number;
  ttlS?: number;
  /** Readings that also carry PID 1's signal masks and pid_max (for one-shot measurements). */
  once?: boolean;
  signal?: AbortSignal;
  /** Doctor's probe: the sampler runs even where the PID-limit gate would refuse a demo. */
  diagnostic?: boolean;
}

export interface Sidecar {
  started: Started;
  /** Readings as they arrive; ends when the sidecar ends. */
  readings: AsyncGenerator<SidecarReading>;
  /** The last lines the sampler wrote to stderr (why it ended, if it failed). */
  stderrTail(): string;
  /** Closes stdin (the sampler ends itself) and removes the container. */
  close(): Promise<void>;
}

export function parseReading(line: string): SidecarReading | null {
  try {
    const r = JSON.parse(line) as SidecarReading;
    return typeof r.zombies === 'number' && typeof r.live === 'number' && typeof r.threads === 'number' ? r : null;
  } catch {
    return null;
  }
}

/** A reading as a Sample: PIDs used are what pids.current would count (live threads + zombies). */
export function sampleFromReading(r: SidecarReading, t: number, pidsLimit: number): Sample {
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

let script: Promise<string> | null = null;
function samplerScript(): Promise<string> {
  script ??= readFile(path.join(IMAGES_DIR, 'sampler', 'sampler.py'), 'utf8');
  return script;
}

export async function startSidecar(docker: Docker, opts: SidecarOptions): Promise<Sidecar> {
  const code = await samplerScript();
  const spec = containerSpec({
    owner: opts.owner,
    kind: 'sampler',
    image: opts.image,
    cmd: ['python3', '-u', '-c', code],
    // python3 alone, no threads or children: a few PIDs are plenty, and they are not the demo's.
    limits: { pidsLimit: 8, memoryMb: 64 },
    pidMode: `container:${opts.targetId}`,
    openStdin: true,
    noLogs: true,
    env: {
      SAMPLER_INTERVAL: String((opts.intervalMs ?? 100) / 1000),
      SAMPLER_BUDGET: String(opts.budget ?? 0.25),
      SAMPLER_TREE: String(opts.treeLimit ?? 0),
      ZOMBIE_LAB_TTL: String(opts.ttlS ?? 900),
      ...(opts.once ? { SAMPLER_ONCE: '1' } : {}),
    },
    labels: { [LABEL_TARGET]: opts.targetId.slice(0, 12) },
  });
  const started = await createAndStart(docker, spec, { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.diagnostic ? { diagnostic: true } : {}) });
  let stream: NodeJS.ReadWriteStream;
  try {
    stream = (await started.container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as NodeJS.ReadWriteStream;
  } catch (err) {
    await removeQuietly(started.container);
    throw err;
  }
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  // close() ends stdout while a target that lives on still has the sampler writing: a late line
  // is "write after end", not news.
  stdout.on('error', () => undefined);
  stderr.on('error', () => undefined);
  docker.modem.demuxStream(stream, stdout, stderr);
  stream.on('end', () => {
    stdout.end();
    stderr.end();
  });
  stream.on('error', () => stdout.end());
  let errTail = '';
  stderr.on('data', (d: Buffer) => (errTail = (errTail + d.toString()).slice(-400)));
  const lines = createInterface({ input: stdout, crlfDelay: Infinity });

  async function* readings(): AsyncGenerator<SidecarReading> {
    for await (const line of lines) {
      const r = parseReading(line);
      if (r) yield r;
    }
  }

  let closed: Promise<void> | null = null;
  return {
    started,
    readings: readings(),
    stderrTail: () => errTail.trim(),
    close() {
      closed ??= (async () => {
        stream.end(); // stdin EOF: sampler.py leaves its loop
        lines.close();
        stdout.end();
        await Promise.race([started.exited, new Promise((r) => setTimeout(r, 2000).unref())]);
        (stream as unknown as { destroy?: () => void }).destroy?.();
        await removeQuietly(started.container);
      })();
      return closed;
    },
  };
}
