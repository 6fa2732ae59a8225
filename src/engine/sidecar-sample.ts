/** A sidecar's reading as the lab's Sample: the engine's side of src/core/sidecar-protocol.ts. */
import type { Sample } from '../core/sample.js';
import type { SidecarReading } from '../core/sidecar-protocol.js';
import { sampleFromCgroup } from './sampler/host-samples.js';

/** A reading as a Sample: the cgroup's own numbers on the cgroup way; on the /proc way PIDs used are live threads plus zombies. */
export function sampleFromReading(r: SidecarReading, t: number, pidsLimit: number): Sample {
  if (r.cgroup) {
    return {
      ...sampleFromCgroup(r.cgroup, t, pidsLimit, r.costUs),
      zombies: r.zombies,
      source: 'sidecar-cgroup',
      ...(r.rateHz !== undefined ? { rateHz: r.rateHz } : {}),
      ...(r.procCheck ? { procCheck: { zombies: r.procCheck.zombies, ageMs: r.procCheck.ageMs, costUs: r.procCheck.costUs, rateHz: r.procCheck.rateHz } } : {}),
    };
  }
  const pidsUsed = r.threads + r.zombies;
  return {
    t,
    zombies: r.zombies,
    live: r.live,
    pidsUsed,
    pidsLimit,
    // pids.events lives in the engine's cgroups, out of reach from inside: a full table is the sign.
    forkFailures: null,
    costUs: r.costUs,
    source: 'sidecar',
    limitHit: pidsUsed >= pidsLimit,
    ...(r.rateHz !== undefined ? { rateHz: r.rateHz } : {}),
  };
}
