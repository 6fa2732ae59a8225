/**
 * One pod on an engine that runs no pods (Docker): lab 05's emulation. A pause container
 * (catatonit -P, what Podman's infra container runs) and the pod's app container; with
 * `shareProcessNamespace: true` the app joins the pause container's PID namespace
 * (`--pid container:<pause>`), so the pause process is its PID 1, as in a pod. Every container is
 * made by containerSpec: PID limit, memory, no network, no caps, our labels.
 */
import type Docker from 'dockerode';
import { containerName } from '../../core/container-name.js';
import { containerSpec } from '../../core/container-spec.js';
import { gatedArgv, type PodFile } from '../../core/pods/pod-file.js';
import { createAndStart, removeQuietly, stopTimed } from '../containers.js';
import { pidsCgroupOf, readPids } from '../host-proc.js';
import { pidsMaxInside } from '../exec-run.js';
import { openGate } from './pod-gate.js';
import { podLabels, type PodStartOptions } from './play-pod.js';
import type { StartedPod } from './started-pod.js';

export async function emulatePod(docker: Docker, pod: PodFile, o: PodStartOptions): Promise<StartedPod> {
  const limits = { pidsLimit: o.pidsLimit, memoryMb: o.memoryMb };
  const app = pod.containers[0];
  if (!app) throw new RangeError(`${pod.file}: no container`);
  const pause = await createAndStart(
    docker,
    containerSpec({ owner: o.owner, kind: 'pod', image: o.labImage, cmd: ['catatonit', '-P'], limits, labels: podLabels(o.owner, pod, o.pidsLimit, 'pause'), autoRemove: false }),
    o.signal,
  );
  let started;
  try {
    started = await createAndStart(
      docker,
      containerSpec({
        owner: o.owner,
        kind: 'pod',
        image: o.labImage,
        // Behind the same gate as on Podman, so every pod's app begins at one t0.
        cmd: gatedArgv(app.argv),
        env: { ...app.env, ZOMBIE_LAB_TTL: String(o.ttlS) },
        limits,
        labels: podLabels(o.owner, pod, o.pidsLimit, app.name),
        autoRemove: false,
        stopTimeoutS: pod.graceS,
        ...(pod.sharePid ? { pidMode: `container:${pause.id}` } : {}),
      }),
      o.signal,
    );
  } catch (err) {
    await removeQuietly(pause.container);
    throw err;
  }
  const labels = podLabels(o.owner, pod, o.pidsLimit);
  const appC = started;
  let removed = false;
  return {
    pod,
    way: 'pause-container',
    engineName: containerName(labels, `pod-${pod.name}`) as string,
    app: { id: appC.id, initPid: appC.initPid },
    nsInit: pod.sharePid ? { id: pause.id, initPid: pause.initPid } : { id: appC.id, initPid: appC.initPid },
    // Docker sets the limit at create; read back where this host sees the cgroup, else from inside the
    // container (Docker Desktop: the cgroup is in its VM), before the gate lets the app make a zombie.
    pidsMaxRead: readPids(pidsCgroupOf(appC.initPid, undefined, appC.id)).max ?? (await pidsMaxInside(docker, appC.id)),
    go: () => openGate(docker, appC.id),
    async stop() {
      const r = await stopTimed(appC, pod.graceS);
      await stopTimed(pause, 2).catch(() => undefined);
      return r;
    },
    async remove() {
      if (removed) return;
      removed = true;
      await removeQuietly(appC.container);
      await removeQuietly(pause.container);
    },
  };
}
