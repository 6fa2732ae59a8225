/**
 * The one sweep every start runs (the app, compare, scorecard, lab --check, record, prepare,
 * doctor): containers, temporary folders and cgroups of lab processes that are gone. Whatever
 * killed them (SIGKILL, a crash, a lost terminal), their leftovers go at the next start.
 */
import type Docker from 'dockerode';
import { uiText, type SweepCounts } from '../core/i18n.js';
import type { Lang } from '../core/lang.js';
import { removeLabContainers, type RemoveReport } from './cleanup.js';
import { retryUnremoved } from './containers.js';
import { sweepHostLeftovers, type HostSweepReport } from './host-leftovers.js';

export interface SweepReport {
  containers: RemoveReport;
  host: HostSweepReport;
}

export async function sweepLeftovers(docker: Docker): Promise<SweepReport> {
  // First our own: containers whose removal failed while the engine was away.
  await retryUnremoved();
  const [containers, host] = await Promise.all([removeLabContainers(docker), sweepHostLeftovers()]);
  return { containers, host };
}

/** One line for the user, or null when there was nothing to sweep. */
export function describeSweep(r: SweepReport, lang: Lang = 'en'): string | null {
  return uiText(lang).notice.swept(sweepCounts(r));
}

/** What the sweep removed, as numbers (the app words them in its language). */
export function sweepCounts(r: SweepReport): SweepCounts {
  return { containers: r.containers.removed.length, dirs: r.host.removed.length, mounts: r.host.unmounted };
}
