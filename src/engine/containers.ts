/**
 * Creating, stopping and removing lab containers. Every container made by this process is
 * tracked, so any exit path (end, Ctrl-C, SIGTERM, a crash) can remove exactly those.
 */
import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { containerName, containerRole } from '../core/container-name.js';
import type { ContainerSpec } from '../core/container-spec.js';
import type { AttachesStdin, CreatesContainers, EngineStream, LabContainer, StopsContainer } from './engine-api.js';
import { assertPidLimitHolds } from './engine-facts.js';
import { reservePids } from './pid-budget.js';
import { settleWithin } from './timeout.js';
import { dependentIdsOf } from '../core/dependent-containers.js';

const tracked = new Map<string, LabContainer>();
/** Each tracked container's exit wait, ended by its removal: an engine may never answer it (Podman, for a container that failed to start). */
const waits = new Map<string, AbortController>();

export interface CreateOptions {
  signal?: AbortSignal;
  /** Skip the PID-limit gate: only for doctor's probes, which find out whether the limit holds. */
  diagnostic?: boolean;
}
/** The role of each container this process made (core/container-name), so its sampler can be named for it. */
const roles = new Map<string, string>();
/** How many containers of each name this process has asked for: the second of a role in a run is `-2`. */
const nameCounts = new Map<string, number>();

/** The spec with its name: what it is, within its run (core/container-name). */
function named(spec: ContainerSpec): { spec: ContainerSpec; role: string } {
  const target = spec.HostConfig.PidMode?.startsWith('container:') ? spec.HostConfig.PidMode.slice('container:'.length) : null;
  const role = containerRole(spec.Labels, target ? roles.get(target) : undefined);
  if (spec.name) return { spec, role };
  const base = containerName(spec.Labels, role);
  if (!base) return { spec, role };
  const nth = (nameCounts.get(base) ?? 0) + 1;
  nameCounts.set(base, nth);
  return { spec: { ...spec, name: containerName(spec.Labels, role, nth) ?? base }, role };
}

/** Another process given the same run id took the name: the engine says 409. */
function nameTaken(err: unknown): boolean {
  return (err as { statusCode?: number }).statusCode === 409;
}

/** Removals that failed because the engine was gone: retried by the next sweep and at exit. */
const unremoved = new Map<string, LabContainer>();

/** A started lab container; `container` is what the engine gave (dockerode's Container, unless a test's fake). */
export interface Started<C extends LabContainer = Docker.Container> {
  id: string;
  container: C;
  initPid: number;
  /** Resolves with the exit code once the container has exited (null if the wait itself failed). */
  exited: Promise<number | null>;
}

/** Creates a tracked container, with its exit watched from before it can start. */
async function createTracked<C extends LabContainer>(docker: CreatesContainers<C>, spec: ContainerSpec, opts: CreateOptions): Promise<Omit<Started<C>, 'initPid'>> {
  opts.signal?.throwIfAborted();
  if (!opts.diagnostic) await assertPidLimitHolds(docker);
  const budget = await reservePids(docker, spec.HostConfig.PidsLimit, opts.signal);
  const { spec: withName, role } = named(spec);
  let container: C;
  try {
    container = await docker.createContainer(withName).catch((err: unknown) => {
      if (!withName.name || !nameTaken(err)) throw err;
      return docker.createContainer({ ...withName, name: `${withName.name}-${randomBytes(2).toString('hex')}` });
    });
  } finally {
    budget.release();
  }
  tracked.set(container.id, container);
  roles.set(container.id, role);
  const waitCtl = new AbortController();
  waits.set(container.id, waitCtl);
  // Wait before start: with AutoRemove the container may be gone before a later wait could see its exit code.
  const exited = container.wait({ condition: 'next-exit', abortSignal: waitCtl.signal }).then(
    (r) => r.StatusCode ?? null,
    () => null,
  );
  return { id: container.id, container, exited };
}

export async function createAndStart<C extends LabContainer>(docker: CreatesContainers<C>, spec: ContainerSpec, opts: AbortSignal | CreateOptions = {}): Promise<Started<C>> {
  const made = await createTracked(docker, spec, opts instanceof AbortSignal ? { signal: opts } : opts);
  try {
    await made.container.start();
  } catch (err) {
    // Podman never answers the exit wait of a container that failed to start: remove it now.
    await removeQuietly(made.container);
    throw err;
  }
  return { ...made, initPid: await initPidOf(made.container) };
}

/**
 * The init's PID right after start. A short-lived auto-removed container can be gone before the
 * inspect arrives (a remote engine's round trip is long): it ran and exited, so there is no PID.
 */
async function initPidOf(container: LabContainer): Promise<number> {
  try {
    return (await container.inspect()).State.Pid;
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) return 0;
    throw err;
  }
}

/** A started container whose workload waits for a line on stdin (fork.py's ZOMBIE_LAB_WAIT=stdin). */
export interface Waiting<C extends LabContainer = Docker.Container> extends Started<C> {
  /** True once the container has exited (a waiting workload gives up after its TTL or on stdin EOF). */
  readonly gone: boolean;
  /** Sends the start line and closes stdin. */
  go(): Promise<void>;
  /** Drops the attach without a start line (the workload then exits unused). */
  release(): void;
}

/**
 * Starts a container whose workload waits, attached to its stdin. While the lab stays attached
 * the workload waits; if the lab dies, stdin closes and the workload exits unused. Attach and
 * start go out together: the line is only sent later, so their order does not matter.
 */
export async function startWaiting<C extends LabContainer & AttachesStdin>(docker: CreatesContainers<C>, spec: ContainerSpec, signal?: AbortSignal): Promise<Waiting<C>> {
  const made = await createTracked(docker, spec, signal ? { signal } : {});
  let stdin: EngineStream;
  let initPid: number;
  try {
    const [stream] = await Promise.all([
      made.container.attach({ stream: true, stdin: true, stdout: false, stderr: false, hijack: true }),
      made.container.start(),
    ]);
    stdin = stream;
    initPid = (await made.container.inspect()).State.Pid;
  } catch (err) {
    await removeQuietly(made.container);
    throw err;
  }
  // Flowing, so the engine closing the attach (container gone) ends and frees the socket; a
  // paused hijacked socket would keep the lab's process alive after it quits.
  const release = () => stdin.destroy?.();
  stdin.on('error', () => undefined); // a container removed under us ends the stream; that is not news
  stdin.once('end', release);
  stdin.resume();
  let gone = false;
  void made.exited.then(() => (gone = true));
  return {
    ...made,
    initPid,
    get gone() {
      return gone;
    },
    release,
    go: () =>
      new Promise<void>((resolve) => {
        // Half-close after the line; the engine ends the attach once stdin is closed. Destroying
        // at once could drop the line on a TCP engine, so that is only the fallback.
        stdin.end('go\n', () => {
          setTimeout(release, 5000).unref();
          resolve();
        });
      }),
  };
}

export interface StopResult {
  stopMs: number;
  exitCode: number | null;
}

/** `docker stop -t timeoutS`, timed: how long PID 1 took to go is part of the lesson. */
export async function stopTimed(started: Started<LabContainer & StopsContainer>, timeoutS: number): Promise<StopResult> {
  const t0 = performance.now();
  try {
    await started.container.stop({ t: timeoutS });
  } catch (err) {
    // 304: already stopped; 404: already removed (AutoRemove after exit). Both mean it is down.
    // Podman's stop also runs the auto-removal, and answers 500 when a sidecar still depends on
    // the container: it did stop; the removal below takes the sidecar first.
    const code = (err as { statusCode?: number }).statusCode;
    if (code !== 304 && code !== 404 && !dependentIdsOf(String((err as Error).message)).length) throw err;
  }
  // Bounded: the stop returned, so the exit is due; an engine that never reports it must not hang the lab.
  const exitCode = await settleWithin(started.exited, 15_000, null);
  const stopMs = performance.now() - t0;
  await removeQuietly(started.container);
  return { stopMs, exitCode };
}

/** Removes a container and returns once it is really gone (AutoRemove may already be removing it). */
export async function removeQuietly(container: LabContainer): Promise<void> {
  try {
    await removeOursFirst(container);
  } catch (err) {
    const code = (err as { statusCode?: number }).statusCode;
    if (code === 409) {
      // "removal already in progress": wait for the engine to finish it, bounded.
      await settleWithin(container.wait({ condition: 'removed' }).catch(() => undefined), 10_000, undefined);
    } else if (code !== 404) {
      // No answer at all: the engine is gone for now. Remembered, so the sweep after it is back removes it.
      unremoved.set(container.id, container);
    }
  }
  tracked.delete(container.id);
  roles.delete(container.id);
  waits.get(container.id)?.abort();
  waits.delete(container.id);
}

/**
 * A forced removal; where Podman names containers that depend on this one (our sidecar in its
 * PID namespace), those of ours go first and the removal is tried once more. A dependent the
 * lab did not make is never touched: the error stands.
 */
async function removeOursFirst(container: LabContainer): Promise<void> {
  try {
    await container.remove({ force: true });
  } catch (err) {
    const deps = dependentIdsOf(String((err as Error).message));
    const ours = [...tracked.values()].filter((c) => deps.some((d) => c.id.startsWith(d) || d.startsWith(c.id)));
    if (!deps.length || ours.length < deps.length) throw err;
    for (const dep of ours) await removeQuietly(dep);
    await container.remove({ force: true });
  }
}

/** Retries the removals that failed while the engine was away; returns how many are gone now. */
export async function retryUnremoved(): Promise<number> {
  const all = [...unremoved.values()];
  unremoved.clear();
  await Promise.all(all.map(removeQuietly));
  return all.filter((c) => !unremoved.has(c.id)).length;
}

/** Force-removes every container this process made and has not removed yet. */
export async function removeAllTracked(): Promise<number> {
  const all = [...tracked.values(), ...unremoved.values()];
  unremoved.clear();
  await Promise.all(all.map(removeQuietly));
  return all.length;
}
