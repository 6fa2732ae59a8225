/**
 * The facts of the engine the lab talks to, from its own `GET /info` and `GET /version` (so
 * doctor describes that engine — Docker Desktop's VM, a remote host — never this machine), and
 * whether it runs on this kernel, from a probe container. Cached per connection.
 */
import { engineFacts, limitProblemOf, type EngineFacts } from '../core/engine-kind.js';
import type { DescribesEngine } from './engine-api.js';
import { LabError } from './lab-error.js';
import { withTimeout } from './timeout.js';

const cache = new WeakMap<DescribesEngine, Promise<EngineFacts>>();

export function factsOf(conn: { docker: DescribesEngine }, timeoutMs = 10_000): Promise<EngineFacts> {
  let p = cache.get(conn.docker);
  if (!p) {
    p = Promise.all([withTimeout(conn.docker.info(), timeoutMs, 'docker info'), withTimeout(conn.docker.version(), timeoutMs, 'docker version')]).then(
      ([info, version]) => engineFacts(info, version),
    );
    p.catch(() => cache.delete(conn.docker)); // a failed look-up may succeed later
    cache.set(conn.docker, p);
  }
  return p;
}

/** The gate before every zombie-making container: the one-line refusal where a PID limit would not be applied. */
export async function assertPidLimitHolds(docker: DescribesEngine): Promise<void> {
  const problem = limitProblemOf(await factsOf({ docker }));
  if (problem) throw LabError.fromProblem(problem);
}
