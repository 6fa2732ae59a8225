/**
 * A container that makes an exact number of zombies fast (about 1,000-2,000 a second), then
 * rests: python3 as PID 1 forks children that exit at once and never reaps them. For the
 * sampler tests and the benchmark, where counts must be compared on a quiet container.
 */
import { LABEL_WORKLOAD } from '../core/labels.js';
import type Docker from 'dockerode';
import { containerSpec, type PidsAllowance } from '../core/container-spec.js';
import type { Owner } from '../core/labels.js';
import { createAndStart, type Started } from './containers.js';

/** ZOMBIES=N makes N; ZOMBIES=fill forks until the kernel refuses (the PID limit is full), then rests. */
export const ZOMBIE_MAKER_PY = `
import os, sys, time
want = os.environ.get("ZOMBIES", "0")
ttl = float(os.environ.get("ZOMBIE_LAB_TTL", "600"))
fill = want == "fill"
n = 0 if fill else int(want)
made = failed = 0
while fill or made < n:
    try:
        pid = os.fork()
    except OSError:
        failed += 1
        if fill:
            break
        time.sleep(0.001)
        continue
    if pid == 0:
        os._exit(0)
    made += 1
sys.stdout.write("made %d zombies, %d refused forks\\n" % (made, failed))
sys.stdout.flush()
time.sleep(ttl)
`;

export interface ZombieMakerOptions {
  owner: Owner;
  image: string;
  zombies: number | 'fill';
  pidsLimit: number;
  memoryMb?: number;
  ttlS?: number;
  pidsAllowance?: PidsAllowance;
  labels?: Record<string, string>;
}

export function startZombieMaker(docker: Docker, opts: ZombieMakerOptions, signal?: AbortSignal): Promise<Started> {
  return createAndStart(
    docker,
    containerSpec({
      owner: opts.owner,
      kind: 'demo',
      image: opts.image,
      cmd: ['python3', '-c', ZOMBIE_MAKER_PY],
      env: { ZOMBIES: String(opts.zombies), ZOMBIE_LAB_TTL: String(opts.ttlS ?? 600) },
      limits: { pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb ?? 128 },
      ...(opts.pidsAllowance ? { pidsAllowance: opts.pidsAllowance } : {}),
      labels: { [LABEL_WORKLOAD]: 'zombie-maker', ...opts.labels },
    }),
    signal,
  );
}
