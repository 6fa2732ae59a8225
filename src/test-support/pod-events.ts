/** A pods run's events as run-pods.ts yields them, for the tests of the pods' lanes (no engine). */
import type { PodEvent, PodLaneStart } from '../core/pods/pod-run.js';

export function podStart(pod: string, n: number, pid1: string): PodLaneStart {
  return { pod, file: `images/pods/0${n}-${pod}.yaml`, engineName: `zombie-lab-x-${pod}`, sharePid: pod === 'shared-pid-ns', graceS: 5, stopSignal: null, pid1, appNsPid: pid1 === 'python3' ? 1 : 2, pidsLimit: 256, pidsMaxRead: 256, probe: { command: ['sh', '-c', 'sleep 3 & sleep 2'], periodS: 1, timeoutS: 1 } };
}

/** Three pods as run-pods.ts reports them: started, sampled, stopped (the app as PID 1 with SIGKILL after the grace period). */
export const THREE_PODS: PodEvent[] = [
  { type: 'note', text: 'ignored' },
  { type: 'started', lane: podStart('app-pid1', 1, 'python3') },
  { type: 'started', lane: podStart('shared-pid-ns', 2, 'catatonit') },
  { type: 'started', lane: podStart('tini', 3, 'tini') },
  { type: 'sample', pod: 'app-pid1', t: 1000, zombies: 12, probeZombies: null },
  { type: 'sample', pod: 'app-pid1', t: 2000, zombies: 25, probeZombies: 2 },
  { type: 'sample', pod: 'shared-pid-ns', t: 2000, zombies: 0, probeZombies: 0 },
  { type: 'sample', pod: 'tini', t: 2000, zombies: 0, probeZombies: 0 },
  { type: 'probe', pod: 'app-pid1', t: 2100, exitCode: null, timedOut: true },
];
export const THREE_PODS_STOP: PodEvent[] = [
  { type: 'stopping', pod: 'app-pid1', t: 3000, graceS: 5, signal: 'SIGTERM' },
  { type: 'stopping', pod: 'tini', t: 3000, graceS: 5, signal: 'SIGTERM' },
  { type: 'stopped', pod: 'tini', t: 3050, stopMs: 50, exitCode: 143 },
  { type: 'stopped', pod: 'app-pid1', t: 8000, stopMs: 5000, exitCode: 137 },
];
