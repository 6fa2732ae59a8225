/**
 * One pod on Podman, for real: `kube play` of the Pod YAML (network none), then the PID limit
 * that kube play does not set (Podman 4.3: pids.max stays "max") set on every container of the
 * pod and read back from the kernel's pids cgroup before the app may begin (it waits behind the
 * gate, core/pods/pod-file.ts gatedArgv). Refused in one line when the limit does not hold.
 */
import type Docker from 'dockerode';
import { containerName } from '../../core/container-name.js';
import { containerLabels, LABEL_JOB, LABEL_PIDS_LIMIT, LABEL_WORKLOAD, type Owner } from '../../core/labels.js';
import { podYamlForEngine, type PodFile } from '../../core/pods/pod-file.js';
import { assertPidLimitHolds } from '../engine-facts.js';
import { pidsMaxInside } from '../exec-run.js';
import { pidsCgroupOf, readPids } from '../host-proc.js';
import { LabError } from '../lab-error.js';
import { reservePids } from '../pid-budget.js';
import { abortableDelay, settleWithin } from '../timeout.js';
import { openGate } from './pod-gate.js';
import { inspectContainer, inspectPod, playKube, updatePidsLimit, type LibpodContainerInspect } from './libpod.js';
import { removeTrackedPod, trackPod } from './pod-tracking.js';
import type { StartedPod } from './started-pod.js';

export interface PodStartOptions {
  owner: Owner;
  pidsLimit: number;
  memoryMb: number;
  /** The lab's zombie image as this engine names it. */
  labImage: string;
  /** The workload exits by itself after this long (a crashed lab leaks for minutes, not for good). */
  ttlS: number;
  signal: AbortSignal;
}

export function podLabels(owner: Owner, pod: PodFile, pidsLimit: number, job?: string): Record<string, string> {
  return containerLabels(owner, 'pod', { [LABEL_PIDS_LIMIT]: String(pidsLimit), [LABEL_WORKLOAD]: pod.name, ...(job ? { [LABEL_JOB]: job } : {}) });
}

function message(err: unknown): string {
  const e = err as { json?: { cause?: string; message?: string }; message?: string };
  return (e.json?.cause ?? e.json?.message ?? e.message ?? String(err)).split('\n')[0] ?? '';
}

export async function playPod(docker: Docker, pod: PodFile, o: PodStartOptions): Promise<StartedPod> {
  await assertPidLimitHolds(docker);
  const labels = podLabels(o.owner, pod, o.pidsLimit);
  const engineName = containerName(labels, `pod-${pod.name}`) as string;
  const yaml = podYamlForEngine(pod, { podName: engineName, labels, labImage: o.labImage, memoryMb: o.memoryMb, env: { ZOMBIE_LAB_TTL: String(o.ttlS) } });
  // The app containers and the infra container, each under the limit, for the budget's sum.
  const budget = await reservePids(docker, o.pidsLimit * (pod.containers.length + 1), o.signal);
  trackPod(docker, engineName);
  let report;
  try {
    report = await playKube(docker, yaml, o.signal);
  } catch (err) {
    await removeTrackedPod(engineName).catch(() => undefined);
    throw new LabError(`Podman could not play ${pod.file}: ${message(err)}`, 'check the Pod YAML (zombie-lab lint FILE) and that the images are built (zombie-lab prepare)');
  } finally {
    budget.release();
  }
  const played = report.Pods?.[0];
  const errors = played?.ContainerErrors ?? [];
  if (!played || errors.length > 0) {
    await removeTrackedPod(engineName).catch(() => undefined);
    throw new LabError(`Podman played ${pod.file} but ${errors[0] ?? 'made no pod'}`, 'zombie-lab prepare builds the lab\'s images; zombie-lab doctor checks the engine');
  }
  const info = await inspectPod(docker, engineName);
  const appIds = played.Containers ?? [];
  const infraId = info.InfraContainerID ?? null;
  const ids = [...appIds, ...(infraId ? [infraId] : [])];
  for (const id of ids) {
    try {
      await updatePidsLimit(docker, id, o.pidsLimit);
    } catch (err) {
      await removeTrackedPod(engineName).catch(() => undefined);
      throw new LabError(`Podman did not set the PID limit of pod ${pod.name}: ${message(err)}`, 'the lab runs pods only under a PID limit: use a Podman that has `podman update` (4.3 or later) with the pids cgroup controller');
    }
  }
  // Read back from the kernel, every container, before the app may make a single zombie.
  const inits = new Map<string, number>();
  let appMax: number | null = null;
  for (const id of ids) {
    const c = await inspectContainer(docker, id);
    inits.set(id, c.State.Pid);
    const max = await pidsMaxOf(docker, id, c, id === infraId);
    if (max !== o.pidsLimit) {
      await removeTrackedPod(engineName).catch(() => undefined);
      throw new LabError(
        max === null
          ? `the PID limit of pod ${pod.name} cannot be read back, neither from this host's kernel nor from inside the pod, so the lab will not run it`
          : `Podman set the PID limit of pod ${pod.name} to ${o.pidsLimit}, but the kernel reads pids.max ${max}: the lab will not run it`,
        'zombie-lab doctor checks the PID limit; the lab reads it inside an app container with sh and cat (the lab image has them)',
      );
    }
    if (id === appIds[0]) appMax = max;
  }
  const appId = appIds[0] as string;
  const appInit = inits.get(appId) ?? 0;
  const nsOwner = pod.sharePid && infraId ? { id: infraId, initPid: inits.get(infraId) ?? 0 } : { id: appId, initPid: appInit };
  let removed = false;
  return {
    pod,
    way: 'kube-play',
    engineName,
    app: { id: appId, initPid: appInit },
    nsInit: nsOwner,
    pidsMaxRead: appMax,
    async go() {
      await Promise.all(appIds.map((id) => openGate(docker, id)));
    },
    async stop() {
      // The app containers first, with the grace period; the infra container after them: stopped
      // first, it takes a shared namespace's processes with it (SIGKILL, 137) and cuts the wait short.
      const apps = await Promise.all(appIds.map((id) => stopContainer(docker, id, pod.graceS)));
      if (infraId) await stopContainer(docker, infraId, 2).catch(() => null);
      return { stopMs: Math.max(...apps.map((a) => a.stopMs)), exitCode: apps[0]?.exitCode ?? null };
    },
    async remove() {
      if (removed) return;
      removed = true;
      await removeTrackedPod(engineName);
    },
  };
}

/**
 * A pod container's pids.max as the kernel holds it: from this host's view of its cgroup where
 * Podman runs on this kernel; else (Podman in a VM or on another machine) from inside, through an
 * exec — the app containers wait behind the gate with a shell. The infra container has none
 * (catatonit alone, which starts nothing): out of this host's reach, its limit is the one Podman
 * reports having set.
 */
async function pidsMaxOf(docker: Docker, id: string, c: LibpodContainerInspect, infra: boolean): Promise<number | null> {
  const onHost = readPids(pidsCgroupOf(c.State.Pid, undefined, id)).max;
  if (onHost !== null) return onHost;
  if (infra) return c.HostConfig?.PidsLimit ?? null;
  return pidsMaxInside(docker, id);
}

/** How long past the grace period the stop waits for the exit to show before it reports none. */
const STOP_EXIT_SLACK_S = 60;

/**
 * `stop -t graceS`, timed by the container's own exit (polled), then its exit code. Podman 4.3
 * answers the stop with 500 "has active exec sessions" when a probe's command outlived its
 * timeout (the kubelet's way): the container did stop, only its clean-up waits; the pod's forced
 * removal ends those sessions.
 */
async function stopContainer(docker: Docker, id: string, graceS: number): Promise<{ stopMs: number; exitCode: number | null }> {
  const t0 = performance.now();
  const asked = docker
    .getContainer(id)
    .stop({ t: graceS })
    .then(
      () => null,
      (err: unknown) => {
        const code = (err as { statusCode?: number }).statusCode;
        const msg = String((err as Error).message);
        return code === 304 || code === 404 || /active exec sessions/.test(msg) ? null : err;
      },
    );
  // Room past the grace period for the exit to show: Podman 5.4 in an emulated VM (TCG) with the
  // lab sampling beside it took over 15 s more to report a SIGKILLed or SIGTERMed app as exited.
  const deadline = Date.now() + (graceS + STOP_EXIT_SLACK_S) * 1000;
  for (;;) {
    const s = await settleWithin(inspectContainer(docker, id), 5000, null).catch(() => null);
    // Podman's "stopping" is not running yet not down: only exited (or stopped) is.
    if (s && (s.State.Status === 'exited' || s.State.Status === 'stopped')) {
      const stopMs = performance.now() - t0;
      await settleWithin(asked, 5000, null);
      return { stopMs, exitCode: s.State.ExitCode };
    }
    if (Date.now() > deadline) {
      const err = await settleWithin(asked, 1000, null);
      if (err) throw err as Error;
      return { stopMs: performance.now() - t0, exitCode: null };
    }
    await abortableDelay(50, AbortSignal.timeout(1000));
  }
}
