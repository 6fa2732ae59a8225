/**
 * Benchmark (not a test): `zombie-lab pods` from the call to every pod's first sample — start the
 * three pods (kube play and the PID limit read back on Podman; pause containers on Docker), open
 * their gates, and count. Images must be built. The engine is DOCKER_HOST's (a Podman rig too).
 */
import type { Connection } from '../engine/docker-connect.js';
import { imageTags } from '../engine/images.js';
import { loadPodFiles } from '../engine/pods/pod-files.js';
import { podsWayOf, taggedAsListed } from '../engine/pods/pods-engine.js';
import { runPods } from '../engine/pods/run-pods.js';
import { newRunId } from '../engine/run-id.js';

export interface PodsRound {
  /** All pods started, their limits read back, their apps begun (the lanes' t0). */
  started: number;
  /** Every pod's first sample. */
  firstSamples: number;
}

export async function podsRound(conn: Connection, signal: AbortSignal): Promise<PodsRound> {
  const { way, kind } = await podsWayOf(conn.docker);
  const labImage = await taggedAsListed(conn.docker, kind, (await imageTags()).zombie);
  const pods = await loadPodFiles();
  const t0 = performance.now();
  let started = 0;
  let firstSamples = 0;
  const seen = new Set<string>();
  const stop = new AbortController();
  const both = AbortSignal.any([signal, stop.signal]);
  for await (const e of runPods({ docker: conn.docker, runId: newRunId('bench-pods'), pods, durationMs: 60_000, pidsLimit: 256, memoryMb: 128, labImage, emulate: way === 'pause-container', signal: both })) {
    if (e.type === 'started') {
      seen.add(e.lane.pod);
      if (seen.size === pods.length) started = performance.now() - t0;
    }
    if (e.type === 'sample' && !firstSamples) {
      seen.add(`sample:${e.pod}`);
      if (pods.every((p) => seen.has(`sample:${p.name}`))) {
        firstSamples = performance.now() - t0;
        stop.abort(); // measured: the run removes its pods on the way out
      }
    }
  }
  return { started, firstSamples };
}
