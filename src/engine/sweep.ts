/**
 * The one sweep every start runs (the app, compare, scorecard, lab --check, record, prepare,
 * doctor): containers, temporary folders and cgroups of lab processes that are gone. Whatever
 * killed them (SIGKILL, a crash, a lost terminal), their leftovers go at the next start.
 */
import type Docker from 'dockerode';
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
export function describeSweep(r: SweepReport): string | null {
  const parts: string[] = [];
  const n = r.containers.removed.length;
  if (n) parts.push(`${n} container${n === 1 ? '' : 's'}`);
  const dirs = r.host.removed.length;
  if (dirs) parts.push(`${dirs} temporary folder${dirs === 1 ? '' : 's'} or cgroup${dirs === 1 ? '' : 's'}${r.host.unmounted ? ` (${r.host.unmounted} mount${r.host.unmounted === 1 ? '' : 's'} undone)` : ''}`);
  if (!parts.length) return null;
  return `removed ${parts.join(' and ')} left by earlier runs whose lab process is gone`;
}
