/**
 * What stopped a run's containers, so that no line says `docker stop` where something else
 * happened: the demo is stopped with `docker stop` and its timeout; a pods run stops each pod with
 * its own terminationGracePeriodSeconds — on Podman, which plays the Pod YAML, with `podman stop`;
 * on Docker, which runs no pods, with `docker stop` of the emulation's app container. The words for
 * each are in i18n.ts (`stopName`). Pure.
 */
import type { ModeId } from './modes.js';

export type StopWay = 'docker-stop' | 'pod-podman' | 'pod-emulated';

/** The stop of the run these lanes show: a pod's lane says how its pod ran (`emulated`: with a pause container, on Docker). */
export function stopWayOf(lanes: Record<ModeId, { pod: { emulated: boolean } | null }>): StopWay {
  const pod = Object.values(lanes).find((l) => l.pod !== null)?.pod;
  if (!pod) return 'docker-stop';
  return pod.emulated ? 'pod-emulated' : 'pod-podman';
}
