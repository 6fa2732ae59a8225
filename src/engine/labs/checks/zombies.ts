/** Lab 01: the learner's container must not pile up zombies. */
import type { CheckItem } from '../../../core/labs/check-result.js';
import { tr, type CheckContext } from '../check-runtime.js';
import { runLearnerImage } from './learner-run.js';

export const ZOMBIE_WINDOW_MS = 3000;

export async function checkZombies(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const r = await runLearnerImage(ctx, 'zombies', { env: { ZOMBIE_RATE: '20' }, windowMs: ZOMBIE_WINDOW_MS, honourFlags: true });
  const items: CheckItem[] = [{ ok: true, what: t('your Dockerfile builds', 'dein Dockerfile baut'), detail: t('built on top of the lab base image', 'auf dem Basis-Image des Labs gebaut') }];
  const running = r.measured.comms.includes('python3');
  items.push({
    ok: running,
    what: t('fork.py is running', 'fork.py läuft'),
    detail: running
      ? t(`PID 1 is ${r.measured.pid1}, and python3 runs fork.py`, `PID 1 ist ${r.measured.pid1}, und python3 führt fork.py aus`)
      : t(`no python3 process in the container (PID 1 is ${r.measured.pid1})`, `kein python3-Prozess im Container (PID 1 ist ${r.measured.pid1})`),
    tryThis: t('keep CMD ["python3", "/root/fork.py"]: the lab fixes the zombies, not the workload', 'behalte CMD ["python3", "/root/fork.py"]: das Lab repariert die Zombies, nicht die Last'),
  });
  const ok = r.measured.zombies <= 2;
  items.push({
    ok,
    what: t('no zombies pile up', 'keine Zombies stapeln sich'),
    detail: t(
      `${r.measured.zombies} zombie${r.measured.zombies === 1 ? '' : 's'} after ${ZOMBIE_WINDOW_MS / 1000} s at 20 orphans/s; PID 1 is ${r.measured.pid1}`,
      `${r.measured.zombies} Zombies nach ${ZOMBIE_WINDOW_MS / 1000} s bei 20 Waisen/s; PID 1 ist ${r.measured.pid1}`,
    ),
    tryThis: ok
      ? ''
      : t(
          `${r.measured.pid1} as PID 1 never waits for the orphans it adopts: make an init PID 1 (ENTRYPOINT ["dumb-init"] or ["tini", "--"] in the Dockerfile, or --init in docker-run-flags.txt)`,
          `${r.measured.pid1} als PID 1 wartet nie auf die adoptierten Waisen: mach ein Init zu PID 1 (ENTRYPOINT ["dumb-init"] oder ["tini", "--"] im Dockerfile, oder --init in docker-run-flags.txt)`,
        ),
  });
  return items;
}
