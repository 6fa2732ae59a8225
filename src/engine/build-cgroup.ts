/**
 * The cgroup a learner's build runs below (core/build-bounds.ts): made before the build with
 * pids.max set, named for this process (core/owner-mark.ts) so the sweep of a later start removes
 * it if the lab dies, and removed after the build. On cgroup v1 the engine makes the same name in
 * every controller for its RUN containers; the limit sits in the pids one.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import path from 'node:path';
import type { EngineInfo } from '../core/engine-kind.js';
import { buildLimitReached, LEARNER_BUILD_LIMITS, planBuildBound, unboundedBuildNotice, type BuildLimits, type LocalCgroups, type Worded } from '../core/build-bounds.js';
import { parsePidsEvents, parsePidsMax } from '../core/cgroup-files.js';
import { ownerMark } from '../core/owner-mark.js';
import type { DescribesEngine } from './engine-api.js';
import { factsOf } from './engine-facts.js';
import { removeCgroupTree } from './host-leftovers.js';
import { selfOwner } from './owner-process.js';

export const CGROUP_ROOT = '/sys/fs/cgroup';

export interface BuildBound {
  /** The build API's cgroupparent, or null where the build runs unbounded. */
  cgroupParent: string | null;
  /** The one line to say before building when there is no PID limit, in both languages; null when there is. */
  notice: Worded | null;
  limits: BuildLimits;
  /** The pids cgroup's folder on this machine (null: unbounded). */
  pidsDir: string | null;
  /** Whether a RUN step ran into the PID limit (read after the build). */
  limitReached(): boolean;
  /** Removes the cgroup (in every controller the engine made it in); what stays goes at the next sweep. */
  release(): Promise<void>;
}

/** The layout of this machine's cgroups, and whether this process may make some. */
export function localCgroups(root = CGROUP_ROOT): LocalCgroups {
  const writable = process.getuid?.() === 0;
  if (existsSync(path.join(root, 'cgroup.controllers'))) {
    const enabled = readText(path.join(root, 'cgroup.subtree_control')) ?? '';
    return { version: enabled.split(/\s+/).includes('pids') ? 2 : null, writable };
  }
  return { version: existsSync(path.join(root, 'pids', 'pids.max')) || existsSync(path.join(root, 'pids', 'tasks')) ? 1 : null, writable };
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

/** Same host name and kernel: the engine runs on this machine (as pid-budget.ts decides). */
async function engineOnThisKernel(docker: DescribesEngine): Promise<boolean> {
  const info = await docker.info().catch(() => ({}) as EngineInfo);
  return info.KernelVersion === release() && info.Name === hostname();
}

const unbounded = (reason: Worded, limits: BuildLimits): BuildBound => ({
  cgroupParent: null,
  notice: unboundedBuildNotice(reason, limits),
  limits,
  pidsDir: null,
  limitReached: () => false,
  release: () => Promise.resolve(),
});

/**
 * Makes the pids-limited cgroup for one build, or says why there is none. `root` is the cgroup
 * mount (tests pass a folder of their own).
 */
export async function boundLearnerBuild(docker: DescribesEngine, opts: { limits?: BuildLimits; root?: string } = {}): Promise<BuildBound> {
  const limits = opts.limits ?? LEARNER_BUILD_LIMITS;
  const root = opts.root ?? CGROUP_ROOT;
  const plan = planBuildBound(await factsOf({ docker }), await engineOnThisKernel(docker), localCgroups(root));
  if (plan.kind === 'unbounded') return unbounded(plan.reason, limits);
  const name = `${ownerMark('buildcg', selfOwner())}${randomBytes(6).toString('hex')}`;
  const pidsDir = plan.version === 2 ? path.join(root, name) : path.join(root, 'pids', name);
  try {
    mkdirSync(pidsDir);
    writeFileSync(path.join(pidsDir, 'pids.max'), String(limits.pidsMax));
    if (plan.version === 2) {
      // The RUN containers' cgroups below ours get the controllers too (runc enables them as well).
      for (const c of ['pids', 'memory']) {
        try {
          writeFileSync(path.join(pidsDir, 'cgroup.subtree_control'), `+${c}`);
        } catch {
          // a controller this machine does not delegate: pids.max above still holds
        }
      }
    }
    // Read back: a limit the kernel did not take is no limit.
    if (parsePidsMax(readText(path.join(pidsDir, 'pids.max')) ?? '') !== limits.pidsMax) throw new Error('pids.max did not take the limit');
  } catch (err) {
    try {
      rmdirSync(pidsDir);
    } catch {
      // never made
    }
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    return unbounded({ en: `the lab could not make its cgroup ${pidsDir}: ${why}`, de: `das Lab konnte seine cgroup ${pidsDir} nicht anlegen: ${why}` }, limits);
  }
  // Polled too: pids.peak is missing on older kernels, and pids.events of a v1 parent stays 0
  // when the fork was refused in the RUN container's own cgroup below it.
  let seen = 0;
  const poll = setInterval(() => {
    const n = Number(readText(path.join(pidsDir, 'pids.current'))?.trim());
    if (Number.isInteger(n) && n > seen) seen = n;
  }, 100);
  poll.unref();
  const dirs = () => (plan.version === 2 ? [pidsDir] : controllerDirs(root, name));
  return {
    cgroupParent: `/${name}`,
    notice: null,
    limits,
    pidsDir,
    limitReached() {
      const peak = parsePidsMax(readText(path.join(pidsDir, 'pids.peak')) ?? '');
      return buildLimitReached({ pidsMax: limits.pidsMax, peak: Math.max(peak ?? 0, seen) || null, refusedForks: parsePidsEvents(readText(path.join(pidsDir, 'pids.events')) ?? '') });
    },
    async release() {
      clearInterval(poll);
      // The engine removes a RUN container's cgroup once the container is gone: a moment after the build.
      const deadline = Date.now() + 5000;
      for (;;) {
        const left = dirs().filter((d) => {
          try {
            removeCgroupTree(d);
            return false;
          } catch (err) {
            return (err as NodeJS.ErrnoException).code !== 'ENOENT';
          }
        });
        if (!left.length || Date.now() > deadline) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
  };
}

/** The folders named `name` in each v1 controller (the engine makes one per controller). */
function controllerDirs(root: string, name: string): string[] {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(root, e.name, name))
      .filter((d) => existsSync(d));
  } catch {
    return [];
  }
}
