/** One reading of one container's process table, taken from the host (or from inside its PID namespace). */
export interface Sample {
  /** Milliseconds since the run started. */
  t: number;
  /** Processes in state Z. */
  zombies: number;
  /** Processes in any other state. */
  live: number;
  /** PIDs charged to the container's pids cgroup (zombies included), or null when unreadable. */
  pidsUsed: number | null;
  /** The container's PidsLimit. */
  pidsLimit: number;
  /** Forks the kernel refused because the limit was full (pids.events "max"), or null when unreadable. */
  forkFailures: number | null;
  /** What the sample itself cost, in microseconds of wall time. */
  costUs: number;
  /** Where `zombies` came from (absent in replays made before sources were recorded). */
  source?: SampleSource;
  /** How often this source actually delivers samples now, per second (the /proc path slows itself down). */
  rateHz?: number;
  /** Most PIDs charged at once so far (pids.peak, or the limit once a fork was refused): a fill between two samples still shows. */
  pidsPeak?: number;
  /** True once the kernel refused a fork because the PID limit was full (pids.events "max" > 0). */
  limitHit?: boolean;
  /** A pod's lane: how many of `zombies` its exec probe left (null before /proc was read; absent in the demo). */
  probeZombies?: number | null;
  /** The /proc count that last cross-checked the cgroup fast path, and how old it is in ms. */
  procCheck?: { zombies: number; ageMs: number; costUs: number; rateHz: number };
}

/** Where samples come from; shown to the user so the numbers are never a mystery. */
export type SampleSource = 'host-proc' | 'cgroup' | 'sidecar' | 'sidecar-cgroup' | 'replay';

export interface SeriesPoint {
  t: number;
  zombies: number;
  live: number;
  pidsUsed: number | null;
}

/**
 * The fast path's zombie count as shown: what was there on this tick and the one before (the
 * smaller of the two). pids.current minus the listed tasks also counts a process between its
 * exit and its reap, and a fork in flight; under an init those come and go within microseconds
 * but now and then land on a tick as a lone 1 or 2, which on a projected "dumb-init: peak 2"
 * teaches the wrong thing. A real pile is there on every tick, so it shows one tick (100 ms) late.
 * The first reading has nothing to confirm it and is shown as it is.
 */
export function confirmedZombies(previousReading: number | undefined, reading: number): number {
  return Math.min(previousReading ?? reading, reading);
}
