/** Lab 02: under a small PID limit, fork.py runs at the check's rate and no fork may be refused; and the learner looked up the host's pid_max. */
import { readFile } from 'node:fs/promises';
import { parseAnswers } from '../../../core/labs/answers.js';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { tr, type CheckContext } from '../check-context.js';
import { readWorkspaceFile } from '../check-workspace.js';
import { runLearnerImage } from './learner-run.js';
import { pinnedEnv, workloadItems } from './workload-items.js';
import { forkPy } from './zombies.js';

export const EXHAUSTION_PIDS_LIMIT = 24;

export async function checkPidExhaustion(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const answers = parseAnswers(await readWorkspaceFile(ctx, 'answers.txt'));
  const work = forkPy(30);
  const r = await runLearnerImage(ctx, 'pid-exhaustion', { env: pinnedEnv(work), windowMs: 3000, pidsLimit: EXHAUSTION_PIDS_LIMIT, honourFlags: true, files: [work.script] });
  const m = r.watched.last;
  // Where pids.events is out of reach (an engine not on this kernel), a full PID table is the
  // evidence: a round of fork.py needs two free PIDs (child and grandchild), so with one or none
  // left its forks are being refused.
  const refused = m.refusedForks ?? (m.pidsUsed !== null && m.pidsUsed >= EXHAUSTION_PIDS_LIMIT - 1 ? 1 : 0);
  const items: CheckItem[] = [
    // Refused forks are why fork.py falls short of its orphans: that item says it, not this one.
    ...(await workloadItems(ctx, work, r.watched, r.files)).filter((i, n) => n !== 1 || refused === 0),
    {
      ok: refused === 0,
      what: t(`no fork is refused under --pids-limit ${EXHAUSTION_PIDS_LIMIT}`, `kein Fork wird unter --pids-limit ${EXHAUSTION_PIDS_LIMIT} abgelehnt`),
      detail:
        refused === 0
          ? t(`0 forks refused; ${m.zombies} zombies, ${m.pidsUsed ?? '?'}/${EXHAUSTION_PIDS_LIMIT} PIDs in use; PID 1 is ${m.pid1}`, `0 Forks abgelehnt; ${m.zombies} Zombies, ${m.pidsUsed ?? '?'}/${EXHAUSTION_PIDS_LIMIT} PIDs belegt; PID 1 ist ${m.pid1}`)
          : t(
              `the pids cgroup refused ${refused} forks (EAGAIN); ${m.zombies} zombies hold ${m.pidsUsed ?? '?'}/${EXHAUSTION_PIDS_LIMIT} PIDs; PID 1 is ${m.pid1}`,
              `die pids-cgroup hat ${refused} Forks abgelehnt (EAGAIN); ${m.zombies} Zombies belegen ${m.pidsUsed ?? '?'}/${EXHAUSTION_PIDS_LIMIT} PIDs; PID 1 ist ${m.pid1}`,
            ),
      tryThis: t('zombies keep their PIDs until reaped: give the container an init (as in lab 01) and the same limit is plenty', 'Zombies behalten ihre PID, bis sie abgeräumt sind: gib dem Container ein Init (wie in Lab 01), dann reicht dasselbe Limit locker'),
    },
  ];
  // The engine's kernel's, as its containers see it: this host's only where the engine runs here.
  const pidMax = m.pidMax ?? Number((await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim());
  const said = answers.get('pid_max') ?? answers.get('pid-max');
  items.push({
    ok: said !== undefined && Number(said) === pidMax,
    what: t('answers.txt: pid_max of this host', 'answers.txt: pid_max dieses Hosts'),
    detail: said === undefined ? t('not answered yet', 'noch nicht beantwortet') : Number(said) === pidMax ? t(`${pidMax}, right`, `${pidMax}, richtig`) : t(`you wrote ${said}; that is not the value where your engine runs`, `du hast ${said} geschrieben; das ist nicht der Wert dort, wo deine Engine läuft`),
    tryThis: t('read it where the engine runs: docker run --rm --network none zombie-lab/zombie cat /proc/sys/kernel/pid_max, and write `pid_max: <number>` in answers.txt', 'lies ihn dort, wo die Engine läuft: docker run --rm --network none zombie-lab/zombie cat /proc/sys/kernel/pid_max, und schreib `pid_max: <Zahl>` in answers.txt'),
  });
  return items;
}
