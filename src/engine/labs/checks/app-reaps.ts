/** Lab 06: no init at all; the app itself must reap, and still make its orphans. */
import type { CheckItem } from '../../../core/labs/check-result.js';
import type { CheckContext } from '../check-runtime.js';
import { runLearnerImage } from './learner-run.js';

export async function checkAppReaps(ctx: CheckContext): Promise<CheckItem[]> {
  const r = await runLearnerImage(ctx, 'app-reaps', { env: { ZOMBIE_RATE: '20' }, windowMs: 3000, honourFlags: false });
  const made = [...r.logs.matchAll(/made (\d+) orphans/g)].map((m) => Number(m[1])).at(-1) ?? 0;
  return [
    {
      ok: r.measured.pid1 === 'python3',
      what: 'your app is PID 1 (no init)',
      detail: `PID 1 is ${r.measured.pid1}`,
      tryThis: 'this lab fixes it in the app: keep CMD ["python3", "/app/app.py"] and no ENTRYPOINT',
    },
    {
      ok: made >= 10,
      what: 'the app still makes orphans',
      detail: made ? `the app reported ${made} orphans made` : 'no "made N orphans" line in the logs',
      tryThis: 'keep the fork loop and its "made N orphans" line in app.py',
    },
    {
      ok: r.measured.zombies <= 2,
      what: 'no zombies pile up',
      detail: `${r.measured.zombies} zombies after 3 s`,
      tryThis: 'install a SIGCHLD handler that calls os.waitpid(-1, os.WNOHANG) in a loop until it returns pid 0',
    },
  ];
}
