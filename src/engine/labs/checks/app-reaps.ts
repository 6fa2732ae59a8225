/**
 * Lab 06: no init at all; the app itself must reap. The check does not trust the app to make
 * orphans: it runs its own orphan maker in the app's PID namespace (as lab 05 joins one), so the
 * orphans it hands the app are counted by the check, and the app has to reap them as PID 1.
 */
import type { CheckItem } from '../../../core/labs/check-result.js';
import { removeQuietly } from '../../containers.js';
import { buildWorkspaceImage, removeImage } from '../check-build.js';
import { tr, type CheckContext } from '../check-context.js';
import { startForCheck, watch } from '../check-run.js';
import { pinnedEnv, workloadItems, type OrphanWorkload } from './workload-items.js';

export const APP_REAPS_WINDOW_MS = 3000;

/** The lab's own orphan maker: the workload image's app.py, joined to the learner's namespace. */
export const ORPHAN_MAKER: OrphanWorkload = { name: 'app.py', script: '/work/app.py', rate: 20, lingerS: 0.05 };

export async function checkAppReaps(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const { tag, cmd } = await buildWorkspaceImage(ctx, 'app-reaps');
  try {
    const app = await startForCheck(ctx, { image: tag, cmd, env: { ZOMBIE_RATE: String(ORPHAN_MAKER.rate) }, what: 'app-reaps' });
    try {
      const maker = await startForCheck(ctx, {
        image: ctx.workloadTag,
        cmd: ['python3', ORPHAN_MAKER.script],
        env: { ...pinnedEnv(ORPHAN_MAKER), ZOMBIE_KIND: 'orphan', APP_REAP: '0' },
        pidMode: `container:${app.id}`,
        what: 'app-reaps-orphans',
      });
      try {
        const w = await watch(ctx, app, APP_REAPS_WINDOW_MS);
        const m = w.last;
        const isApp = m.pid1 === 'python3' && m.pid1Cmdline[1] === '/app/app.py';
        const [, made] = await workloadItems(ctx, ORPHAN_MAKER, w);
        return [
          {
            ok: isApp,
            what: t('your app is PID 1 (no init)', 'deine App ist PID 1 (kein Init)'),
            detail: t(`PID 1 is ${m.pid1} (${m.pid1Cmdline.join(' ')})`, `PID 1 ist ${m.pid1} (${m.pid1Cmdline.join(' ')})`),
            tryThis: t('this lab fixes it in the app: keep CMD ["python3", "/app/app.py"] and no ENTRYPOINT', 'dieses Lab repariert es in der App: behalte CMD ["python3", "/app/app.py"] und kein ENTRYPOINT'),
          },
          {
            ...(made as CheckItem),
            what: t("the check's orphan maker handed your app its orphans", 'der Waisen-Erzeuger des Checks hat deiner App ihre Waisen übergeben'),
          },
          {
            ok: w.settledZombies <= 2,
            what: t('no zombies pile up', 'keine Zombies stapeln sich'),
            detail: t(
              `${w.settledZombies} zombies after ${APP_REAPS_WINDOW_MS / 1000} s with ${ORPHAN_MAKER.rate} orphans/s handed to your app`,
              `${w.settledZombies} Zombies nach ${APP_REAPS_WINDOW_MS / 1000} s, bei ${ORPHAN_MAKER.rate} Waisen/s, die deine App bekommt`,
            ),
            tryThis: t(
              'install a SIGCHLD handler that calls os.waitpid(-1, os.WNOHANG) in a loop until it returns pid 0: it reaps every child, adopted orphans too',
              'installiere einen SIGCHLD-Handler, der os.waitpid(-1, os.WNOHANG) in einer Schleife aufruft, bis es PID 0 liefert: so räumt er jedes Kind ab, auch adoptierte Waisen',
            ),
          },
        ];
      } finally {
        await removeQuietly(maker.container);
      }
    } finally {
      await removeQuietly(app.container);
    }
  } finally {
    await removeImage(ctx, tag);
  }
}
