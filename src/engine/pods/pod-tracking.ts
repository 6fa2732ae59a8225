/**
 * The pods this process played on Podman, so every exit path (end, Ctrl-C, SIGTERM, a crash)
 * removes them with their infra containers — the containers' own tracking (containers.ts) does
 * not see them: kube play made them, not createContainer.
 */
import type Docker from 'dockerode';
import { removePod } from './libpod.js';

const tracked = new Map<string, Docker>();

export function trackPod(docker: Docker, name: string): void {
  tracked.set(name, docker);
}

/** Removes one pod (force: running containers too) and forgets it; a pod already gone is fine. */
export async function removeTrackedPod(name: string): Promise<void> {
  const docker = tracked.get(name);
  if (!docker) return;
  try {
    await removePod(docker, name);
    tracked.delete(name);
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) tracked.delete(name);
    else throw err;
  }
}

/** Removes every pod this process played and has not removed yet; returns how many it tried. */
export async function removeAllTrackedPods(): Promise<number> {
  const names = [...tracked.keys()];
  await Promise.all(names.map((n) => removeTrackedPod(n).catch(() => undefined)));
  return names.length;
}
