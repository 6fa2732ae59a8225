/** Lab 03: docker stop must end fast and not with 137; and the learner decoded python's signal masks. */
import { parseAnswers } from '../../../core/labs/answers.js';
import type { CheckItem } from '../../../core/labs/check-result.js';
import { compareSignalLists, parseSignalList, type SignalMasks } from '../../../core/signal-mask.js';
import { removeQuietly } from '../../containers.js';
import { tr, type CheckContext } from '../check-context.js';
import { measure, runsScript, startForCheck, waitWindow } from '../check-run.js';
import { readWorkspaceFile } from '../check-workspace.js';
import { runLearnerImage } from './learner-run.js';

export const SIGNALS_STOP_TIMEOUT_S = 6;

/** The masks of a plain python3 as PID 1, read live from the host's /proc. */
export async function python3Masks(ctx: CheckContext): Promise<SignalMasks> {
  const s = await startForCheck(ctx, { image: ctx.workloadTag, cmd: ['python3', '-c', 'import time\nwhile True: time.sleep(1)'], what: 'signals-masks' });
  try {
    await waitWindow(ctx, 500);
    const masks = (await measure(ctx, s)).pid1Masks;
    if (!masks) throw new Error('cannot read the signal masks of the container');
    return masks;
  } finally {
    await removeQuietly(s.container);
  }
}

/** What is right and what is not in a learner's list of signals, against the live mask. */
function signalsDetail(t: (en: string, de: string) => string, label: string, mine: string[], actual: string[], diff: ReturnType<typeof compareSignalLists>): string {
  const wrote = mine.join(', ');
  if (diff.right) return t(`${actual.join(', ') || 'none'}, right`, `${actual.join(', ') || 'keine'}, richtig`);
  // Part of the answer: say that something is missing rather than that it is wrong.
  if (mine.length > 0 && diff.extra.length === 0) {
    return t(
      `you wrote ${wrote}: right, but ${diff.missing === 1 ? 'one signal is' : `${diff.missing} signals are`} missing (the live ${label} of python3 as PID 1 has ${actual.length})`,
      `du hast ${wrote} geschrieben: richtig, aber ${diff.missing === 1 ? 'ein Signal fehlt' : `${diff.missing} Signale fehlen`} (das echte ${label} von python3 als PID 1 hat ${actual.length})`,
    );
  }
  if (diff.missing === 0 && diff.extra.length > 0) {
    const extra = diff.extra.join(', ');
    return t(
      `you wrote ${wrote}: ${extra} ${diff.extra.length === 1 ? 'is' : 'are'} not in the live ${label} of python3 as PID 1`,
      `du hast ${wrote} geschrieben: ${extra} ${diff.extra.length === 1 ? 'steht' : 'stehen'} nicht im echten ${label} von python3 als PID 1`,
    );
  }
  return t(`you wrote ${wrote || 'none'}; the live ${label} of python3 as PID 1 says otherwise`, `du hast ${wrote || 'keine'} geschrieben; das echte ${label} von python3 als PID 1 sagt etwas anderes`);
}

export async function checkSignals(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const answers = parseAnswers(await readWorkspaceFile(ctx, 'answers.txt'));
  const [r, masks] = await Promise.all([
    runLearnerImage(ctx, 'signals', { env: {}, windowMs: 1500, honourFlags: true, stopTimeoutS: SIGNALS_STOP_TIMEOUT_S }),
    python3Masks(ctx),
  ]);
  const stop = r.stop;
  const secs = stop ? (stop.stopMs / 1000).toFixed(1) : '?';
  const fast = !!stop && stop.stopMs < (SIGNALS_STOP_TIMEOUT_S * 1000) / 2;
  const m = r.watched.last;
  // The stop must end the worker, not find it gone: it is live right before docker stop.
  const worker = runsScript(m, '/app/app.py');
  const items: CheckItem[] = [
    {
      ok: !!worker,
      what: t('the worker runs until docker stop', 'der Worker läuft bis zum docker stop'),
      detail: worker
        ? t(`python3 /app/app.py was live when docker stop came; PID 1 is ${m.pid1}`, `python3 /app/app.py lief noch, als docker stop kam; PID 1 ist ${m.pid1}`)
        : t(`no process ran python3 /app/app.py when docker stop came (PID 1 is ${m.pid1}; live: ${[...new Set(m.comms)].join(', ') || 'none'})`, `kein Prozess führte python3 /app/app.py aus, als docker stop kam (PID 1 ist ${m.pid1}; lebend: ${[...new Set(m.comms)].join(', ') || 'keine'})`),
      tryThis: t('keep the worker running python3 /app/app.py until it gets SIGTERM: the fix is how it ends, not that it ends early', 'lass den Worker python3 /app/app.py laufen, bis SIGTERM kommt: die Lösung ist, wie er endet, nicht dass er früher endet'),
    },
    {
      ok: fast,
      what: t(`docker stop -t ${SIGNALS_STOP_TIMEOUT_S} ends well before the timeout`, `docker stop -t ${SIGNALS_STOP_TIMEOUT_S} endet weit vor dem Timeout`),
      detail: t(`took ${secs} s; PID 1 is ${m.pid1}`, `dauerte ${secs} s; PID 1 ist ${m.pid1}`),
      tryThis: t(
        'PID 1 ignores SIGTERM unless it has a handler: add signal.signal(signal.SIGTERM, ...) to app.py, or make an init PID 1',
        'PID 1 ignoriert SIGTERM ohne Handler: füge signal.signal(signal.SIGTERM, ...) in app.py ein, oder mach ein Init zu PID 1',
      ),
    },
    {
      ok: !!stop && stop.exitCode !== 137,
      what: t('the exit code is not 137 (SIGKILL)', 'der Exit-Code ist nicht 137 (SIGKILL)'),
      detail: `exit code ${stop?.exitCode ?? '?'}`,
      tryThis: t(
        '137 = 128 + 9: the engine had to SIGKILL; with SIGTERM handled the code is what the handler chooses (sys.exit(0) gives 0), an init passes on 143 (128 + 15)',
        '137 = 128 + 9: die Engine musste SIGKILL schicken; mit behandeltem SIGTERM ist der Code der, den der Handler wählt (sys.exit(0) ergibt 0), ein Init gibt 143 (128 + 15) weiter',
      ),
    },
  ];
  for (const [key, actual, label] of [
    ['python-catches', masks.caught, 'SigCgt'],
    ['python-ignores', masks.ignored, 'SigIgn'],
  ] as const) {
    const said = answers.get(key);
    const mine = said === undefined ? null : parseSignalList(said);
    const diff = mine ? compareSignalLists(mine, actual) : null;
    items.push({
      ok: !!diff?.right,
      what: `answers.txt: ${key}`,
      detail: !mine || !diff ? t('not answered yet', 'noch nicht beantwortet') : signalsDetail(t, label, mine, actual, diff),
      tryThis: t(
        `decode ${label} of python3 as PID 1: each bit n-1 set means signal n (see the lab's step on /proc/1/status)`,
        `dekodiere ${label} von python3 als PID 1: Bit n-1 gesetzt heißt Signal n (siehe den Schritt zu /proc/1/status)`,
      ),
    });
  }
  return items;
}
