/**
 * Lab 07: the learner's own files, checked the way they would check their real ones: `lint`
 * finds no error or warning in them, and `inspect` of the built image, running, finds nothing;
 * then a real docker stop must end as inspect predicted (on SIGTERM, not after the timeout).
 */
import path from 'node:path';
import { diagnose } from '../../../core/inspect/diagnosis.js';
import type { CheckItem } from '../../../core/labs/check-result.js';
import type { LintFinding } from '../../../core/lint/types.js';
import { removeQuietly, stopTimed } from '../../containers.js';
import { inspectOne } from '../../inspect/inspect-container.js';
import { lintPaths } from '../../lint-files.js';
import { ownerFor } from '../../run-id.js';
import { buildWorkspaceImage, removeImage } from '../check-build.js';
import { tr, type CheckContext } from '../check-context.js';
import { startForCheck, waitWindow } from '../check-run.js';

export const OWN_STOP_TIMEOUT_S = 4;

/** The workspace as `zombie-lab lint .` sees it there, with file names relative to it. */
function lintWorkspace(dir: string, lang: 'de' | 'en'): LintFinding[] {
  return lintPaths([dir], { lang }).findings.map((f) => ({ ...f, file: path.relative(dir, path.resolve(f.file)) }));
}

export async function checkOwnContainers(ctx: CheckContext): Promise<CheckItem[]> {
  const t = tr(ctx);
  const findings = lintWorkspace(ctx.dir, ctx.lang ?? 'en').filter((f) => f.level !== 'note');
  const items: CheckItem[] = [
    {
      ok: findings.length === 0,
      what: t('zombie-lab lint finds no error or warning in your files', 'zombie-lab lint findet keinen Fehler und keine Warnung in deinen Dateien'),
      detail: findings.length === 0 ? t('lint: clean', 'lint: sauber') : findings.slice(0, 3).map((f) => `${f.file}:${f.line} ${f.rule}`).join('; '),
      tryThis: t('run `zombie-lab lint` in your workspace folder: each finding says its fix', 'starte `zombie-lab lint` in deinem Arbeitsordner: jeder Befund nennt seine Lösung'),
    },
  ];
  const { tag, cmd } = await buildWorkspaceImage(ctx, 'own-containers');
  try {
    const s = await startForCheck(ctx, { image: tag, cmd, entrypoint: null, env: { ZOMBIE_RATE: '20' }, what: 'own-containers' });
    try {
      await waitWindow(ctx, 2500);
      const r = await inspectOne(ctx.docker, s.id, { owner: ownerFor(ctx.runId), sidecarImage: ctx.baseTag, signal: ctx.signal });
      // In the learner's language, as `zombie-lab inspect --lang` says it.
      const d = diagnose({ facts: r.facts, snapshot: r.snapshot, lasting: r.lasting, lang: ctx.lang ?? 'en' });
      items.push({
        ok: d.findings.length === 0,
        what: t('zombie-lab inspect finds nothing in your running container', 'zombie-lab inspect findet nichts in deinem laufenden Container'),
        detail: `${d.verdict}${d.findings.length ? ` (${d.findings.map((f) => f.id).join(', ')})` : ''}`,
        tryThis: d.findings[0]?.fix[0] ?? t('keep it so', 'lass es so'),
      });
      const stop = await stopTimed(s, OWN_STOP_TIMEOUT_S);
      const fast = stop.stopMs < (OWN_STOP_TIMEOUT_S * 1000) / 2 && stop.exitCode !== 137;
      items.push({
        ok: fast && d.stop.endsOnSignal,
        what: t(`docker stop -t ${OWN_STOP_TIMEOUT_S} ends on SIGTERM, as inspect predicted`, `docker stop -t ${OWN_STOP_TIMEOUT_S} endet auf SIGTERM, wie inspect vorhersagte`),
        detail: t(
          `took ${(stop.stopMs / 1000).toFixed(1)} s, exit ${stop.exitCode ?? '?'}; inspect said: ${d.stop.text}`,
          `dauerte ${(stop.stopMs / 1000).toFixed(1)} s, Exit ${stop.exitCode ?? '?'}; inspect sagte: ${d.stop.text}`,
        ),
        tryThis: t('exec form in the Dockerfile, exec in entrypoint.sh, and an init in front (ENTRYPOINT ["tini", "--"])', 'Exec-Form im Dockerfile, exec in entrypoint.sh und ein Init davor (ENTRYPOINT ["tini", "--"])'),
      });
    } finally {
      await removeQuietly(s.container);
    }
  } finally {
    await removeImage(ctx, tag);
  }
  return items;
}
