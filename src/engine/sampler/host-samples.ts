/** The two ways a host sample is made: from a pids cgroup reading, or from a /proc tally. */
import type { PidsAccounting } from '../../core/cgroup-files.js';
import type { Tally } from '../../core/proc-tally.js';
import type { Sample } from '../../core/sample.js';

/** The fast path's sample from a cgroup reading. */
export function sampleFromCgroup(acc: PidsAccounting, t: number, pidsLimit: number, costUs: number): Sample {
  return {
    t,
    zombies: acc.zombies,
    live: acc.processes,
    pidsUsed: acc.pidsUsed,
    pidsLimit: acc.pidsMax ?? pidsLimit,
    forkFailures: acc.refusedForks,
    costUs,
    source: 'cgroup',
    limitHit: acc.limitHit,
    ...(acc.pidsPeak !== null ? { pidsPeak: acc.pidsPeak } : {}),
  };
}

/** The /proc path's sample; the cgroup still gives PIDs used and refused forks when it is readable. */
export function sampleFromProc(tally: Tally, t: number, pidsLimit: number, costUs: number, acc: PidsAccounting | null): Sample {
  return {
    t,
    zombies: tally.zombies,
    live: tally.live,
    pidsUsed: acc?.pidsUsed ?? null,
    pidsLimit: acc?.pidsMax ?? pidsLimit,
    forkFailures: acc?.refusedForks ?? null,
    costUs,
    source: 'host-proc',
    ...(acc ? { limitHit: acc.limitHit } : {}),
    ...(acc?.pidsPeak != null ? { pidsPeak: acc.pidsPeak } : {}),
  };
}
