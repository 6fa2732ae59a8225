/** What the lab tells the user about each source, in `compare` and the app. */
import type { Disagreement } from '../../core/cross-check.js';
import type { SampleSource } from '../../core/sample.js';

export type LiveSource = Exclude<SampleSource, 'replay'>;

export const SOURCE_DETAIL: Record<LiveSource, string> = {
  cgroup: "the pids cgroup (pids.current minus the threads it lists) every tick, cross-checked against this host's /proc",
  'host-proc': "this host's /proc, scanned on a worker thread within a quarter of a core",
  sidecar: "a sampler container inside each demo's PID namespace (sidecar, through the Docker API)",
  'sidecar-cgroup': "a sampler container inside each demo's PID namespace that reads the demo's pids cgroup every tick (cgroup v2, the engine's cgroup tree read-only), cross-checked against /proc",
};

/** The source a lane fell back to after the cross-check made it leave the cgroup count, with the counts where known. */
export function fellBackDetail(source: LiveSource, mode: string, d?: Disagreement): string {
  const counts = d ? `: the cgroup count said ${d.fast} zombies and /proc ${d.proc}, ${d.times} times in a row` : '';
  return `${SOURCE_DETAIL[source]} (for ${mode}: the cgroup count disagreed with /proc on a quiet container${counts})`;
}
