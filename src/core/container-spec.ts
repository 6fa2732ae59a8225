/**
 * What every lab container looks like. Safety limits live here, in one place, so no code
 * path can create a container without a PID limit, a memory limit, no network and no caps.
 */
import { containerLabels, LABEL_MODE, type ContainerKind, type Owner } from './labels.js';
import { MODES, type ModeId } from './modes.js';

export interface Limits {
  pidsLimit: number;
  memoryMb: number;
}

export const DEFAULT_LIMITS: Limits = { pidsLimit: 1024, memoryMb: 256 };
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
}

export function checkLimits(limits: Limits): void {
  if (!Number.isInteger(limits.pidsLimit) || limits.pidsLimit < MIN_PIDS_LIMIT || limits.pidsLimit > MAX_PIDS_LIMIT) {
    throw new RangeError(`PID limit must be a whole number from ${MIN_PIDS_LIMIT} to ${MAX_PIDS_LIMIT}, got ${limits.pidsLimit}`);
  }
  if (!Number.isFinite(limits.memoryMb) || limits.memoryMb < 16 || limits.memoryMb > 4096) {
    throw new RangeError(`memory limit must be from 16 to 4096 MB, got ${limits.memoryMb}`);
  }
}

export function containerSpec(input: SpecInput): ContainerSpec {
  checkLimits(input.limits);
  const memory = Math.round(input.limits.memoryMb * 1024 * 1024);
  const spec: ContainerSpec = {
    Image: input.image,
    Cmd: input.cmd,
    Env: Object.entries(input.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Labels: containerLabels(input.owner, input.kind, input.labels),
    Tty: false,
    AttachStdout: false,
    AttachStderr: false,
    HostConfig: {
      PidsLimit: input.limits.pidsLimit,
      Memory: memory,
      MemorySwap: memory,
      NetworkMode: 'none',
      CapDrop: ['ALL'],
      SecurityOpt: ['no-new-privileges'],
      Init: input.init ?? false,
      AutoRemove: input.autoRemove ?? true,
      ...(input.pidMode ? { PidMode: input.pidMode } : {}),
    },
  };
  if (input.entrypoint) spec.Entrypoint = input.entrypoint;
  return spec;
}

export interface WorkloadOptions {
  /** Zombies per second the workload makes. */
  zombieRate: number;
  /** The container exits by itself after this long, so a crashed lab cannot leak it for good. */
  ttlS: number;
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
    env: { ZOMBIE_RATE: String(workload.zombieRate), ZOMBIE_LAB_TTL: String(workload.ttlS) },
    labels: { [LABEL_MODE]: mode },
  });
}
