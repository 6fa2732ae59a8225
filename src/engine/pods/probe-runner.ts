/**
 * The kubelet's part in an exec probe: run the probe's command in the container through the
 * engine's exec API every periodSeconds, and give up waiting after timeoutSeconds — without
 * killing what the command left behind (the kubelet cannot: an exec has no cgroup or process
 * group of its own it could end). A child the command backgrounds is orphaned when the command
 * exits and adopted by PID 1 of the container's PID namespace; if that PID 1 does not reap, it
 * stays a zombie. This runner reports each run; it restarts nothing (failureThreshold is not
 * acted on: the lab shows the leak, not the kubelet's restarts).
 */
import type Docker from 'dockerode';
import type { ExecProbe } from '../../core/pods/pod-file.js';
import { firstLine } from '../lab-error.js';
import { abortableDelay } from '../timeout.js';
import { execWithin } from '../exec-run.js';

export interface ProbeRun {
  /** ms since the runner's t0 when the exec started. */
  t: number;
  /** The command's exit code, or null when it had not ended by timeoutSeconds (the kubelet gives up: failure). */
  exitCode: number | null;
  timedOut: boolean;
  /** Why the exec could not even start (the container is stopping, say). */
  error?: string;
}

export interface ProbeRunnerOptions {
  docker: Docker;
  containerId: string;
  probe: ExecProbe;
  t0: number;
  signal: AbortSignal;
  onRun: (run: ProbeRun) => void;
}

/** Runs the probe until the signal aborts; resolves with the number of execs started. */
export async function runExecProbe(o: ProbeRunnerOptions): Promise<number> {
  let started = 0;
  let next = Date.now();
  while (!o.signal.aborted) {
    const at = Date.now();
    try {
      started++;
      const r = await execWithin(o.docker, o.containerId, o.probe.command, o.probe.timeoutS * 1000);
      if (o.signal.aborted) break;
      o.onRun({ t: at - o.t0, exitCode: r.exitCode, timedOut: r.timedOut });
    } catch (err) {
      if (o.signal.aborted) break;
      o.onRun({ t: at - o.t0, exitCode: null, timedOut: false, error: firstLine(err) });
    }
    next += o.probe.periodS * 1000;
    const wait = next - Date.now();
    if (wait < 0) next = Date.now();
    await abortableDelay(Math.max(0, wait), o.signal).catch(() => undefined);
  }
  return started;
}
