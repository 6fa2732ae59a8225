/** Lab 05: a second container joined to another's PID namespace must not leave zombies. */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { CheckStop, measure, readWorkspaceFile, removeQuietly, startForCheck, tr, waitWindow, type CheckContext } from '../check-runtime.js';

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
    const app = await startForCheck(ctx, { image: ctx.workloadTag, cmd: pod.app, env: { ZOMBIE_RATE: '20' }, pidMode: `container:${pause.id}`, what: 'subreaper-app' });
    try {
      await waitWindow(ctx, 3000);
      const m = await measure(ctx, app, pause);
      const running = m.comms.includes('python3');
      return [
        {
          ok: running,
          what: t('the app runs in the shared PID namespace', 'die App läuft im geteilten PID-Namespace'),
          detail: running
            ? t(`PID 1 of the namespace is ${m.pid1}; live: ${[...new Set(m.comms)].join(', ')}`, `PID 1 des Namespaces ist ${m.pid1}; lebend: ${[...new Set(m.comms)].join(', ')}`)
            : t(`no python3 process (live: ${[...new Set(m.comms)].join(', ') || 'none'})`, `kein python3-Prozess (lebend: ${[...new Set(m.comms)].join(', ') || 'keine'})`),
          tryThis: t('keep python3 /work/app.py in the app command', 'behalte python3 /work/app.py im app-Befehl'),
        },
        {
          ok: m.zombies <= 2,
          what: t('no zombies pile up in the shared namespace', 'keine Zombies stapeln sich im geteilten Namespace'),
          detail: t(`${m.zombies} zombies after 3 s; PID 1 of the namespace is ${m.pid1}`, `${m.zombies} Zombies nach 3 s; PID 1 des Namespaces ist ${m.pid1}`),
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
