/** Lab 04: the learner's answers about inits, each compared with a live run. */
import { parseAnswers, yesNo } from '../../../core/labs/answers.js';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { SCORECARD_DEFAULTS, VARIANT_IDS, isVariantId } from '../../../core/scorecard.js';
import { runScorecard } from '../../scorecard.js';
import { removeQuietly } from '../../containers.js';
import { tr, type CheckContext } from '../check-context.js';
import { measure, startForCheck, waitWindow } from '../check-run.js';
import { readWorkspaceFile } from '../check-workspace.js';

/** Zombies of a live parent that never waits, with tini as PID 1. */
async function lazyParentZombies(ctx: CheckContext): Promise<number> {
  const s = await startForCheck(ctx, { image: ctx.workloadTag, entrypoint: ['tini', '--'], cmd: ['python3', '/work/app.py'], env: { ZOMBIE_RATE: '20', ZOMBIE_KIND: 'child' }, what: 'choosing-init' });
  try {
    await waitWindow(ctx, 2000);
    return (await measure(ctx, s)).zombies;
  } finally {
    await removeQuietly(s.container);
  }
}

export async function checkChoosingInit(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const notYet = t('not answered yet', 'noch nicht beantwortet');
  const answers = parseAnswers(await readWorkspaceFile(ctx, 'answers.txt'));
  const settings = { ...SCORECARD_DEFAULTS, concurrency: 4, windowMs: 1000 };
  const [forward, bashC, lazy] = await Promise.all([
    runScorecard(ctx.docker, { runId: ctx.runId, image: ctx.workloadTag, variants: [...VARIANT_IDS], settings, jobs: ['forward'], signal: ctx.signal }),
    runScorecard(ctx.docker, { runId: ctx.runId, image: ctx.workloadTag, variants: ['bash-c', 'shell-form'], settings: { ...settings, stopTimeoutS: 1 }, jobs: ['zombies-stop'], signal: ctx.signal }),
    lazyParentZombies(ctx),
  ]);
  const items: CheckItem[] = [];
  const failed = [...forward, ...bashC].flatMap((r) => r.errors);
  if (failed.length) items.push({ ok: false, what: t('the live runs worked', 'die echten Läufe haben geklappt'), detail: failed[0] ?? '', tryThis: t('run zombie-lab doctor', 'starte zombie-lab doctor') });

  const group = forward.filter((r) => r.reachesGroup).map((r) => r.variant).sort();
  const saidGroup = answers.get('forwards-to-group');
  const mine = saidGroup === undefined ? null : saidGroup.split(/[\s,]+/).filter(Boolean).sort();
  const unknown = (mine ?? []).filter((v) => !isVariantId(v));
  items.push({
    ok: !!mine && unknown.length === 0 && mine.join(',') === group.join(','),
    what: 'answers.txt: forwards-to-group',
    detail:
      mine === null
        ? notYet
        : unknown.length
          ? t(`unknown variant ${unknown.join(', ')}`, `unbekannte Variante ${unknown.join(', ')}`)
          : mine.join(',') === group.join(',')
            ? t(`${group.join(', ')}, right`, `${group.join(', ')}, richtig`)
            : t(`you wrote ${mine.join(', ') || 'none'}; the live run disagrees`, `du hast ${mine.join(', ') || 'keine'} geschrieben; der echte Lauf sagt etwas anderes`),
    tryThis: t(`run zombie-lab scorecard and read the USR1→group column; use the ids ${VARIANT_IDS.join(', ')}`, `starte zombie-lab scorecard und lies die Spalte USR1→group; nimm die IDs ${VARIANT_IDS.join(', ')}`),
  });

  for (const [key, variant, how] of [
    ['bash-c-pid1', 'bash-c', t("look at /proc/1/comm under bash -c 'python3 /work/app.py', or at the scorecard's PID 1 column", "sieh dir /proc/1/comm unter bash -c 'python3 /work/app.py' an, oder die Spalte PID 1 der Scorecard")],
    ['shell-form-pid1', 'shell-form', t('the shell form runs /bin/sh -c, in this Debian image dash (not BusyBox ash as on Alpine); look at the scorecard row "CMD app.py (shell form)"', 'die Shell-Form startet /bin/sh -c, in diesem Debian-Image dash (nicht BusyBox ash wie unter Alpine); sieh dir die Scorecard-Zeile „CMD app.py (shell form)“ an')],
  ] as const) {
    const pid1 = bashC.find((r) => r.variant === variant)?.pid1 ?? null;
    const said = answers.get(key);
    items.push({
      ok: !!said && said === pid1,
      what: `answers.txt: ${key}`,
      detail: said === undefined ? notYet : said === pid1 ? t(`${pid1}, right`, `${pid1}, richtig`) : t(`you wrote ${said}; /proc says otherwise`, `du hast ${said} geschrieben; /proc sagt etwas anderes`),
      tryThis: how,
    });
  }

  const saidFix = yesNo(answers.get('init-fixes-lazy-parent'));
  const truth = lazy <= 2;
  items.push({
    ok: saidFix !== null && saidFix === truth,
    what: 'answers.txt: init-fixes-lazy-parent',
    detail:
      saidFix === null
        ? t('not answered yet (yes or no)', 'noch nicht beantwortet (ja oder nein)')
        : saidFix === truth
          ? t(`right: with tini as PID 1, ${lazy} zombies of a live parent after 2 s`, `richtig: mit tini als PID 1 hatte ein lebender Elternprozess nach 2 s ${lazy} Zombies`)
          : t(`with tini as PID 1 the live run had ${lazy} zombies after 2 s`, `mit tini als PID 1 hatte der echte Lauf nach 2 s ${lazy} Zombies`),
    tryThis: t('an init only reaps orphans; a zombie whose parent is alive waits for that parent', 'ein Init räumt nur Waisen ab; ein Zombie mit lebendem Elternprozess wartet auf diesen'),
  });
  return items;
}
