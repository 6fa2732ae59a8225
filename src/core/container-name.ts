/**
 * A lab container's name says what it is, so `docker ps` during a run reads
 * `zombie-lab-<run>-no-init`, `…-dumb-init`, `…-init`, `…-sampler-no-init`, `…-python3-zombies-stop`,
 * `…-check-app-reaps`. Names are for people only: the lab finds its containers by label, never by
 * name. Built from the labels (core/labels.ts), so a name cannot say other than they do.
 */
import { LABEL_JOB, LABEL_KIND, LABEL_LAB_CHECK, LABEL_MODE, LABEL_RUN, LABEL_TARGET, LABEL_VARIANT, LABEL_WORKLOAD } from './labels.js';

/** Docker's rule for names is [a-zA-Z0-9][a-zA-Z0-9_.-]*; the lab keeps to lower case and dashes. */
function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.]+|[-_.]+$/g, '')
    .slice(0, 40);
}

/**
 * What the container is within its run: its lane's mode, the scorecard's variant and job, the lab
 * check, or for a sampler the role of the container it samples (`targetRole`, when the lab made
 * that one too; else the target's short id).
 */
export function containerRole(labels: Record<string, string>, targetRole?: string): string {
  switch (labels[LABEL_KIND]) {
    case 'sampler':
      return `sampler-${targetRole ?? labels[LABEL_TARGET] ?? 'target'}`;
    case 'demo':
      return labels[LABEL_MODE] ?? labels[LABEL_WORKLOAD] ?? 'demo';
    case 'lab':
      return labels[LABEL_LAB_CHECK] ? `check-${labels[LABEL_LAB_CHECK]}` : 'lab';
    case 'pod':
      return ['pod', labels[LABEL_WORKLOAD], labels[LABEL_JOB]].filter(Boolean).join('-');
    case 'probe':
      return labels[LABEL_VARIANT] ? [labels[LABEL_VARIANT], labels[LABEL_JOB]].filter(Boolean).join('-') : 'probe';
    default:
      return labels[LABEL_KIND] ?? 'container';
  }
}

/**
 * `zombie-lab-<run>-<role>`, and `-2`, `-3`… for the second and later container of the same role in
 * one run (the run's owner counts them: a run belongs to one process). null without a run label.
 */
export function containerName(labels: Record<string, string>, role: string, nth = 1): string | null {
  const run = slug(labels[LABEL_RUN] ?? '');
  if (!run) return null;
  return `zombie-lab-${run}-${slug(role) || 'container'}${nth > 1 ? `-${nth}` : ''}`;
}
