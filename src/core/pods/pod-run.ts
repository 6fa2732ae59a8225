/**
 * What a pods run reports (`zombie-lab pods`, docs/pods.schema.json): the events the engine side
 * yields while it runs the pods, and the lanes they add up to. Pure.
 */

/** How the pods ran: for real (Podman's kube play), or emulated with a pause container (Docker). */
export type PodsWay = 'kube-play' | 'pause-container';

export interface PodLaneStart {
  pod: string;
  /** The YAML file it came from, as given (images/pods/… for the lab's own). */
  file: string;
  /** The name it runs under on the engine (zombie-lab-<run>-<pod>). */
  engineName: string;
  sharePid: boolean;
  graceS: number;
  /** lifecycle.stopSignal of the app container, if the Pod sets one. */
  stopSignal: string | null;
  /** The command of PID 1 of the app's PID namespace. */
  pid1: string;
  /** The app's PID as its namespace numbers it: 1 when it is PID 1. */
  appNsPid: number | null;
  /** The PID limit set on every container of the pod, and what the kernel's pids cgroup reads back for the app. */
  pidsLimit: number;
  pidsMaxRead: number | null;
  probe: { command: string[]; periodS: number; timeoutS: number } | null;
}

export type PodEvent =
  | { type: 'started'; lane: PodLaneStart }
  | { type: 'sample'; pod: string; t: number; zombies: number; probeZombies: number | null }
  | { type: 'probe'; pod: string; t: number; exitCode: number | null; timedOut: boolean; error?: string }
  | { type: 'stopping'; pod: string; t: number; graceS: number; signal: string }
  | { type: 'stopped'; pod: string; t: number; stopMs: number; exitCode: number | null }
  | { type: 'note'; text: string };

export interface PodSample {
  t: number;
  zombies: number;
  /** Zombies left by the probe's commands (by command name; see run-pods.ts); null before the first /proc reading. */
  probeZombies: number | null;
}

export interface PodLane extends PodLaneStart {
  samples: PodSample[];
  /** Peaks while the pod ran, before its stop began (the stop's own moments do not count). */
  zombiesPeak: number;
  probeZombiesPeak: number;
  /** ms since t0 when the stop began; null if it never did. */
  stopAt: number | null;
  probeRuns: number;
  probeTimeouts: number;
  probeErrors: number;
  stopMs: number | null;
  exitCode: number | null;
}

/** The lanes the events add up to, in the order the pods started. */
export function lanesOf(events: readonly PodEvent[]): PodLane[] {
  const lanes = new Map<string, PodLane>();
  for (const e of events) {
    if (e.type === 'started') {
      lanes.set(e.lane.pod, { ...e.lane, samples: [], zombiesPeak: 0, probeZombiesPeak: 0, probeRuns: 0, probeTimeouts: 0, probeErrors: 0, stopAt: null, stopMs: null, exitCode: null });
      continue;
    }
    if (e.type === 'note') continue;
    const lane = lanes.get(e.pod);
    if (!lane) continue;
    if (e.type === 'sample') {
      lane.samples.push({ t: e.t, zombies: e.zombies, probeZombies: e.probeZombies });
      if (lane.stopAt !== null) continue;
      lane.zombiesPeak = Math.max(lane.zombiesPeak, e.zombies);
      lane.probeZombiesPeak = Math.max(lane.probeZombiesPeak, e.probeZombies ?? 0);
    } else if (e.type === 'probe') {
      if (e.error) lane.probeErrors++;
      else lane.probeRuns++;
      if (e.timedOut) lane.probeTimeouts++;
    } else if (e.type === 'stopping') {
      lane.stopAt = e.t;
    } else if (e.type === 'stopped') {
      lane.stopMs = e.stopMs;
      lane.exitCode = e.exitCode;
    }
  }
  return [...lanes.values()];
}

/** The emulation, in one sentence (text and JSON say it alike). */
export const EMULATED_NOTE =
  'this engine runs no pods: each pod is emulated with a pause container (catatonit -P, as Podman\'s infra container), and a shared PID namespace by joining it with --pid container:<pause>';
