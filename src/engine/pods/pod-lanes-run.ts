/**
 * The app's pods run (`::: lanes pods`): the lab's Pod YAML files run as `zombie-lab pods` runs
 * them (for real on Podman, emulated on Docker), their events put on the demo's lanes
 * (core/pods/pod-lane-events.ts). It runs until the presenter stops it (`s`), as the demo does.
 */
import type Docker from 'dockerode';
import type { RunControl } from '../../core/event-source.js';
import { MODE_IDS } from '../../core/modes.js';
import { podLaneEvents } from '../../core/pods/pod-lane-events.js';
import type { RunEvent } from '../../core/run-events.js';
import { loadPodFiles } from './pod-files.js';
import { podImage, podsWayOf } from './pods-engine.js';
import { runPods } from './run-pods.js';

export interface PodLanesOptions {
  runId: string;
  pidsLimit: number;
  memoryMb: number;
  /** The pods stop by themselves after this long if nobody pressed `s`. */
  durationMs: number;
}

export async function* runPodLanes(docker: Docker, o: PodLanesOptions, ctl: RunControl): AsyncGenerator<RunEvent> {
  const pods = await loadPodFiles();
  for (const mode of MODE_IDS.slice(0, pods.length)) yield { type: 'lane', mode, state: { kind: 'starting' } };
  const { way, kind } = await podsWayOf(docker);
  // The demo's standby has as a rule built the image already; a build's lines come out once it is done.
  const builds: RunEvent[] = [];
  const labImage = await podImage(docker, kind, ctl.signal, (e) => builds.push(e));
  yield* builds;
  const toLanes = podLaneEvents({ emulated: way === 'pause-container' });
  for await (const e of runPods({ docker, runId: o.runId, pods, durationMs: o.durationMs, pidsLimit: o.pidsLimit, memoryMb: o.memoryMb, labImage, emulate: way === 'pause-container', signal: ctl.signal, stop: ctl.stop })) {
    yield* toLanes(e);
  }
}
