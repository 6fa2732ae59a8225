/**
 * Did the workload really do its work? From the kernel, not from the workload's own output:
 * the right program runs (its cmdline, and its file is the lab's), the namespace's PID counter
 * (ns_last_pid, read inside it by a sampler of ours) shows the forks the check's rate asks for, and the orphans end when they should.
 */
import { readFile } from 'node:fs/promises';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { tr, type CheckContext } from '../check-context.js';
import { runsScript, type Watched } from '../check-run.js';

export interface OrphanWorkload {
  /** How the learner knows it, e.g. fork.py. */
  name: string;
  /** The script as python3 runs it in the container. */
  script: string;
  /** Rounds per second; each round forks twice: a child, and the grandchild it orphans. */
  rate: number;
  /** Seconds an orphan lives before it exits. */
  lingerS: number;
  /** The lab's copy of the script, when the learner's image ships one: it must be unchanged. */
  original?: string;
}

/** The workload's settings, set by the check in the container's environment. */
export function pinnedEnv(w: OrphanWorkload): Record<string, string> {
  return { ZOMBIE_RATE: String(w.rate), ZOMBIE_LINGER: String(w.lingerS), ZOMBIE_LAB_TTL: '120', ZOMBIE_LAB_WAIT: '' };
}

/** At least this share of the forks the rate asks for: the machine may be busy, a dodge makes none. */
export const FORK_SHARE = 0.4;

/** Live processes the namespace may hold at the end: init, app, a child, and the orphans still lingering. */
export function liveBound(w: OrphanWorkload): number {
  return 6 + Math.ceil(w.rate * w.lingerS * 3);
}

export async function workloadItems(ctx: CheckContext, w: OrphanWorkload, watched: Watched, files: Record<string, Buffer | null> = {}): Promise<CheckItem[]> {
  const t = tr(ctx);
  const { last } = watched;
  const proc = watched.samples.map((m) => runsScript(m, w.script)).find(Boolean);
  const shipped = w.original ? files[w.script] : undefined;
  const same = !w.original || (shipped != null && shipped.equals(await readFile(w.original)));
  const liveList = [...new Set(last.comms)].join(', ') || t('none', 'keine');
  const items: CheckItem[] = [
    {
      ok: !!proc && same,
      what: t(`${w.name} runs, unchanged`, `${w.name} läuft, unverändert`),
      detail: !proc
        ? t(`no process runs python3 ${w.script} (PID 1 is ${last.pid1}; live: ${liveList})`, `kein Prozess führt python3 ${w.script} aus (PID 1 ist ${last.pid1}; lebend: ${liveList})`)
        : !same
          ? t(`${w.script} in your container is not the lab's ${w.name}`, `${w.script} in deinem Container ist nicht das ${w.name} des Labs`)
          : t(`PID 1 is ${last.pid1}; python3 ${w.script} runs`, `PID 1 ist ${last.pid1}; python3 ${w.script} läuft`),
      tryThis: t(`keep python3 ${w.script} as the command and ${w.name} as the lab ships it: the lab fixes PID 1, not the workload`, `behalte python3 ${w.script} als Befehl und ${w.name} so, wie das Lab es liefert: das Lab repariert PID 1, nicht das Programm`),
    },
  ];
  const expected = Math.round(2 * w.rate * watched.spanS);
  const enough = watched.forks !== null && watched.forks >= FORK_SHARE * expected;
  items.push({
    ok: enough,
    what: t(`${w.name} made its orphans (the kernel's count)`, `${w.name} hat seine Waisen erzeugt (Zählung des Kernels)`),
    detail:
      watched.forks === null
        ? t("the PID namespace's counter (ns_last_pid) could not be read", 'der PID-Zähler des Namespace (ns_last_pid) war nicht lesbar')
        : t(
            `the PID namespace handed out ${watched.forks} PIDs in ${watched.spanS.toFixed(1)} s; at ${w.rate} rounds/s with 2 forks a round that is about ${expected}`,
            `der PID-Namespace hat in ${watched.spanS.toFixed(1)} s ${watched.forks} PIDs vergeben; bei ${w.rate} Runden/s mit 2 Forks pro Runde wären es etwa ${expected}`,
          ),
    tryThis: t(
      `run ${w.name} as the starting files do: nothing in front of it may change its rate (ZOMBIE_RATE) or keep it from forking`,
      `starte ${w.name} wie in den Startdateien: nichts davor darf seine Rate (ZOMBIE_RATE) ändern oder es am Forken hindern`,
    ),
  });
  const bound = liveBound(w);
  items.push({
    ok: last.live <= bound,
    what: t('the orphans end on time', 'die Waisen enden rechtzeitig'),
    detail: t(`${last.live} live processes at the end (at most ${bound} expected with orphans that live ${w.lingerS} s)`, `${last.live} lebende Prozesse am Ende (höchstens ${bound} erwartet, wenn Waisen ${w.lingerS} s leben)`),
    tryThis: t('the orphans live longer than the check lets them (ZOMBIE_LINGER): leave the workload as it is', 'die Waisen leben länger, als der Check sie lässt (ZOMBIE_LINGER): lass das Programm, wie es ist'),
  });
  return items;
}
