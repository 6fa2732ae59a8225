/**
 * Which kind of engine this is, from what it says about itself, and what follows from that:
 * its traits (init, image tags) and whether a PID limit holds there. Pure: the facts come in.
 */
import { DOCKER } from './docker.js';
import { PODMAN } from './podman.js';
import { ROOTLESS_DOCKER } from './rootless.js';
import type { EngineFacts, EngineTraits, LimitProblem } from './types.js';

/** The parts of `docker version` and `docker info` the lab reads (dockerode's types are looser). */
export interface VersionJson {
  Version?: string;
  Components?: { Name?: string; Version?: string }[] | null;
}
export interface InfoJson {
  SecurityOptions?: string[] | null;
  CgroupVersion?: string;
  CgroupDriver?: string;
  PidsLimit?: boolean;
}

export function engineFactsOf(version: VersionJson, info: InfoJson): EngineFacts {
  const podman = (version.Components ?? []).find((c) => /podman/i.test(c.Name ?? ''));
  const cg = Number(info.CgroupVersion);
  return {
    product: podman ? 'podman' : 'docker',
    version: podman?.Version ?? version.Version ?? '?',
    rootless: (info.SecurityOptions ?? []).some((o) => /(^|,)name=rootless(,|$)/.test(o)),
    cgroupVersion: cg === 1 || cg === 2 ? cg : null,
    cgroupDriver: info.CgroupDriver ?? null,
    pidsLimitSupported: typeof info.PidsLimit === 'boolean' ? info.PidsLimit : null,
  };
}

export function traitsOf(facts: EngineFacts): EngineTraits {
  if (facts.product === 'podman') return PODMAN;
  return facts.rootless ? ROOTLESS_DOCKER : DOCKER;
}

const LIMIT_FIX =
  'run the engine where it has a pids cgroup: rootful Docker or Podman, or rootless on a cgroup v2 host with the pids controller delegated (systemd: boot with systemd.unified_cgroup_hierarchy=1; Delegate=yes for user@.service)';

/** Why a PID limit would not be applied on this engine, from its own facts; null when nothing says so. */
export function limitProblemOf(facts: EngineFacts): LimitProblem | null {
  const who = `${traitsOf(facts).label} ${facts.version}`;
  if (facts.cgroupDriver === 'none' || (facts.rootless && facts.cgroupVersion === 1)) {
    return {
      message: `${who} runs containers without cgroups (cgroup driver ${facts.cgroupDriver ?? '?'}${facts.rootless ? `, rootless on cgroup v${facts.cgroupVersion ?? '?'}` : ''}): a PID limit would not be applied, so the lab runs no zombie-making container there`,
      fix: LIMIT_FIX,
    };
  }
  if (facts.pidsLimitSupported === false) {
    return { message: `${who} says it cannot apply a PID limit (docker info: PidsLimit false), so the lab runs no zombie-making container there`, fix: LIMIT_FIX };
  }
  return null;
}

/** A tag as the lab wrote it: the engine's registry prefix removed (Podman lists zombie-lab/x:y as docker.io/zombie-lab/x:y). */
export function shortTag(tag: string, traits: Pick<EngineTraits, 'tagPrefixes'>): string {
  for (const p of traits.tagPrefixes) if (tag.startsWith(p)) return tag.slice(p.length);
  return tag;
}
