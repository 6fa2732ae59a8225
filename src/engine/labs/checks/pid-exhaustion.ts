/** Lab 02: under a small PID limit, no fork may fail; and the learner looked up the host's pid_max. */
import { readFile } from 'node:fs/promises';
import { parseAnswers } from '../../../core/labs/answers.js';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { readWorkspaceFile, type CheckContext } from '../check-runtime.js';
import { runLearnerImage } from './learner-run.js';

export const EXHAUSTION_PIDS_LIMIT = 24;

export async function checkPidExhaustion(ctx: CheckContext): Promise<CheckItem[]> {
  const answers = parseAnswers(await readWorkspaceFile(ctx, 'answers.txt'));
  const r = await runLearnerImage(ctx, 'pid-exhaustion', { env: { ZOMBIE_RATE: '30' }, windowMs: 3000, pidsLimit: EXHAUSTION_PIDS_LIMIT, honourFlags: true });
  const refused = r.measured.refusedForks ?? 0;
  const eagain = r.logs.split('\n').find((l) => l.includes('fork failed'))?.replace(/^[^f]*fork\.py: /, '').trim();
  const items: CheckItem[] = [
    {
      ok: refused === 0,
      what: `no fork fails under --pids-limit ${EXHAUSTION_PIDS_LIMIT}`,
      detail:
        refused === 0
          ? `0 forks refused; ${r.measured.zombies} zombies, ${r.measured.live} live processes; PID 1 is ${r.measured.pid1}`
          : `${refused} forks refused by the pids cgroup (${eagain ?? 'EAGAIN'}); ${r.measured.zombies} zombies hold the PIDs; PID 1 is ${r.measured.pid1}`,
      tryThis: 'zombies keep their PIDs until reaped: give the container an init (as in lab 01) and the same limit is plenty',
    },
  ];
  const pidMax = Number((await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim());
  const said = answers.get('pid_max') ?? answers.get('pid-max');
  items.push({
    ok: said !== undefined && Number(said) === pidMax,
    what: 'answers.txt: pid_max of this host',
    detail: said === undefined ? 'not answered yet' : Number(said) === pidMax ? `${pidMax}, right` : `you wrote ${said}; that is not this host's value`,
    tryThis: 'read it: cat /proc/sys/kernel/pid_max, and write `pid_max: <number>` in answers.txt',
  });
  return items;
}
