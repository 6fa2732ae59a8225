/**
 * Sampling from inside a container's PID namespace, through the Docker API only: for engines
 * whose /proc is not ours. A sidecar container joins the demo's PID namespace (PidMode
 * container:<id>) in a cgroup of its own, runs images/sampler/sampler.py (never forks, one JSON
 * line per sample) and is read over attach. Closing its stdin ends it; so does the demo's end.
 *
 * On a cgroup v2 engine the sidecar also gets the engine's cgroup namespace (the tree stays
 * read-only, every other limit stays) and reads the demo's pids cgroup every tick, as the lab's
 * own fast path does here, with /proc as its paced cross-check; the cross-check's verdicts are
 * judged by the line protocol (src/core/sidecar-protocol.ts, CrossCheck), and three quiet
 * disagreements by the same difference send it back to /proc. This file starts the container,
 * reads its stream and ends it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { containerSpec, type ContainerSpec } from '../core/container-spec.js';
import { LABEL_TARGET, type Owner } from '../core/labels.js';
import { SidecarLines, type SidecarReading, type SidecarWay } from '../core/sidecar-protocol.js';
import { createAndStart, removeQuietly, type Started } from './containers.js';
import type { EngineStream } from './engine-api.js';
import { factsOf } from './engine-facts.js';
import { withTimeout, settleWithin } from './timeout.js';
import { IMAGES_DIR } from './package-paths.js';
import { DEFAULT_CHECK_BUDGET, DEFAULT_CHECK_EVERY_MS } from './sampler/sampler-options.js';

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
  const started = await createAndStart(docker, sidecarSpec(opts, code, v2), { ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.diagnostic ? { diagnostic: true } : {}) });
  const stream = await cleanedUpOnError(
    () => started.container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true }),
    () => removeQuietly(started.container),
  );
  const out = demuxed(docker, stream);
  const parser = new SidecarLines(() => stream.write('proc\n'));
  const close = closerOf(started, stream, out);

  // sampler.py starts once it is attached (a line before the attach would be lost), and first says which way it counts.
  stream.write('start\n');
  await cleanedUpOnError(() => awaitWay(out, parser), close);

  return {
    started,
    get way() {
      return parser.way as SidecarWay;
    },
    readings: readingsOf(out, parser),
    stderrTail: out.errTail,
    close,
  };
}

/** The sampler's container: python3 alone in the demo's PID namespace, limits of its own. */
function sidecarSpec(opts: SidecarOptions, code: string, v2: boolean): ContainerSpec {
  return containerSpec({
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
}

/** A step of the start whose failure must not leave the container behind: `cleanUp` runs, then the failure goes on. */
async function cleanedUpOnError<T>(step: () => Promise<T>, cleanUp: () => Promise<void>): Promise<T> {
  try {
    return await step();
  } catch (err) {
    await cleanUp();
    throw err;
  }
}

/** The attached stream split into the sampler's stdout, as lines, and the tail of its stderr. */
interface SidecarOutput {
  stdout: PassThrough;
  lines: Interface;
  next: AsyncIterator<string>;
  /** The last lines the sampler wrote to stderr, trimmed. */
  errTail: () => string;
}

function demuxed(docker: Docker, stream: NodeJS.ReadWriteStream): SidecarOutput {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  dropLateWrites(stdout, stderr);
  docker.modem.demuxStream(stream, stdout, stderr);
  stream.on('end', () => {
    stdout.end();
    stderr.end();
  });
  stream.on('error', () => stdout.end());
  let errTail = '';
  stderr.on('data', (d: Buffer) => (errTail = (errTail + d.toString()).slice(-400)));
  const lines = createInterface({ input: stdout, crlfDelay: Infinity });
  return { stdout, lines, next: lines[Symbol.asyncIterator](), errTail: () => errTail.trim() };
}

/**
 * close() ends stdout while the demuxer may still hand it a last reading: that late write, and
 * any line still arriving after close(), is dropped, not reported (unhandled, its 'write after
 * end' error would end the whole app).
 */
function dropLateWrites(...streams: PassThrough[]): void {
  for (const s of streams) s.on('error', () => undefined);
}

/** Ends the sidecar once, however often it is asked: stdin EOF, a short wait for the exit, then the container goes. */
function closerOf(started: Started, stream: EngineStream, out: SidecarOutput): () => Promise<void> {
  let closed: Promise<void> | null = null;
  return () => {
    closed ??= (async () => {
      stream.end(); // stdin EOF: sampler.py leaves its loop
      out.lines.close();
      out.stdout.end();
      await settleWithin(started.exited, 2000, undefined);
      stream.destroy?.();
      await removeQuietly(started.container);
    })();
    return closed;
  };
}

/** Reads up to the sampler's first line, which says the way it counts; an end or silence first is a failed start. */
async function awaitWay(out: SidecarOutput, parser: SidecarLines): Promise<void> {
  const deadline = Date.now() + WAY_TIMEOUT_MS;
  while (!parser.way) {
    const left = deadline - Date.now();
    const next = left > 0 ? await withTimeout(out.next.next(), left, 'the sampler\'s first line').catch(() => null) : null;
    if (!next || next.done) throw new Error(`the sampler sidecar did not start${out.errTail() ? `: ${out.errTail().split('\n').at(-1)}` : ` within ${WAY_TIMEOUT_MS / 1000} s`}`);
    parser.take(next.value);
  }
}

/** The readings of the lines after the way line, until the sidecar ends. */
async function* readingsOf(out: SidecarOutput, parser: SidecarLines): AsyncGenerator<SidecarReading> {
  for (;;) {
    const next = await out.next.next();
    if (next.done) return;
    const r = parser.take(next.value);
    if (r) yield r;
  }
}
