/**
 * What every lab container looks like. Safety limits live here, in one place, so no code
 * path can create a container without a PID limit, a memory limit, no network and no caps.
 */
import { containerLabels, LABEL_MODE, LABEL_PIDS_LIMIT, type ContainerKind, type Owner } from './labels.js';
import { MODES, type ModeId } from './modes.js';

export interface Limits {
  pidsLimit: number;
  memoryMb: number;
}

/** The host's pid_max is 32768 on a default kernel: stay far below it, whatever the user asks. */
export const MAX_PIDS_LIMIT = 8192;
export const MIN_PIDS_LIMIT = 8;

/** The subset of Docker's create options the lab sets (structurally matches dockerode's ContainerCreateOptions). */
export interface ContainerSpec {
  name?: string;
  Image: string;
  Cmd: string[];
  Entrypoint?: string[];
  Env: string[];
  Labels: Record<string, string>;
  Tty: false;
  AttachStdout: false;
  AttachStderr: false;
  /** Sampler sidecar and waiting demos: stdin stays open while the lab is attached, and closes when the lab goes. */
  OpenStdin?: true;
  StdinOnce?: true;
  /** Seconds docker stop waits before SIGKILL, when not the engine's default (10). */
  StopTimeout?: number;
  /** The signal docker stop sends first, when not the image's STOPSIGNAL (docker run --stop-signal). */
  StopSignal?: string;
  HostConfig: {
    PidsLimit: number;
    Memory: number;
    MemorySwap: number;
    NetworkMode: 'none';
    CapDrop: ['ALL'];
    SecurityOpt: ['no-new-privileges'];
    Init: boolean;
    AutoRemove: boolean;
    PidMode?: string;
    /** 'host' only for the sampler sidecar on cgroup v2: it reads the demo's pids cgroup (the tree is mounted read-only). */
    CgroupnsMode?: 'host';
    LogConfig?: { Type: 'none'; Config: Record<string, string> };
  };
}

export interface SpecInput {
  owner: Owner;
  kind: ContainerKind;
  image: string;
  cmd: string[];
  entrypoint?: string[];
  env?: Record<string, string>;
  limits: Limits;
  init?: boolean;
  labels?: Record<string, string>;
  /** Remove the container as soon as it exits: a lab that dies leaves nothing running for long. */
  autoRemove?: boolean;
  pidMode?: string;
  /** The engine's cgroup namespace, so the sampler sidecar sees the demo's cgroup (cgroup v2; the tree stays read-only). */
  cgroupnsHost?: boolean;
  /** Keep stdin open (sampler sidecar, waiting demo): it ends itself when the lab detaches. */
  openStdin?: boolean;
  /** No log driver: output is only read live (the sidecar's ten lines a second would fill a log file). */
  noLogs?: boolean;
  /** A PID ceiling above MAX_PIDS_LIMIT for this container only (the benchmark); see benchPidsAllowance. */
  pidsAllowance?: PidsAllowance;
  /** docker stop's timeout for this container (Config.StopTimeout). */
  stopTimeoutS?: number;
  /** docker stop's first signal for this container (Config.StopSignal, as --stop-signal sets it). */
  stopSignal?: string;
  /** No PID limit at all, for this container only (inspect's test of what it says then); see noPidsLimitFor. */
  noPidsLimit?: NoPidsLimit;
}

/**
 * The one exception to "every container has a PID limit": inspect must be tested on a container
 * without one. Granted only for a workload that never forks (its command is checked here), so
 * such a container holds one process whatever happens; memory, network, caps and labels stay.
 */
export interface NoPidsLimit {
  why: string;
}

/** Commands that run one process and never fork: the only ones allowed without a PID limit. */
const NON_FORKING = new Set(['sleep', 'pause']);

export function noPidsLimitFor(cmd: readonly string[], why: string): NoPidsLimit {
  const prog = (cmd[0] ?? '').slice((cmd[0] ?? '').lastIndexOf('/') + 1);
  if (!NON_FORKING.has(prog)) throw new RangeError(`a container without a PID limit may only run ${[...NON_FORKING].join(' or ')}, not ${cmd[0] ?? 'nothing'}`);
  return { why };
}

/** An explicit, checked exception to MAX_PIDS_LIMIT, granted by benchPidsAllowance from the host's free PIDs. */
export interface PidsAllowance {
  max: number;
  why: string;
}

/** PIDs the benchmark always leaves free on the host, whatever it asks for. */
export const BENCH_SPARE_PIDS = 4096;

/**
 * The benchmark needs 20,000 zombies in one container, more than MAX_PIDS_LIMIT. It may have
 * them only if the host keeps BENCH_SPARE_PIDS free: pid_max minus the tasks that exist now
 * minus what it asks for.
 */
export function benchPidsAllowance(wanted: number, pidMax: number, tasksNow: number): PidsAllowance {
  const free = pidMax - tasksNow - wanted;
  if (free < BENCH_SPARE_PIDS) {
    throw new RangeError(
      `a PID limit of ${wanted} would leave ${free} of the host's ${pidMax} PIDs free (${tasksNow} in use); the benchmark keeps at least ${BENCH_SPARE_PIDS} spare`,
    );
  }
  return { max: wanted, why: `benchmark: pid_max ${pidMax}, ${tasksNow} in use, ${free} stay free` };
}

export function checkLimits(limits: Limits, allowance?: PidsAllowance): void {
  const max = allowance ? Math.max(MAX_PIDS_LIMIT, allowance.max) : MAX_PIDS_LIMIT;
  if (!Number.isInteger(limits.pidsLimit) || limits.pidsLimit < MIN_PIDS_LIMIT || limits.pidsLimit > max) {
    throw new RangeError(`PID limit must be a whole number from ${MIN_PIDS_LIMIT} to ${max}, got ${limits.pidsLimit}`);
  }
  if (!Number.isFinite(limits.memoryMb) || limits.memoryMb < 16 || limits.memoryMb > 4096) {
    throw new RangeError(`memory limit must be from 16 to 4096 MB, got ${limits.memoryMb}`);
  }
}

export function containerSpec(input: SpecInput): ContainerSpec {
  checkLimits(input.limits, input.pidsAllowance);
  if (input.noPidsLimit) noPidsLimitFor(input.entrypoint?.length ? input.entrypoint : input.cmd, input.noPidsLimit.why);
  const memory = Math.round(input.limits.memoryMb * 1024 * 1024);
  const spec: ContainerSpec = {
    Image: input.image,
    Cmd: input.cmd,
    Env: Object.entries(input.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Labels: containerLabels(input.owner, input.kind, { ...input.labels, [LABEL_PIDS_LIMIT]: String(input.limits.pidsLimit) }),
    Tty: false,
    AttachStdout: false,
    AttachStderr: false,
    HostConfig: {
      // -1: unlimited (the API's word for it); only with a checked noPidsLimit.
      PidsLimit: input.noPidsLimit ? -1 : input.limits.pidsLimit,
      Memory: memory,
      MemorySwap: memory,
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: input.init ?? false,
      AutoRemove: input.autoRemove ?? true,
      ...(input.pidMode ? { PidMode: input.pidMode } : {}),
      ...(input.cgroupnsHost ? { CgroupnsMode: 'host' as const } : {}),
      ...(input.noLogs ? { LogConfig: { Type: 'none' as const, Config: {} } } : {}),
    },
  };
  if (input.entrypoint) spec.Entrypoint = input.entrypoint;
  if (input.stopTimeoutS !== undefined) spec.StopTimeout = input.stopTimeoutS;
  if (input.stopSignal !== undefined) spec.StopSignal = input.stopSignal;
  if (input.openStdin) {
    spec.OpenStdin = true;
    spec.StdinOnce = true;
  }
  return spec;
}

export interface WorkloadOptions {
  /** Zombies per second the workload makes. */
  zombieRate: number;
  /** The container exits by itself after this long, so a crashed lab cannot leak it for good. */
  ttlS: number;
  /** Start, then wait for a line on stdin before making zombies (see fork.py's ZOMBIE_LAB_WAIT). */
  waitForGo?: boolean;
}

export function demoSpec(owner: Owner, mode: ModeId, image: string, limits: Limits, workload: WorkloadOptions): ContainerSpec {
  const m = MODES[mode];
  return containerSpec({
    owner,
    kind: 'demo',
    image,
    cmd: m.cmd,
    ...(m.entrypoint ? { entrypoint: m.entrypoint } : {}),
    init: m.init,
    limits,
    env: {
      ZOMBIE_RATE: String(workload.zombieRate),
      ZOMBIE_LAB_TTL: String(workload.ttlS),
      ...(workload.waitForGo ? { ZOMBIE_LAB_WAIT: 'stdin' } : {}),
    },
    labels: { [LABEL_MODE]: mode },
    ...(workload.waitForGo ? { openStdin: true } : {}),
  });
}
