/**
 * Finding and removing what the lab made, and nothing else: containers by our label,
 * images only when they carry our label AND the tag it names.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type Docker from 'dockerode';
import { isLabImage, LABEL_IMAGE, LABEL_OWNER_HOST, LABEL_OWNER_PID, LABEL_OWNER_START, LABEL_RUN, LABEL_TARGET } from '../core/labels.js';
import { dependentsFirst } from '../core/dependent-containers.js';
import { ownerProcessAlive } from './owner-process.js';
import { ENGINE_KINDS } from '../core/engine-kind.js';
import { factsOf } from './engine-facts.js';
import { listPods, removePod } from './pods/libpod.js';

export interface LabContainer {
  id: string;
  name: string;
  runId: string;
  state: string;
  ownerAlive: boolean;
  /** A sampler sidecar in another container's PID namespace (it names that container). */
  sidecar: boolean;
}

/** Is the lab process that made a container still running here? (Different host: assume yes.) */
export function ownerAlive(labels: Record<string, string>): boolean {
  if (labels[LABEL_OWNER_HOST] !== hostname()) return true;
  const pid = Number(labels[LABEL_OWNER_PID]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  const startTime = Number(labels[LABEL_OWNER_START] ?? 0);
  if (Number.isSafeInteger(startTime) && startTime > 0) return ownerProcessAlive({ pid, startTime });
  if (pid === process.pid) return true;
  if (!ownerProcessAlive({ pid, startTime: 0 })) return false;
  try {
    // Labels of older versions have no start time. PID reuse: a live PID that is not a node process is not our lab.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true;
  }
}

export async function listLabContainers(docker: Docker): Promise<LabContainer[]> {
  const list = await docker.listContainers({ all: true, filters: { label: [LABEL_RUN] } });
  return list
    .filter((c) => typeof c.Labels?.[LABEL_RUN] === 'string')
    .map((c) => ({
      id: c.Id,
      name: (c.Names?.[0] ?? '').replace(/^\//, ''),
      runId: c.Labels[LABEL_RUN] ?? '',
      state: c.State,
      ownerAlive: ownerAlive(c.Labels),
      sidecar: typeof c.Labels[LABEL_TARGET] === 'string',
    }));
}

export interface RemoveReport {
  removed: LabContainer[];
  kept: LabContainer[];
  failed: { c: LabContainer; reason: string }[];
}

/**
 * Removes lab containers: those of runs whose process is gone, or also the live ones with `all`.
 * `runId` narrows it to one run.
 */
export async function removeLabContainers(docker: Docker, opts: { all?: boolean; runId?: string } = {}): Promise<RemoveReport> {
  const report: RemoveReport = { removed: [], kept: [], failed: [] };
  // Podman's pods first: their infra containers carry no labels of ours, and go only with the pod.
  await removeLabPods(docker, opts, report);
  // Sidecars first: Podman refuses to remove a container while one in its PID namespace is left.
  for (const c of dependentsFirst(await listLabContainers(docker), (x) => x.sidecar)) {
    if (opts.runId && c.runId !== opts.runId) continue;
    if (c.ownerAlive && !opts.all && !opts.runId) {
      report.kept.push(c);
      continue;
    }
    try {
      await docker.getContainer(c.id).remove({ force: true });
      report.removed.push(c);
    } catch (err) {
      // Gone already, or going (an AutoRemove in flight answers 409 "removal … already in progress").
      if (isGoneOrGoing(err)) report.removed.push(c);
      else report.failed.push({ c, reason: err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err) });
    }
  }
  return report;
}

/** The lab's pods (Podman; Docker has no pods and answers 404), by the same rules as its containers. */
async function removeLabPods(docker: Docker, opts: { all?: boolean; runId?: string }, report: RemoveReport): Promise<void> {
  let pods;
  try {
    pods = await listPods(docker, LABEL_RUN);
  } catch {
    return; // no libpod API: no pods
  }
  for (const p of pods) {
    const labels = p.Labels ?? {};
    const runId = labels[LABEL_RUN];
    if (typeof runId !== 'string') continue;
    if (opts.runId && runId !== opts.runId) continue;
    const c: LabContainer = { id: p.Id, name: p.Name, runId, state: 'pod', ownerAlive: ownerAlive(labels), sidecar: false };
    if (c.ownerAlive && !opts.all && !opts.runId) {
      report.kept.push(c);
      continue;
    }
    try {
      await removePod(docker, p.Id);
      report.removed.push(c);
    } catch (err) {
      if (isGoneOrGoing(err)) report.removed.push(c);
      else report.failed.push({ c, reason: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) });
    }
  }
}

function isGoneOrGoing(err: unknown): boolean {
  const e = err as { statusCode?: number; message?: string };
  return e.statusCode === 404 || (e.statusCode === 409 && /already in progress/i.test(e.message ?? ''));
}

export interface ImageRemoveReport {
  removed: string[];
  failed: { tag: string; reason: string }[];
}

/** Untags our images by the tags we gave them (an image someone else also tagged keeps their tag). */
export async function removeLabImages(docker: Docker): Promise<ImageRemoveReport> {
  const report: ImageRemoveReport = { removed: [], failed: [] };
  const kind = ENGINE_KINDS[(await factsOf({ docker })).kind];
  const images = await docker.listImages({ filters: { label: [LABEL_IMAGE] } });
  // Compared as the lab wrote them: Podman lists zombie-lab/base:x as docker.io/zombie-lab/base:x.
  const ours = images.filter((i) => isLabImage(i.Labels, (i.RepoTags ?? []).map((t) => kind.normaliseTag(t))));
  // Children first: the zombie image sits on the base image.
  ours.sort((a, b) => (a.Labels?.[LABEL_IMAGE]?.includes('/base:') ? 1 : 0) - (b.Labels?.[LABEL_IMAGE]?.includes('/base:') ? 1 : 0));
  for (const img of ours) {
    // Removed by the name the engine lists, which it surely knows.
    const tags = (img.RepoTags ?? []).filter((t) => kind.normaliseTag(t).startsWith('zombie-lab/'));
    for (const tag of tags) {
      try {
        await docker.getImage(tag).remove();
        report.removed.push(tag);
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode === 404) {
          report.removed.push(tag); // removed meanwhile, with its child or by another clean
          continue;
        }
        report.failed.push({ tag, reason: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err) });
      }
    }
  }
  return report;
}
