/**
 * `inspect --pod NAME`: which of a Podman pod's containers are read and as what, and whose its
 * zombies are. A pod that shares its PID namespace has one PID 1 for all (the infra container's
 * catatonit or pause), and each container's main process further down; a pod that does not has a
 * PID 1 per container, and its infra container is no part of any app's namespace. Pure: the
 * per-container verdicts themselves are inspect's own (diagnosis.ts), these only frame them.
 */
import { zombieParents, type ProcInfo } from './snapshot.js';

/** What libpod's pod inspect says that this needs (fields as Podman 4 names them). */
export interface PodInspectLike {
  Id: string;
  Name: string;
  InfraContainerID?: string;
  SharedNamespaces?: string[];
  Containers?: { Id: string; Name: string; State: string }[];
}

/**
 * How a container of the pod is read: `namespace-pid1` the infra container whose PID 1 is the
 * shared namespace's; `main-process` an app container in that shared namespace (not PID 1);
 * `pid1` an app container with a namespace of its own.
 */
export const POD_ROLES = ['namespace-pid1', 'main-process', 'pid1'] as const;
export type PodRole = (typeof POD_ROLES)[number];

export interface PodMember {
  id: string;
  name: string;
  role: PodRole;
  /** The engine's state of it (running, exited, …) when the pod was read. */
  state: string;
}

export interface PodShape {
  id: string;
  name: string;
  sharedPid: boolean;
  infraId: string | null;
  /** In the order they are read and reported: the shared namespace's PID 1 first. */
  members: PodMember[];
}

export function podShapeOf(info: PodInspectLike): PodShape {
  const sharedPid = (info.SharedNamespaces ?? []).includes('pid');
  const infraId = info.InfraContainerID || null;
  const containers = info.Containers ?? [];
  const infra = containers.find((c) => c.Id === infraId);
  const apps = containers.filter((c) => c.Id !== infraId);
  const members: PodMember[] = apps.map((c) => ({ id: c.Id, name: c.Name, role: sharedPid ? 'main-process' : 'pid1', state: c.State }));
  // Unshared, the infra container's pause holds the pod's other namespaces only: no app's PID 1, nothing to judge.
  if (sharedPid && infra) members.unshift({ id: infra.Id, name: infra.Name, role: 'namespace-pid1', state: infra.State });
  return { id: info.Id, name: info.Name, sharedPid, infraId, members };
}

/** Zombies under one parent, split by whose they are. */
export interface ZombieOwners {
  parentPid: number;
  parentComm: string;
  /** The parent is the namespace's PID 1. */
  isPid1: boolean;
  /** Zombies that carry the command of the app (its main process or one of its descendants). */
  app: number;
  /**
   * The others: left by commands exec'd into the container from outside (an exec probe's
   * `sh -c "sleep 3 & …"`): they do not descend from the app, so their command is not the app's.
   */
  exec: number;
}

/**
 * The commands of the app: its main processes and their live descendants. A process exec'd into
 * the container (a probe) hangs under no main process, so neither does its command, unless it
 * runs the same program.
 */
export function appCommsOf(procs: readonly ProcInfo[], mainPids: readonly number[]): Set<string> {
  const live = procs.filter((p) => p.state !== 'Z');
  const mine = new Set(mainPids);
  // Descendants, level by level: a handful of levels covers init → shell → app → workers.
  for (let depth = 0; depth < 6; depth++) for (const p of live) if (mine.has(p.ppid)) mine.add(p.pid);
  return new Set(live.filter((p) => mine.has(p.pid)).map((p) => p.comm));
}

/** Zombies by parent, most first, each parent's split into the app's and those exec'd commands left (as `zombie-lab pods` counts the probe's). */
export function zombieOwners(procs: readonly ProcInfo[], appComms: ReadonlySet<string>): ZombieOwners[] {
  // inspect's grouping by parent (zombieParents), each parent's count split by command.
  const appBy = new Map<number, number>();
  for (const p of procs) if (p.state === 'Z' && appComms.has(p.comm)) appBy.set(p.ppid, (appBy.get(p.ppid) ?? 0) + 1);
  return zombieParents(procs).map((z) => {
    const app = appBy.get(z.pid) ?? 0;
    return { parentPid: z.pid, parentComm: z.comm, isPid1: z.isPid1, app, exec: z.count - app };
  });
}

/**
 * The app containers' main processes in the namespace's numbering. Own namespace: PID 1. Shared:
 * a main process was started into the namespace from outside it (its parent, conmon, is no
 * process of the namespace: ppid 0), as an exec'd command is; its command tells them apart.
 */
export function mainPidsOf(procs: readonly ProcInfo[], mainComms: ReadonlySet<string>, sharedPid: boolean): number[] {
  if (!sharedPid) return procs.some((p) => p.pid === 1) ? [1] : [];
  return procs.filter((p) => p.state !== 'Z' && p.pid !== 1 && p.ppid === 0 && mainComms.has(p.comm)).map((p) => p.pid);
}

/** A judged container's last reading, as inspect keeps it: its namespace's processes and its main process's command. */
export interface PodReading {
  procs: readonly ProcInfo[];
  pid1Comm: string | null;
}

export type PodMemberJson = PodMember & { zombiesByParent: ZombieOwners[] | null };

export interface PodJson {
  id: string;
  name: string;
  sharedPid: boolean;
  infraId: string | null;
  members: PodMemberJson[];
}

/**
 * The pod for `--json` (docs/inspect.schema.json, `pod`): each member with its namespace's
 * zombies by parent, once per namespace — a shared one's under its PID 1, the infra container.
 */
export function podJson(pod: PodShape, readings: ReadonlyMap<string, PodReading>): PodJson {
  const mainComms = new Set(pod.members.filter((m) => m.role !== 'namespace-pid1').flatMap((m) => readings.get(m.id)?.pid1Comm ?? []));
  const members = pod.members.map((m): PodMemberJson => {
    const r = readings.get(m.id);
    if (m.role === 'main-process' || !r) return { ...m, zombiesByParent: null };
    const appComms = appCommsOf(r.procs, mainPidsOf(r.procs, mainComms, pod.sharedPid));
    return { ...m, zombiesByParent: zombieOwners(r.procs, appComms) };
  });
  return { id: pod.id, name: pod.name, sharedPid: pod.sharedPid, infraId: pod.infraId, members };
}
