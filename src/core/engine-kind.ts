/**
 * Where engines differ, said in one place. An engine kind is data plus a few functions: how its
 * image list spells our tags, whether its import honours a tag, what `--init` runs as PID 1.
 * The facts of one engine (version, kernel, cgroups, rootless, limits) come from its own
 * `docker info` / `docker version`, never from the machine the lab runs on.
 * (Kubernetes would be another kind here, with its own facts; none of it is written.)
 */
import { problemOf } from './problem-text.js';
import type { Problem } from './run-events.js';

export type EngineKindId = 'docker' | 'podman';

export interface EngineKind {
  id: EngineKindId;
  /** Repo tags as this engine lists them, back to ours ("docker.io/zombie-lab/base:x" → "zombie-lab/base:x"). */
  normaliseTag(tag: string): string;
  // Image import: one way for every engine (images.ts: untagged, one LABEL per change, then
  // tagged by id), since Podman's compat import ignores the tag and merges the pairs of a LABEL.
  /** What `--init` runs as PID 1 when info does not say. */
  defaultInit: string;
  /** How `--init` shows as PID 1 (/proc/1/comm), and how to install it where it is missing. */
  init: { comm: string; install: string };
  /** For the scorecard: what differs about `--init` here; null where it is Docker's tini. */
  initNote: string | null;
}

const stripRegistry = (prefixes: string[]) => (tag: string) => {
  for (const p of prefixes) if (tag.startsWith(p)) return tag.slice(p.length);
  return tag;
};

export const ENGINE_KINDS: Record<EngineKindId, EngineKind> = {
  docker: {
    id: 'docker',
    normaliseTag: stripRegistry(['docker.io/library/', 'docker.io/']),
    defaultInit: 'docker-init',
    init: { comm: 'docker-init', install: 'Debian/Ubuntu: apt-get install tini, then restart dockerd (Docker Desktop ships it)' },
    initNote: null,
  },
  podman: {
    id: 'podman',
    normaliseTag: stripRegistry(['docker.io/library/', 'docker.io/', 'localhost/']),
    defaultInit: 'catatonit',
    // Podman bind-mounts catatonit into the container as /run/podman-init.
    init: { comm: 'podman-init', install: 'Debian/Ubuntu: apt-get install catatonit (Fedora: dnf install catatonit) on the machine Podman runs on' },
    initNote:
      "--init on Podman is catatonit, mounted as podman-init (so PID 1 reads podman-init, not docker-init). It passes a signal to its child only and knows nothing of TINI_KILL_PROCESS_GROUP: the '--init, KILL_PROCESS_GROUP' row reaches the group on Docker (tini) but not here.",
  },
};

/** The parts of `GET /info` and `GET /version` the lab reads (both Docker's and Podman's compat API). */
export interface EngineInfo {
  OperatingSystem?: string;
  OSType?: string;
  KernelVersion?: string;
  CgroupVersion?: string;
  CgroupDriver?: string;
  SecurityOptions?: string[];
  /** Podman's own field in its compat `/info`: rootless Podman does not add name=rootless above. */
  Rootless?: boolean;
  PidsLimit?: boolean;
  InitBinary?: string;
  Name?: string;
  NCPU?: number;
  MemTotal?: number;
  Warnings?: string[] | null;
}

export interface EngineVersion {
  Version?: string;
  ApiVersion?: string;
  Os?: string;
  KernelVersion?: string;
  Components?: { Name?: string; Version?: string }[];
  Platform?: { Name?: string };
}

export interface EngineFacts {
  kind: EngineKindId;
  /** What a learner calls it: Docker Engine, Docker Desktop, Podman, Colima, Rancher Desktop, OrbStack. */
  product: string;
  version: string;
  apiVersion: string;
  os: string;
  kernel: string;
  cgroupVersion: 1 | 2 | null;
  cgroupDriver: string | null;
  rootless: boolean;
  /** What the engine says of PID limits (`PidsLimit` in info); false means a limit would not be applied. */
  pidsLimitSupported: boolean | null;
  /** The binary `--init` runs (info.InitBinary), e.g. docker-init, catatonit. */
  initBinary: string;
  warnings: string[];
}

export function engineKindOf(version: EngineVersion): EngineKindId {
  const names = (version.Components ?? []).map((c) => c.Name ?? '');
  return names.some((n) => /podman/i.test(n)) || /podman/i.test(version.Platform?.Name ?? '') ? 'podman' : 'docker';
}

/** A desktop product is seen in what its VM reports about itself. */
function productOf(kind: EngineKindId, info: EngineInfo, version: EngineVersion): string {
  if (kind === 'podman') return 'Podman';
  const os = info.OperatingSystem ?? '';
  const name = info.Name ?? '';
  const platform = version.Platform?.Name ?? '';
  if (/Docker Desktop/i.test(os) || /Docker Desktop/i.test(platform)) return 'Docker Desktop';
  if (/OrbStack/i.test(os) || /orbstack/i.test(name)) return 'OrbStack';
  if (/rancher-desktop/i.test(name) || /Rancher Desktop/i.test(os)) return 'Rancher Desktop';
  if (/colima/i.test(name)) return 'Colima';
  return 'Docker Engine';
}

export function engineFacts(info: EngineInfo, version: EngineVersion): EngineFacts {
  const kind = engineKindOf(version);
  const cg = info.CgroupVersion === '2' ? 2 : info.CgroupVersion === '1' ? 1 : null;
  return {
    kind,
    product: productOf(kind, info, version),
    version: version.Version ?? '?',
    apiVersion: version.ApiVersion ?? '?',
    os: info.OperatingSystem ?? version.Os ?? '?',
    kernel: info.KernelVersion ?? version.KernelVersion ?? '?',
    cgroupVersion: cg,
    cgroupDriver: info.CgroupDriver ?? null,
    rootless: info.Rootless === true || (info.SecurityOptions ?? []).some((o) => /(^|,)name=rootless(,|$)/.test(o)),
    pidsLimitSupported: typeof info.PidsLimit === 'boolean' ? info.PidsLimit : null,
    initBinary: info.InitBinary || ENGINE_KINDS[kind].defaultInit,
    warnings: info.Warnings ?? [],
  };
}

/** "Docker Engine 20.10.24 (API 1.41) on Debian GNU/Linux 12, kernel 6.18, cgroup v1 (cgroupfs)". */
export function describeFacts(f: EngineFacts): string {
  const cg = f.cgroupVersion ? `cgroup v${f.cgroupVersion}${f.cgroupDriver ? ` (${f.cgroupDriver} driver)` : ''}` : 'cgroup version not reported';
  return `${f.product} ${f.version} (API ${f.apiVersion}) on ${f.os}, kernel ${f.kernel}, ${cg}${f.rootless ? ', rootless' : ''}`;
}

/** Why the kernel would not hold a container to its PID limit on this engine, with the fix. */
export type LimitProblem = Problem;

/**
 * From the engine's own word: rootless Docker on cgroup v1 has no cgroups at all (driver
 * "none"), rootless Podman there has none it may write (driver cgroupfs, nothing delegated, yet
 * PidsLimit true in its info), and an engine may say PidsLimit false. Null when nothing says a limit would not hold
 * (doctor then reads pids.max inside a probe).
 */
export function limitProblemOf(f: EngineFacts): LimitProblem | null {
  const who = `${f.rootless ? 'rootless ' : ''}${f.product} ${f.version}`;
  if (f.cgroupDriver === 'none' || (f.rootless && f.cgroupVersion === 1)) {
    return problemOf({ id: 'pid-limit-no-cgroups', who, driver: f.cgroupDriver ?? '?', rootlessOn: f.rootless ? (f.cgroupVersion ?? '?') : null });
  }
  if (f.pidsLimitSupported === false) {
    return problemOf({ id: 'pid-limit-unsupported', who });
  }
  return null;
}

/**
 * Why the sidecar cannot read the pids cgroup on an engine that has cgroup v2, where the engine
 * is known to be the cause: Podman's Docker-compatible create ignores `HostConfig.CgroupnsMode`
 * before 5.6 (containers/podman#26116), so the sidecar gets a cgroup namespace of its own.
 */
export function sidecarCgroupnsHint(f: Pick<EngineFacts, 'kind' | 'version' | 'cgroupVersion'>): string | null {
  if (f.kind !== 'podman' || f.cgroupVersion !== 2) return null;
  const [major = 0, minor = 0] = f.version.split('.').map((x) => Number.parseInt(x, 10));
  return major < 5 || (major === 5 && minor < 6) ? `Podman ${f.version} ignores CgroupnsMode in its Docker API (Podman 5.6 and later honour it); /proc is exact, only slower at thousands of zombies` : null;
}
