/**
 * How a learner's Dockerfile is held while it builds. The build API gives every RUN step a
 * memory limit and a network mode, but no PID limit; the PID limit comes from a cgroup of the
 * lab's own, named by its owner (owner-mark.ts), given to the engine as the build's cgroup
 * parent: the kernel charges every RUN container below it to its pids.max. That works only
 * where the lab can make that cgroup where the engine puts its containers; elsewhere the lab
 * says so, in one line, before it builds.
 */
import type { EngineFacts } from './engine-kind.js';

export interface BuildLimits {
  /** Tasks all RUN steps of one build may hold at once (the cgroup's pids.max). */
  pidsMax: number;
  /** Memory of each RUN step (the build API's memory; memswap the same: no swap). */
  memoryMb: number;
}

/** Enough for what the labs' Dockerfiles do (COPY, chmod, a pip or apt step), far below pid_max. */
export const LEARNER_BUILD_LIMITS: BuildLimits = { pidsMax: 512, memoryMb: 512 };

export interface LocalCgroups {
  /** The cgroup layout of this machine: v2 (one tree), v1 with a pids hierarchy, or none usable. */
  version: 1 | 2 | null;
  /** Whether this process may make cgroups there (root, or a delegated tree). */
  writable: boolean;
}

export type BuildBoundPlan = { kind: 'cgroup'; version: 1 | 2 } | { kind: 'unbounded'; reason: string };

/**
 * Whether the lab can bound a build's RUN steps by a cgroup of its own on this engine. Only a
 * rootful engine on this kernel with the cgroupfs driver takes a plain cgroup path as the parent:
 * the systemd driver takes a slice, which systemd makes and the lab does not.
 */
export function planBuildBound(f: Pick<EngineFacts, 'product' | 'cgroupVersion' | 'cgroupDriver' | 'rootless'>, onThisKernel: boolean, local: LocalCgroups): BuildBoundPlan {
  if (!onThisKernel) return { kind: 'unbounded', reason: `${f.product} runs on another kernel than this machine's, where the lab cannot make a cgroup` };
  if (f.rootless) return { kind: 'unbounded', reason: `${f.product} is rootless: its builds run in its own user's cgroup, not one the lab can make` };
  if (f.cgroupDriver !== 'cgroupfs') {
    return {
      kind: 'unbounded',
      reason:
        f.cgroupDriver === 'systemd'
          ? `${f.product} uses the systemd cgroup driver, whose build parent must be a systemd slice the lab does not make`
          : `${f.product} reports cgroup driver ${f.cgroupDriver ?? 'none'}, so a cgroup parent would not hold`,
    };
  }
  if (local.version === null) return { kind: 'unbounded', reason: 'this machine has no pids cgroup the lab can read' };
  if (f.cgroupVersion !== null && f.cgroupVersion !== local.version) {
    return { kind: 'unbounded', reason: `${f.product} reports cgroup v${f.cgroupVersion}, but this machine shows v${local.version}` };
  }
  if (!local.writable) return { kind: 'unbounded', reason: 'the lab runs without the right to make a cgroup (run it as root, or from a delegated cgroup)' };
  return { kind: 'cgroup', version: local.version };
}

/** The one line said before an unbounded build. */
export function unboundedBuildNotice(reason: string, limits: BuildLimits = LEARNER_BUILD_LIMITS): string {
  return `your Dockerfile's RUN steps build without a PID limit here (${reason}); each step still gets ${limits.memoryMb} MB of memory and no network`;
}

/** Did a build reach its PID limit? pids.events counts refused forks; the peak shows it too. */
export function buildLimitReached(r: { pidsMax: number; peak: number | null; refusedForks: number }): boolean {
  return r.refusedForks > 0 || (r.peak !== null && r.peak >= r.pidsMax);
}

/** The build API parameters every learner's build gets, and the cgroup parent where there is one. */
export function boundedBuildParams(limits: BuildLimits, cgroupParent: string | null): Record<string, string | number> {
  const bytes = limits.memoryMb * 1024 * 1024;
  return { memory: bytes, memswap: bytes, networkmode: 'none', ...(cgroupParent ? { cgroupparent: cgroupParent } : {}) };
}
