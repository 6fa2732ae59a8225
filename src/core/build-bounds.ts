/**
 * How a learner's Dockerfile is held while it builds. The build API gives every RUN step a
 * memory limit and a network mode, but no PID limit; the PID limit comes from a cgroup of the
 * lab's own, named by its owner (owner-mark.ts), given to the engine as the build's cgroup
 * parent: the kernel charges every RUN container below it to its pids.max. That works only
 * where the lab can make that cgroup where the engine puts its containers; elsewhere the lab
 * says so, in one line, before it builds.
 */
import type { EngineFacts } from './engine-kind.js';
import type { Lang } from './lang.js';

/** A reason in both languages: the lab runner and `lab --check` say it in the learner's. */
export type Worded = Record<Lang, string>;

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

export type BuildBoundPlan = { kind: 'cgroup'; version: 1 | 2 } | { kind: 'unbounded'; reason: Worded };

/**
 * Whether the lab can bound a build's RUN steps by a cgroup of its own on this engine. Only a
 * rootful engine on this kernel with the cgroupfs driver takes a plain cgroup path as the parent:
 * the systemd driver takes a slice, which systemd makes and the lab does not.
 */
export function planBuildBound(f: Pick<EngineFacts, 'product' | 'cgroupVersion' | 'cgroupDriver' | 'rootless'>, onThisKernel: boolean, local: LocalCgroups): BuildBoundPlan {
  const no = (en: string, de: string): BuildBoundPlan => ({ kind: 'unbounded', reason: { en, de } });
  const p = f.product;
  if (!onThisKernel) return no(`${p} runs on another kernel than this machine's, where the lab cannot make a cgroup`, `${p} läuft auf einem anderen Kernel als diese Maschine, dort kann das Lab keine cgroup anlegen`);
  if (f.rootless) return no(`${p} is rootless: its builds run in its own user's cgroup, not one the lab can make`, `${p} läuft rootless: seine Builds laufen in der cgroup seines Benutzers, nicht in einer des Labs`);
  if (f.cgroupDriver !== 'cgroupfs') {
    return f.cgroupDriver === 'systemd'
      ? no(`${p} uses the systemd cgroup driver, whose build parent must be a systemd slice the lab does not make`, `${p} nutzt den cgroup-Treiber systemd, dessen Build-Parent ein systemd-Slice sein muss, das das Lab nicht anlegt`)
      : no(`${p} reports cgroup driver ${f.cgroupDriver ?? 'none'}, so a cgroup parent would not hold`, `${p} meldet den cgroup-Treiber ${f.cgroupDriver ?? 'none'}, ein cgroup-Parent hielte dort nicht`);
  }
  if (local.version === null) return no('this machine has no pids cgroup the lab can read', 'diese Maschine hat keine pids-cgroup, die das Lab lesen kann');
  if (f.cgroupVersion !== null && f.cgroupVersion !== local.version) {
    return no(`${p} reports cgroup v${f.cgroupVersion}, but this machine shows v${local.version}`, `${p} meldet cgroup v${f.cgroupVersion}, diese Maschine zeigt aber v${local.version}`);
  }
  if (!local.writable) return no('the lab runs without the right to make a cgroup (run it as root, or from a delegated cgroup)', 'das Lab darf keine cgroup anlegen (starte es als root oder aus einer delegierten cgroup)');
  return { kind: 'cgroup', version: local.version };
}

/** The one line said before an unbounded build. */
export function unboundedBuildNotice(reason: Worded, limits: BuildLimits = LEARNER_BUILD_LIMITS): Worded {
  return {
    en: `your Dockerfile's RUN steps build without a PID limit here (${reason.en}); each step still gets ${limits.memoryMb} MB of memory and no network`,
    de: `die RUN-Schritte deines Dockerfiles bauen hier ohne PID-Limit (${reason.de}); jeder Schritt hat trotzdem ${limits.memoryMb} MB Speicher und kein Netz`,
  };
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
