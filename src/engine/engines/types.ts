/**
 * What differs between engines the lab runs on, as data: one object per kind of engine
 * (docker.ts, podman.ts, rootless.ts), picked from what the engine says about itself.
 */

/** What the engine reports about itself (`docker version` and `docker info`). */
export interface EngineFacts {
  /** 'podman' when `docker version` lists a "Podman Engine" component. */
  product: 'docker' | 'podman';
  version: string;
  /** SecurityOptions holds name=rootless. */
  rootless: boolean;
  cgroupVersion: 1 | 2 | null;
  /** cgroupfs, systemd, or none (rootless Docker on cgroup v1: no cgroups at all). */
  cgroupDriver: string | null;
  /** info.PidsLimit: whether the engine says it can apply a PID limit. */
  pidsLimitSupported: boolean | null;
}

export interface EngineTraits {
  kind: 'docker' | 'podman' | 'rootless-docker';
  /** For messages: "Docker", "Podman", "rootless Docker". */
  label: string;
  /** The binary behind HostConfig.Init (`--init`), and how it shows as PID 1 (/proc/1/comm). */
  init: { binary: string; comm: string; install: string };
  /** Whether `--init` passes signals to the process group with TINI_KILL_PROCESS_GROUP=1 (tini does, catatonit does not). */
  initHonoursKillProcessGroup: boolean;
  /** For the scorecard: what is different about `--init` here, or null when it is Docker's tini. */
  initNote: string | null;
  /** Registry prefixes the engine puts before our short tags in its image lists ("docker.io/", "localhost/"). */
  tagPrefixes: string[];
}

/** Why the kernel would not hold a container to its PID limit on this engine, with the fix; null when it would. */
export interface LimitProblem {
  message: string;
  fix: string;
}
