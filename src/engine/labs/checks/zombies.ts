/** Lab 01: the learner's container must not pile up zombies. */
import type { CheckItem } from '../../../core/labs/check-result.js';
import type { CheckContext } from '../check-runtime.js';
import { runLearnerImage } from './learner-run.js';

export const ZOMBIE_WINDOW_MS = 3000;

export async function checkZombies(ctx: CheckContext): Promise<CheckItem[]> {
  const r = await runLearnerImage(ctx, 'zombies', { env: { ZOMBIE_RATE: '20' }, windowMs: ZOMBIE_WINDOW_MS, honourFlags: true });
  const items: CheckItem[] = [{ ok: true, what: 'your Dockerfile builds', detail: 'built on top of the lab base image' }];
  const running = r.measured.comms.includes('python3');
  items.push({
    ok: running,
    what: 'fork.py is running',
    detail: running ? `PID 1 is ${r.measured.pid1}, and python3 runs fork.py` : `no python3 process in the container (PID 1 is ${r.measured.pid1})`,
    tryThis: 'keep CMD ["python3", "/root/fork.py"]: the lab fixes the zombies, not the workload',
  });
  const ok = r.measured.zombies <= 2;
  items.push({
    ok,
    what: 'no zombies pile up',
    detail: `${r.measured.zombies} zombie${r.measured.zombies === 1 ? '' : 's'} after ${ZOMBIE_WINDOW_MS / 1000} s at 20 orphans/s; PID 1 is ${r.measured.pid1}`,
    tryThis: ok ? '' : `${r.measured.pid1} as PID 1 never waits for the orphans it adopts: make an init PID 1 (ENTRYPOINT ["dumb-init"] or ["tini", "--"] in the Dockerfile, or --init in docker-run-flags.txt)`,
  });
  return items;
}
