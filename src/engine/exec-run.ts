/**
 * One command run in a container through the engine's exec API, attached as `docker exec` is:
 * the attach ends when the command does. The lab's one way to run a command in a container and
 * keep what it wrote (pod probes, a pod's gate, the PID limit read from inside, the exec count of
 * zombies). Detached execs are no use here: Podman 4.3's exec inspect keeps saying Running for a
 * detached exec that has long ended.
 */
import { PassThrough } from 'node:stream';
import type Modem from 'docker-modem';
import type Docker from 'dockerode';
import { settleWithin } from './timeout.js';

export interface ExecOutcome {
  /** The command's exit code; null when it had not ended within the time given. */
  exitCode: number | null;
  timedOut: boolean;
  /** What it wrote on stdout, up to STDOUT_KEPT characters (a probe's chatter is not kept in full). */
  stdout: string;
  /** The start of what it wrote on stderr (STDERR_KEPT characters): enough to say why it failed. */
  stderr: string;
}

const STDOUT_KEPT = 64 * 1024;
const STDERR_KEPT = 4 * 1024;

/** Runs `cmd` and waits up to `timeoutMs`; past that it stops waiting and leaves the command (and what it started) running. */
export async function execWithin(docker: Docker, containerId: string, cmd: string[], timeoutMs: number): Promise<ExecOutcome> {
  const container = docker.getContainer(containerId);
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const stream = (await exec.start({ hijack: true, stdin: false, Tty: false })) as NodeJS.ReadableStream & { destroy(): void };
  // Both streams must flow for the end to come; stdout is kept, and the start of stderr for a failure's message.
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().on('data', (d: Buffer) => {
    if (stdout.length < STDOUT_KEPT) stdout += d.toString().slice(0, STDOUT_KEPT - stdout.length);
  });
  const err = new PassThrough().on('data', (d: Buffer) => {
    if (stderr.length < STDERR_KEPT) stderr += d.toString().slice(0, STDERR_KEPT - stderr.length);
  });
  (container.modem as Modem).demuxStream(stream, out, err);
  const ended = new Promise<true>((resolve) => {
    stream.once('end', () => resolve(true));
    stream.once('close', () => resolve(true));
    stream.once('error', () => resolve(true));
  });
  const done = await settleWithin(ended, timeoutMs, false);
  if (!done) {
    // Only our end of the attach goes; the engine keeps the command running, as the kubelet's timeout does.
    stream.destroy();
    return { exitCode: null, timedOut: true, stdout, stderr };
  }
  const info = (await exec.inspect()) as { Running: boolean; ExitCode: number | null };
  return { exitCode: info.Running ? null : info.ExitCode, timedOut: false, stdout, stderr };
}

/** pids.max as the container sees it: v2 at the cgroup root of its namespace, v1 in the pids hierarchy. */
export const PIDS_MAX_SCRIPT = 'echo "pids.max=$(cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || echo none)"';

/**
 * The container's PID limit as the kernel holds it, read from inside through an exec: where this
 * host cannot see the container's cgroup (Docker Desktop's VM, a dockerd in a PID namespace of its
 * own). null when it cannot be read (no shell in the image, the exec refused or not done in time).
 */
export async function pidsMaxInside(docker: Docker, containerId: string, timeoutMs = 10_000): Promise<number | null> {
  const r = await execWithin(docker, containerId, ['sh', '-c', PIDS_MAX_SCRIPT], timeoutMs).catch(() => null);
  const seen = Number(/pids\.max=(\d+)/.exec(r?.stdout ?? '')?.[1]);
  return r?.exitCode === 0 && Number.isInteger(seen) ? seen : null;
}
