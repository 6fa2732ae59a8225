/**
 * Creating, stopping and removing lab containers. Every container made by this process is
 * tracked, so any exit path (end, Ctrl-C, SIGTERM, a crash) can remove exactly those.
 */
import type Docker from 'dockerode';
import type { ContainerSpec } from '../core/container-spec.js';

const tracked = new Map<string, Docker.Container>();

export interface Started {
  id: string;
  container: Docker.Container;
  initPid: number;
  /** Resolves with the exit code once the container has exited (null if the wait itself failed). */
  exited: Promise<number | null>;
}

export async function createAndStart(docker: Docker, spec: ContainerSpec, signal?: AbortSignal): Promise<Started> {
  signal?.throwIfAborted();
  const container = await docker.createContainer(spec as unknown as Docker.ContainerCreateOptions);
  tracked.set(container.id, container);
  // Wait before start: with AutoRemove the container may be gone before a later wait could see its exit code.
  const exited = container.wait({ condition: 'next-exit' }).then(
    (r: { StatusCode?: number }) => r.StatusCode ?? null,
    () => null,
  );
  await container.start();
  const info = await container.inspect();
  return { id: container.id, container, initPid: info.State.Pid, exited };
}

export interface StopResult {
  stopMs: number;
  exitCode: number | null;
}

/** `docker stop -t timeoutS`, timed: how long PID 1 took to go is part of the lesson. */
export async function stopTimed(started: Started, timeoutS: number): Promise<StopResult> {
  const t0 = performance.now();
  try {
    await started.container.stop({ t: timeoutS });
  } catch (err) {
    // 304: already stopped; 404: already removed (AutoRemove after exit). Both mean it is down.
    const code = (err as { statusCode?: number }).statusCode;
    if (code !== 304 && code !== 404) throw err;
  }
  const exitCode = await started.exited;
  const stopMs = performance.now() - t0;
  await removeQuietly(started.container);
  return { stopMs, exitCode };
}

/** Removes a container and returns once it is really gone (AutoRemove may already be removing it). */
export async function removeQuietly(container: Docker.Container): Promise<void> {
  try {
    await container.remove({ force: true });
  } catch (err) {
    const code = (err as { statusCode?: number }).statusCode;
    if (code === 409) {
      // "removal already in progress": wait for the engine to finish it, bounded.
      await Promise.race([container.wait({ condition: 'removed' }).catch(() => undefined), new Promise((r) => setTimeout(r, 10_000).unref())]);
    }
    // 404: already gone; anything else: the engine is gone and there is nothing left to do
  }
  tracked.delete(container.id);
}

/** Force-removes every container this process made and has not removed yet. */
export async function removeAllTracked(): Promise<number> {
  const all = [...tracked.values()];
  await Promise.all(all.map(removeQuietly));
  return all.length;
}
