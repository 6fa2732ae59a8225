/**
 * The facts of the engine the lab talks to, from its own `GET /info` and `GET /version` (so
 * doctor describes that engine — Docker Desktop's VM, a remote host — never this machine), and
 * whether it runs on this kernel, from a probe container. Cached per connection.
 */
import type Docker from 'dockerode';
import { engineFacts, limitProblemOf, type EngineFacts, type EngineInfo, type EngineVersion } from '../core/engine-kind.js';
import type { Connection } from './docker-connect.js';
import { LabError } from './lab-error.js';
import { withTimeout } from './timeout.js';

const cache = new WeakMap<Docker, Promise<EngineFacts>>();

export function factsOf(conn: Pick<Connection, 'docker'>, timeoutMs = 10_000): Promise<EngineFacts> {
  let p = cache.get(conn.docker);
  if (!p) {
    p = Promise.all([withTimeout(conn.docker.info() as Promise<EngineInfo>, timeoutMs, 'docker info'), withTimeout(conn.docker.version() as Promise<EngineVersion>, timeoutMs, 'docker version')]).then(
      ([info, version]) => engineFacts(info, version),
    );
    p.catch(() => cache.delete(conn.docker)); // a failed look-up may succeed later
    cache.set(conn.docker, p);
  }
  return p;
}

/** The gate before every zombie-making container: the one-line refusal where a PID limit would not be applied. */
export async function assertPidLimitHolds(docker: Docker): Promise<void> {
  const problem = limitProblemOf(await factsOf({ docker }));
  if (problem) throw LabError.fromProblem(problem);
}
