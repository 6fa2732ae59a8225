/** A pod the lab has started, real (Podman's kube play) or emulated (Docker): what the run needs of either. */
import type { PodFile } from '../../core/pods/pod-file.js';
import type { PodsWay } from '../../core/pods/pod-run.js';

export interface StartedPod {
  pod: PodFile;
  way: PodsWay;
  engineName: string;
  /** The pod's first container (the app): its id and its init's PID as the engine reports it. */
  app: { id: string; initPid: number };
  /** PID 1 of the app's PID namespace, as the engine reports it (the infra/pause container's init when shared). */
  nsInit: { id: string; initPid: number };
  /** What the kernel's pids cgroup of the app reads as its limit (null: out of this host's reach). */
  pidsMaxRead: number | null;
  /** Lets the app begin (the gate, see pod-file.ts gatedArgv): after the PID limit is read back, at one t0 for all pods. */
  go(): Promise<void>;
  /** The kubelet's stop: the app containers with the grace period, then the infra container. */
  stop(): Promise<{ stopMs: number; exitCode: number | null }>;
  /** Removes everything of the pod; safe to call twice. */
  remove(): Promise<void>;
}
