/** Lab 06: no init at all; the app itself must reap, and still make its orphans. */
import type { CheckItem } from '../../../core/labs/check-result.js';
import { tr, type CheckContext } from '../check-runtime.js';
import { runLearnerImage } from './learner-run.js';

export async function checkAppReaps(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const r = await runLearnerImage(ctx, 'app-reaps', { env: { ZOMBIE_RATE: '20' }, windowMs: 3000, honourFlags: false });
  const made = [...r.logs.matchAll(/made (\d+) orphans/g)].map((m) => Number(m[1])).at(-1) ?? 0;
  return [
    {
      ok: r.measured.pid1 === 'python3',
      what: t('your app is PID 1 (no init)', 'deine App ist PID 1 (kein Init)'),
      detail: t(`PID 1 is ${r.measured.pid1}`, `PID 1 ist ${r.measured.pid1}`),
      tryThis: t('this lab fixes it in the app: keep CMD ["python3", "/app/app.py"] and no ENTRYPOINT', 'dieses Lab repariert es in der App: behalte CMD ["python3", "/app/app.py"] und kein ENTRYPOINT'),
    },
    {
      ok: made >= 10,
      what: t('the app still makes orphans', 'die App macht weiter Waisen'),
      detail: made ? t(`the app reported ${made} orphans made`, `die App meldet ${made} gemachte Waisen`) : t('no "made N orphans" line in the logs', 'keine Zeile „made N orphans“ im Log'),
      tryThis: t('keep the fork loop and its "made N orphans" line in app.py', 'behalte die Fork-Schleife und ihre Zeile „made N orphans“ in app.py'),
    },
    {
      ok: r.measured.zombies <= 2,
      what: t('no zombies pile up', 'keine Zombies stapeln sich'),
      detail: t(`${r.measured.zombies} zombies after 3 s`, `${r.measured.zombies} Zombies nach 3 s`),
      tryThis: t('install a SIGCHLD handler that calls os.waitpid(-1, os.WNOHANG) in a loop until it returns pid 0', 'installiere einen SIGCHLD-Handler, der os.waitpid(-1, os.WNOHANG) in einer Schleife aufruft, bis es PID 0 liefert'),
    },
  ];
}
