/** Lab 05: a second container joined to another's PID namespace must not leave zombies. */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { removeQuietly } from '../../containers.js';
import { CheckStop, tr, type CheckContext } from '../check-context.js';
import { startForCheck, watch } from '../check-run.js';
import { readWorkspaceFile } from '../check-workspace.js';
import { pinnedEnv, workloadItems, type OrphanWorkload } from './workload-items.js';

/** The app in the second container: the workload image's orphan maker. */
export const SUBREAPER_APP: OrphanWorkload = { name: 'app.py', script: '/work/app.py', rate: 20, lingerS: 0.05 };

const PodSchema = z.object({ pause: z.array(z.string()).min(1), app: z.array(z.string()).min(1) }).strict();

export async function checkSubreaper(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  let pod: z.infer<typeof PodSchema>;
  try {
    pod = PodSchema.parse(parseYaml(await readWorkspaceFile(ctx, 'pod.yaml')));
  } catch (err) {
    if (err instanceof CheckStop) throw err;
    const msg = err instanceof z.ZodError ? (err.issues[0]?.path.join('.') ?? '') + ': ' + (err.issues[0]?.message ?? '') : (err as Error).message.split('\n')[0];
    throw new CheckStop({ ok: false, what: t('pod.yaml is understood', 'pod.yaml ist verständlich'), detail: msg ?? 'invalid', tryThis: t('pod.yaml needs two lists of words: pause: [...] and app: [...]', 'pod.yaml braucht zwei Wortlisten: pause: [...] und app: [...]') });
  }
  const pause = await startForCheck(ctx, { image: ctx.workloadTag, cmd: pod.pause, what: 'subreaper-pause' });
  try {
    const app = await startForCheck(ctx, {
      image: ctx.workloadTag,
      cmd: pod.app,
      env: { ...pinnedEnv(SUBREAPER_APP), ZOMBIE_KIND: 'orphan', APP_REAP: '0' },
      pidMode: `container:${pause.id}`,
      what: 'subreaper-app',
    });
    try {
      const w = await watch(ctx, app, 3000, pause);
      const m = w.last;
      return [
        ...(await workloadItems(ctx, SUBREAPER_APP, w)),
        {
          ok: w.settledZombies <= 2,
          what: t('no zombies pile up in the shared namespace', 'keine Zombies stapeln sich im geteilten Namespace'),
          detail: t(`${w.settledZombies} zombies after 3 s; PID 1 of the namespace is ${m.pid1}`, `${w.settledZombies} Zombies nach 3 s; PID 1 des Namespaces ist ${m.pid1}`),
          tryThis: t(
            'orphans go to PID 1 of the namespace (the pause container) unless a subreaper is closer: tini -s, or an init as the pause process',
            'Waisen gehen an PID 1 des Namespaces (den Pause-Container), außer ein Subreaper ist näher: tini -s, oder ein Init als Pause-Prozess',
          ),
        },
      ];
    } finally {
      await removeQuietly(app.container);
    }
  } finally {
    await removeQuietly(pause.container);
  }
}
