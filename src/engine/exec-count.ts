/**
 * The approach people reach for: `docker exec` into the container and count Z states in its
 * /proc. Exact, but it needs a new process in the container, so it fails once the PID limit is
 * full. Here for the benchmark and for the test that shows that failure.
 */
import { PassThrough } from 'node:stream';
import type Modem from 'docker-modem';
import type Docker from 'dockerode';

// The state is the first field after the last ')': command names may hold spaces and ')'.
const AWK = `awk '{ sub(/.*\\) /, ""); if ($1 == "Z") n++ } END { print n + 0 }' /proc/[0-9]*/stat 2>/dev/null`;

export type ExecCount = { ok: true; zombies: number } | { ok: false; error: string };

export async function execCountZombies(container: Docker.Container): Promise<ExecCount> {
  try {
    const exec = await container.exec({ Cmd: ['sh', '-c', AWK], AttachStdout: true, AttachStderr: true });
    const stream = await exec.start({ hijack: true, stdin: false });
    const out = new PassThrough();
    const err = new PassThrough();
    let text = '';
    let errText = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    err.on('data', (d: Buffer) => (errText += d.toString()));
    (container.modem as Modem).demuxStream(stream, out, err);
    await new Promise<void>((resolve) => {
      stream.on('end', resolve);
      stream.on('close', resolve);
      stream.on('error', () => resolve());
    });
    const info = await exec.inspect();
    if (info.ExitCode !== 0) return { ok: false, error: `exit code ${info.ExitCode}: ${(errText || text).trim().split('\n')[0] ?? ''}` };
    const n = Number(text.trim());
    return Number.isInteger(n) ? { ok: true, zombies: n } : { ok: false, error: `unexpected output: ${text.trim().slice(0, 80)}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) };
  }
}
