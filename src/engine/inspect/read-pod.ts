/**
 * `inspect --pod NAME`: the pod as Podman's own API tells it (its containers, its infra container,
 * whether they share a PID namespace), read-only. Docker has no pods: a one-line refusal that
 * names the way that works there.
 */
import type Docker from 'dockerode';
import { engineKindOf, type EngineVersion } from '../../core/engine-kind.js';
import { podShapeOf, type PodShape } from '../../core/inspect/pod-report.js';
import { LabError } from '../lab-error.js';
import { inspectPod } from '../pods/libpod.js';

export async function readPod(docker: Docker, name: string): Promise<PodShape> {
  const kind = engineKindOf((await docker.version()) as EngineVersion);
  if (kind !== 'podman') throw LabError.of({ id: 'pods-need-podman', name, engine: 'Docker' });
  try {
    return podShapeOf(await inspectPod(docker, name));
  } catch (err) {
    if ((err as { statusCode?: number }).statusCode === 404) throw LabError.of({ id: 'no-such-pod', name });
    throw err;
  }
}
