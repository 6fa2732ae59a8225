/**
 * The approach people reach for: `docker exec` into the container and count Z states in its
 * /proc. Exact, but it needs a new process in the container, so it fails once the PID limit is
 * full. Here for the benchmark and for the test that shows that failure.
 */
import type Docker from 'dockerode';
import { execWithin } from './exec-run.js';

// The state is the first field after the last ')': command names may hold spaces and ')'.
const AWK = `awk '{ sub(/.*\\) /, ""); if ($1 == "Z") n++ } END { print n + 0 }' /proc/[0-9]*/stat 2>/dev/null`;

/** An exec that has not answered by then is as good as failed: the count is for a sampler that must keep up. */
const EXEC_TIMEOUT_MS = 30_000;

export type ExecCount = { ok: true; zombies: number } | { ok: false; error: string };

export async function execCountZombies(docker: Docker, containerId: string): Promise<ExecCount> {
  try {
    const r = await execWithin(docker, containerId, ['sh', '-c', AWK], EXEC_TIMEOUT_MS);
    if (r.timedOut) return { ok: false, error: `no answer within ${EXEC_TIMEOUT_MS / 1000} s` };
    const text = r.stdout.trim();
    if (r.exitCode !== 0) return { ok: false, error: `exit code ${r.exitCode ?? '?'}: ${(r.stderr || r.stdout).trim().split('\n')[0] ?? ''}` };
    const n = Number(text);
    return Number.isInteger(n) ? { ok: true, zombies: n } : { ok: false, error: `unexpected output: ${text.slice(0, 80)}` };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) };
  }
}
