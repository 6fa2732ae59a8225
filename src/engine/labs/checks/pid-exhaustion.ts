/** Lab 02: under a small PID limit, no fork may fail; and the learner looked up the host's pid_max. */
import { readFile } from 'node:fs/promises';
import { parseAnswers } from '../../../core/labs/answers.js';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { readWorkspaceFile, tr, type CheckContext } from '../check-runtime.js';
import { runLearnerImage } from './learner-run.js';

export const EXHAUSTION_PIDS_LIMIT = 24;

export async function checkPidExhaustion(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const answers = parseAnswers(await readWorkspaceFile(ctx, 'answers.txt'));
  const r = await runLearnerImage(ctx, 'pid-exhaustion', { env: { ZOMBIE_RATE: '30' }, windowMs: 3000, pidsLimit: EXHAUSTION_PIDS_LIMIT, honourFlags: true });
  // Where pids.events is out of reach (an engine not on this kernel), a full PID table is the evidence.
  const refused = r.measured.refusedForks ?? (r.measured.pidsUsed !== null && r.measured.pidsUsed >= EXHAUSTION_PIDS_LIMIT ? 1 : 0);
  const eagain = r.logs.split('\n').find((l) => l.includes('fork failed'))?.replace(/^[^f]*fork\.py: /, '').trim();
  const items: CheckItem[] = [
    {
      ok: refused === 0,
      what: t(`no fork fails under --pids-limit ${EXHAUSTION_PIDS_LIMIT}`, `kein Fork scheitert unter --pids-limit ${EXHAUSTION_PIDS_LIMIT}`),
      detail:
        refused === 0
          ? t(`0 forks refused; ${r.measured.zombies} zombies, ${r.measured.live} live processes; PID 1 is ${r.measured.pid1}`, `0 Forks abgelehnt; ${r.measured.zombies} Zombies, ${r.measured.live} lebende Prozesse; PID 1 ist ${r.measured.pid1}`)
          : t(
              `${refused} forks refused by the pids cgroup (${eagain ?? 'EAGAIN'}); ${r.measured.zombies} zombies hold the PIDs; PID 1 is ${r.measured.pid1}`,
              `${refused} Forks von der pids-cgroup abgelehnt (${eagain ?? 'EAGAIN'}); ${r.measured.zombies} Zombies belegen die PIDs; PID 1 ist ${r.measured.pid1}`,
            ),
      tryThis: t('zombies keep their PIDs until reaped: give the container an init (as in lab 01) and the same limit is plenty', 'Zombies behalten ihre PID, bis sie abgeräumt sind: gib dem Container ein Init (wie in Lab 01), dann reicht dasselbe Limit locker'),
    },
  ];
  // The engine's kernel's, which is this host's only where the engine runs here.
  const pidMax = r.measured.pidMax ?? Number((await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim());
  const said = answers.get('pid_max') ?? answers.get('pid-max');
  items.push({
    ok: said !== undefined && Number(said) === pidMax,
    what: t('answers.txt: pid_max of this host', 'answers.txt: pid_max dieses Hosts'),
    detail: said === undefined ? t('not answered yet', 'noch nicht beantwortet') : Number(said) === pidMax ? t(`${pidMax}, right`, `${pidMax}, richtig`) : t(`you wrote ${said}; that is not this host's value`, `du hast ${said} geschrieben; das ist nicht der Wert dieses Hosts`),
    tryThis: t('read it where the engine runs: docker run --rm --network none zombie-lab/zombie cat /proc/sys/kernel/pid_max, and write `pid_max: <number>` in answers.txt', 'lies ihn dort, wo die Engine läuft: docker run --rm --network none zombie-lab/zombie cat /proc/sys/kernel/pid_max, und schreib `pid_max: <Zahl>` in answers.txt'),
  });
  return items;
}
