/**
 * `zombie-lab pods`: the lab's pods side by side. Start them (real on Podman, emulated on
 * Docker), let the apps begin at one t0, count each pod's zombies from the kernel as the demo
 * does (the pids cgroup fast path at 10 Hz, checked against /proc, whose process list also says
 * which zombies the probe left), run each pod's exec probe as the kubelet would, then stop each
 * pod as the kubelet does — app containers with the pod's grace period, the infra container
 * after — and remove everything, on every exit path.
 */
import type Docker from 'dockerode';
import type { Owner } from '../../core/labels.js';
import type { ProcEntry } from '../../core/run-events.js';
import type { PodFile } from '../../core/pods/pod-file.js';
import type { PodEvent, PodLaneStart } from '../../core/pods/pod-run.js';
import { EventQueue } from '../event-queue.js';
import { LabError } from '../lab-error.js';
import { nsPidOf, pid1NameOf } from '../host-proc.js';
import { ownerFor } from '../run-id.js';
import { sampleContainers } from '../sampler/sample-containers.js';
import type { SampleTarget } from '../sampler/sampler-options.js';
import { abortableDelay } from '../timeout.js';
import { countNow, planCounting, type CountingPlan, type Measured } from '../zombie-count.js';
import { emulatePod } from './emulate-pod.js';
import { playPod } from './play-pod.js';
import { runExecProbe } from './probe-runner.js';
import type { StartedPod } from './started-pod.js';

export interface RunPodsOptions {
  docker: Docker;
  runId: string;
  pods: PodFile[];
  durationMs: number;
  pidsLimit: number;
  memoryMb: number;
  labImage: string;
  /** Docker: no pods, lab 05's pause-container emulation. */
  emulate: boolean;
  signal: AbortSignal;
  /** Stops the pods before durationMs is up, as the kubelet would (the app's `s`); absent: they run the whole duration. */
  stop?: AbortSignal;
}

/** Zombies that are not the app's: what the probe's commands left (the app's own carry the app's command name). */
export function probeZombiesOf(tree: readonly ProcEntry[], appComms: ReadonlySet<string>): number {
  return tree.filter((p) => p.state === 'Z' && !appComms.has(p.comm)).length;
}

export async function* runPods(o: RunPodsOptions): AsyncGenerator<PodEvent> {
  const q = new EventQueue<PodEvent>();
  const body = runBody(o, (e) => q.push(e)).finally(() => q.close());
  yield* q.drain();
  await body;
}

async function runBody(o: RunPodsOptions, push: (e: PodEvent) => void): Promise<void> {
  const owner = ownerFor(o.runId);
  const started: StartedPod[] = [];
  const sampling = new AbortController();
  const probing = new AbortController();
  const loops: Promise<unknown>[] = [];
  const onAbort = () => {
    probing.abort();
    sampling.abort();
  };
  o.signal.addEventListener('abort', onAbort, { once: true });
  try {
    const start = o.emulate ? emulatePod : playPod;
    const ttlS = Math.ceil(o.durationMs / 1000) + 300;
    // Side by side: each start is a few engine round trips; the first failure is reported, and
    // the pods that did start are removed with the rest below.
    const settled = await Promise.allSettled(o.pods.map((pod) => start(o.docker, pod, { owner, pidsLimit: o.pidsLimit, memoryMb: o.memoryMb, labImage: o.labImage, ttlS, signal: o.signal })));
    for (const r of settled) if (r.status === 'fulfilled') started.push(r.value);
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    o.signal.throwIfAborted();
    // How each pod is counted, decided once before the app may begin: the first reading's PID reads and the sampling both follow it.
    const plans = new Map(started.map((s) => [s.pod.name, planCounting(s.app)]));
    const uncountable = started.find((s) => s.way === 'kube-play' && !hostSees(plans.get(s.pod.name)));
    if (uncountable) throw uncountablePod();
    await Promise.all(started.map((s) => s.go()));
    const appComms = new Map<string, Set<string>>();
    const readings = await Promise.all(started.map((s) => readingAfterGate(o, owner, s)));
    for (const [i, s] of started.entries()) {
      const probe = s.pod.containers[0]?.probes[0] ?? null;
      const reading = readings[i] ?? null;
      appComms.set(s.pod.name, new Set(reading?.comms ?? []));
      const lane: PodLaneStart = {
        pod: s.pod.name,
        file: s.pod.file,
        engineName: s.engineName,
        sharePid: s.pod.sharePid,
        graceS: s.pod.graceS,
        stopSignal: s.pod.containers[0]?.stopSignal ?? null,
        // The engine's PIDs are this host's only where the host sees the pod (not Docker Desktop's VM).
        ...(hostSees(plans.get(s.pod.name)) ? { pid1: reading?.pid1 ?? (await pid1NameOf(s.nsInit.initPid)) ?? '?', appNsPid: nsPidOf(s.app.initPid) } : { pid1: reading?.pid1 ?? '?', appNsPid: null }),
        pidsLimit: o.pidsLimit,
        pidsMaxRead: s.pidsMaxRead,
        probe: probe ? { command: probe.command, periodS: probe.periodS, timeoutS: probe.timeoutS } : null,
      };
      push({ type: 'started', lane });
    }
    const t0 = Date.now();
    const stopped = new Set<string>();
    loops.push(sampleAll(o, started, plans, appComms, stopped, t0, sampling.signal, push));
    for (const s of started) {
      const probe = s.pod.containers[0]?.probes[0];
      if (!probe) continue;
      loops.push(
        runExecProbe({
          docker: o.docker,
          containerId: s.app.id,
          probe,
          t0,
          signal: probing.signal,
          onRun: (r) => push({ type: 'probe', pod: s.pod.name, ...r }),
        }),
      );
    }
    // A stop asked for ends the wait as the duration's end does; an abort returns below.
    await abortableDelay(o.durationMs, o.stop ? AbortSignal.any([o.signal, o.stop]) : o.signal);
    probing.abort();
    if (o.signal.aborted) return;
    await Promise.all(
      started.map(async (s) => {
        push({ type: 'stopping', pod: s.pod.name, t: Date.now() - t0, graceS: s.pod.graceS, signal: 'SIGTERM' });
        const r = await s.stop();
        stopped.add(s.pod.name);
        push({ type: 'stopped', pod: s.pod.name, t: Date.now() - t0, stopMs: Math.round(r.stopMs), exitCode: r.exitCode });
      }),
    );
  } finally {
    o.signal.removeEventListener('abort', onAbort);
    probing.abort();
    sampling.abort();
    await Promise.allSettled(loops);
    await Promise.allSettled(started.map((s) => s.remove()));
  }
}

/**
 * A pod that Podman plays where this host cannot see its processes (Podman in a VM or on another
 * machine): the lab counts zombies from this host's /proc, or with a sidecar in the counted PID
 * namespace, and Podman lets no container outside a pod join a pod's PID namespace ("is part of a
 * pod, but container is not"). Refused before the app makes a zombie, rather than shown as none.
 */
function uncountablePod(): LabError {
  return new LabError(
    "Podman runs its pods where this host cannot see their processes (a VM or another machine), and it lets no container outside a pod join the pod's PID namespace: the lab could count none of their zombies",
    "run zombie-lab pods on the machine where Podman runs (Podman machine: podman machine ssh, then the lab there); from here, zombie-lab compare counts the demo's containers through a sidecar",
  );
}

/** This host's /proc shows the pod's processes under the PIDs the engine gives (not so for Docker Desktop's VM). */
function hostSees(plan: CountingPlan | undefined): plan is CountingPlan & { ns: string; source: Exclude<CountingPlan['source'], 'sidecar'> } {
  return !!plan && plan.source !== 'sidecar' && !!plan.ns;
}

/**
 * The pod's first reading once the gate's shell has exec'd the app (no live `sh` left in its
 * namespace; 5 s at most, for an app that is a shell itself): its live commands are then the
 * app's, and zombies of any other command are the probe's. Read as the samples are, so it holds
 * where this host cannot see the pod's processes (Docker Desktop: through the sidecar).
 */
async function readingAfterGate(o: RunPodsOptions, owner: Owner, s: StartedPod): Promise<Measured | null> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const m = await countNow(s.app, { docker: o.docker, owner, sidecarImage: o.labImage, nsOwner: s.nsInit, signal: o.signal }).catch(() => null);
    if ((m && !m.comms.includes('sh')) || Date.now() > deadline || o.signal.aborted) return m;
    await abortableDelay(20, o.signal).catch(() => undefined);
  }
}

/** Every pod's zombies until sampling ends: the host sampler for the pods this host sees, a sidecar reading a second for the others. */
async function sampleAll(o: RunPodsOptions, started: StartedPod[], plans: Map<string, CountingPlan>, appComms: Map<string, Set<string>>, stopped: Set<string>, t0: number, signal: AbortSignal, push: (e: PodEvent) => void): Promise<void> {
  const host: { s: StartedPod; target: SampleTarget }[] = [];
  const remote: StartedPod[] = [];
  for (const s of started) {
    const plan = plans.get(s.pod.name);
    if (hostSees(plan)) host.push({ s, target: { key: s.pod.name, ns: plan.ns, cgroup: plan.cgroup, pidsLimit: o.pidsLimit, source: plan.source } });
    else remote.push(s);
  }
  const owner = ownerFor(o.runId);
  const remoteLoops = remote.map(async (s) => {
    while (!signal.aborted && !stopped.has(s.pod.name)) {
      const m = await countNow(s.app, { docker: o.docker, owner, sidecarImage: o.labImage, nsOwner: s.nsInit, signal }).catch(() => null);
      if (m && !signal.aborted) push({ type: 'sample', pod: s.pod.name, t: Date.now() - t0, zombies: m.zombies, probeZombies: probeZombiesOf(m.tree, appComms.get(s.pod.name) ?? new Set()) });
      await abortableDelay(1000, signal);
    }
  });
  // A zombie between its exit and its reap is real but brief: as on the fast path, a count must be in two readings in a row.
  // The tree comes with each /proc scan, and one scan is handed out on several ticks: confirm across scans only.
  const lastProbe = new Map<string, { tree: readonly ProcEntry[]; reading: number; shown: number }>();
  const confirmed = (pod: string, tree: readonly ProcEntry[]) => {
    const last = lastProbe.get(pod);
    if (last?.tree === tree) return last.shown;
    const reading = probeZombiesOf(tree, appComms.get(pod) ?? new Set());
    const shown = Math.min(last?.reading ?? reading, reading);
    lastProbe.set(pod, { tree, reading, shown });
    return shown;
  };
  if (host.length > 0) {
    for await (const batch of sampleContainers(() => host.filter((h) => !stopped.has(h.s.pod.name)).map((h) => h.target), {
      signal,
      t0,
      withTree: true,
      treeLimit: 2000,
      checkEveryMs: 500,
    })) {
      for (const ts of batch) {
        // A container always has a live PID 1; none means it is going, and its 0 would be a lie.
        if (ts.sample.live === 0) continue;
        const tree = ts.tree ?? [];
        push({ type: 'sample', pod: ts.key, t: ts.sample.t, zombies: ts.sample.zombies, probeZombies: tree.length > 0 ? confirmed(ts.key, tree) : null });
      }
    }
  }
  await Promise.allSettled(remoteLoops);
}
