/**
 * What `inspect` reads about one container: the engine's facts (how it was started) and a
 * snapshot of its PID namespace (PID 1, its signal masks, the processes). PIDs here are the
 * container's own (as seen inside its PID namespace). Pure types and helpers.
 */
import type { SignalMasks } from '../signal-mask.js';

export interface ProcInfo {
  pid: number;
  ppid: number;
  comm: string;
  state: string;
  /** Start time, /proc/<pid>/stat field 22 (clock ticks since boot): with the PID, a process's identity. */
  startTicks?: number;
  /** For the processes on the way from PID 1 to the app (read where the host's /proc shows them). */
  cmdline?: string[];
  masks?: SignalMasks | null;
  /** The script a shell runs (its file, or its `-c` string). */
  script?: ScriptText;
}

/** A shell's script as inspect could read it. */
export interface ScriptText {
  /** The file, or "-c" for a command string. */
  path: string;
  text: string | null;
  /** Why it could not be read. */
  unreadable?: string;
}

/** Where the reading came from: the lab's counting sources (see docs/sampler.md). */
export type InspectSource = 'cgroup' | 'host-proc' | 'sidecar';

export interface NamespaceSnapshot {
  source: InspectSource;
  pid1: { cmdline: string[]; comm: string | null; masks: SignalMasks | null; script?: ScriptText };
  /** Every process in the namespace (zombies included), up to the reader's limit. */
  procs: ProcInfo[];
  /** Zombies counted (also those beyond the list's limit). */
  zombies: number;
  /** Live processes counted. */
  live: number;
  pids: {
    /** PIDs charged (live threads + zombies). */
    used: number | null;
    /** The enforced limit; null: none. */
    limit: number | null;
    /** Forks refused at the limit (pids.events); null where the engine does not show it. */
    refusedForks: number | null;
  };
  /** The kernel's pid_max: what a container without a limit can use up. */
  pidMax: number | null;
  /**
   * Where pid_max was read: the host's /proc, or inside the container (since Linux 6.14 pid_max
   * is per PID namespace, and a container's own can be higher than the host's, which still binds).
   */
  pidMaxSeenFrom: 'host' | 'container';
  /** The clock in start-time units (/proc/uptime × 100) at the read, where the host's /proc was read; else null. */
  nowTicks?: number | null;
}

export type StartedBy =
  | { kind: 'docker' }
  | { kind: 'compose'; project: string; service: string; file?: string }
  | { kind: 'kubernetes'; pod: string; namespace: string; container: string };

export interface ContainerFacts {
  id: string;
  name: string;
  image: string;
  entrypoint: string[] | null;
  cmd: string[] | null;
  /** HostConfig.Init: docker run --init / compose init: true. */
  init: boolean;
  stopSignal: string | null;
  /** Config.StopTimeout; null: the engine's default (10 s). */
  stopTimeoutS: number | null;
  /** HostConfig.PidsLimit when set (> 0). */
  pidsLimit: number | null;
  startedBy: StartedBy;
  restartCount: number;
  labels: Record<string, string>;
}

export const DEFAULT_STOP_TIMEOUT_S = 10;

/** Why a container got no verdict: paused, or it ended, was removed or restarted while inspect read it. */
export interface ContainerState {
  state: 'paused' | 'exited' | 'removed' | 'restarted';
  /** It happened while inspect read it (false: it was so when inspect came). */
  during: boolean;
  exitCode: number | null;
  /** The engine's time of it (FinishedAt, StartedAt), when it says. */
  at: string | null;
}

export function startedByFromLabels(labels: Record<string, string>): StartedBy {
  const project = labels['com.docker.compose.project'];
  const service = labels['com.docker.compose.service'];
  if (project && service) {
    const file = labels['com.docker.compose.project.config_files'];
    return { kind: 'compose', project, service, ...(file ? { file } : {}) };
  }
  const pod = labels['io.kubernetes.pod.name'];
  if (pod) return { kind: 'kubernetes', pod, namespace: labels['io.kubernetes.pod.namespace'] ?? 'default', container: labels['io.kubernetes.container.name'] ?? '?' };
  return { kind: 'docker' };
}

export interface ZombieParent {
  pid: number;
  comm: string;
  count: number;
  /** The parent is the container's PID 1: these are orphans (or PID 1's own children) it does not reap. */
  isPid1: boolean;
}

/** Zombies grouped by their parent, most first. */
export function zombieParents(procs: readonly ProcInfo[]): ZombieParent[] {
  const byPid = new Map(procs.map((p) => [p.pid, p]));
  const counts = new Map<number, number>();
  for (const p of procs) if (p.state === 'Z') counts.set(p.ppid, (counts.get(p.ppid) ?? 0) + 1);
  return [...counts.entries()]
    .map(([pid, count]) => ({ pid, count, comm: byPid.get(pid)?.comm ?? '?', isPid1: pid === 1 }))
    .sort((a, b) => b.count - a.count || a.pid - b.pid);
}

/**
 * Zombies seen in both of two snapshots taken apart: a child between its exit and its parent's
 * wait is a zombie for a moment, and must not count as a pile.
 */
export function lastingZombies(first: readonly ProcInfo[], second: readonly ProcInfo[]): ProcInfo[] {
  const before = new Set(first.filter((p) => p.state === 'Z').map((p) => `${p.pid}/${p.ppid}`));
  return second.filter((p) => p.state === 'Z' && before.has(`${p.pid}/${p.ppid}`));
}
