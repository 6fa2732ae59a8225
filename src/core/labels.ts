/**
 * Labels that mark what the lab made. `zombie-lab` holds the run id; the lab only ever
 * removes containers that carry it, and images whose label names one of their own tags.
 */
export const LABEL_RUN = 'zombie-lab';
export const LABEL_KIND = 'zombie-lab.kind';
export const LABEL_MODE = 'zombie-lab.mode';
/** PID and host of the lab process that made a container: a leftover whose maker is gone can be swept. */
export const LABEL_OWNER_PID = 'zombie-lab.owner-pid';
export const LABEL_OWNER_HOST = 'zombie-lab.owner-host';
/** Start time of that process (clock ticks after boot): a reused PID is not the owner. */
export const LABEL_OWNER_START = 'zombie-lab.owner-start';
/** The container's PID limit, so the host-wide PID budget adds them up from one list call. */
export const LABEL_PIDS_LIMIT = 'zombie-lab.pids-limit';
/** On images: the tag the lab gave it. Child images inherit labels, so a match also needs that tag. */
export const LABEL_IMAGE = 'zombie-lab.image';

/** What a container is for, beyond its kind: the sampler's target, the workload, a scorecard run, a lab check. */
export const LABEL_TARGET = 'zombie-lab.target';
export const LABEL_WORKLOAD = 'zombie-lab.workload';
export const LABEL_VARIANT = 'zombie-lab.variant';
export const LABEL_JOB = 'zombie-lab.job';
export const LABEL_LAB_CHECK = 'zombie-lab.lab-check';
/** On the base image: how it was built (`offline` or `registry`). */
export const LABEL_BASE_WAY = 'zombie-lab.base-way';

/** `pod`: a container of `zombie-lab pods` (its pod's name in LABEL_WORKLOAD, its part in LABEL_JOB); on Podman the pod carries the labels too. */
export type ContainerKind = 'demo' | 'probe' | 'sampler' | 'lab' | 'pod';

export interface Owner {
  runId: string;
  pid: number;
  host: string;
  /** Start time of the owner process; 0 where unknown. */
  startTime?: number;
}

export function containerLabels(owner: Owner, kind: ContainerKind, extra: Record<string, string> = {}): Record<string, string> {
  return {
    [LABEL_RUN]: owner.runId,
    [LABEL_KIND]: kind,
    [LABEL_OWNER_PID]: String(owner.pid),
    [LABEL_OWNER_HOST]: owner.host,
    ...(owner.startTime ? { [LABEL_OWNER_START]: String(owner.startTime) } : {}),
    ...extra,
  };
}

/** True when an image is one the lab made: it carries our label AND still has the tag the label names. */
export function isLabImage(labels: Record<string, string> | null | undefined, repoTags: string[] | null | undefined): boolean {
  const tag = labels?.[LABEL_IMAGE];
  return !!tag && (repoTags ?? []).includes(tag);
}
