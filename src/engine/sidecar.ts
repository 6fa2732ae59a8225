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
