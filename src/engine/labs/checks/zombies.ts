/** Lab 01: the learner's container runs the lab's fork.py and must not pile up zombies. */
import path from 'node:path';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { PACKAGE_ROOT } from '../../package-paths.js';
import { tr, type CheckContext } from '../check-context.js';
import { runLearnerImage } from './learner-run.js';
import { pinnedEnv, workloadItems, type OrphanWorkload } from './workload-items.js';

export const ZOMBIE_WINDOW_MS = 3000;

/** The seed's fork.py, as lab 01 and 02 ship it in the workspace. */
export function forkPy(rate: number): OrphanWorkload {
  return { name: 'fork.py', script: '/root/fork.py', rate, lingerS: 0.2, original: path.join(PACKAGE_ROOT, 'images', 'zombie', 'fork.py') };
}

export async function checkZombies(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const work = forkPy(20);
  const r = await runLearnerImage(ctx, 'zombies', { env: pinnedEnv(work), windowMs: ZOMBIE_WINDOW_MS, honourFlags: true, files: [work.script] });
  const m = r.watched.last;
  const items: CheckItem[] = [{ ok: true, what: t('your Dockerfile builds', 'dein Dockerfile baut'), detail: t('built on top of the lab base image', 'auf dem Basis-Image des Labs gebaut') }];
  items.push(...(await workloadItems(ctx, work, r.watched, r.files)));
  const z = r.watched.settledZombies;
  const ok = z <= 2;
  // A shell as PID 1 (shell-form CMD) reaps too, by accident: say what it costs.
  const shell = m.pid1 === 'sh' || m.pid1 === 'dash' || m.pid1 === 'bash';
  items.push({
    ok,
    what: t('no zombies pile up', 'keine Zombies stapeln sich'),
    detail:
      t(
        `${z} zombie${z === 1 ? '' : 's'} after ${ZOMBIE_WINDOW_MS / 1000} s at ${work.rate} orphans/s; PID 1 is ${m.pid1}`,
        `${z} Zombies nach ${ZOMBIE_WINDOW_MS / 1000} s bei ${work.rate} Waisen/s; PID 1 ist ${m.pid1}`,
      ) +
      (ok && shell
        ? t(' (a shell reaps, but ignores SIGTERM: see labs 03 and 04)', ' (eine Shell räumt ab, ignoriert aber SIGTERM: siehe Lab 03 und 04)')
        : ''),
    tryThis: ok
      ? ''
      : t(
          `${m.pid1} as PID 1 never waits for the orphans it adopts: make an init PID 1 (ENTRYPOINT ["dumb-init"] or ["tini", "--"] in the Dockerfile, or --init in docker-run-flags.txt)`,
          `${m.pid1} als PID 1 wartet nie auf die adoptierten Waisen: mach ein Init zu PID 1 (ENTRYPOINT ["dumb-init"] oder ["tini", "--"] im Dockerfile, oder --init in docker-run-flags.txt)`,
        ),
  });
  return items;
}
