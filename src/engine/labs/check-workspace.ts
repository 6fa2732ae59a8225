/**
 * The learner's files a check reads from their workspace folder. A file the check needs that is
 * missing, or a line of docker-run-flags.txt it cannot understand, is a failed item that says
 * what to do (a missing docker-run-flags.txt is no flags).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseRunFlags, type RunFlags } from '../../core/labs/run-flags.js';
import { CheckStop, tr, type CheckContext } from './check-context.js';

export async function readWorkspaceFile(ctx: CheckContext, name: string): Promise<string> {
  const t = tr(ctx);
  try {
    return await readFile(path.join(ctx.dir, name), 'utf8');
  } catch {
    throw new CheckStop({
      ok: false,
      what: t(`${name} is there`, `${name} ist da`),
      detail: t(`${path.join(ctx.dir, name)} is missing`, `${path.join(ctx.dir, name)} fehlt`),
      tryThis: t('run `zombie-lab lab <id>` once to create the starting files again (existing files are kept)', 'starte `zombie-lab lab <id>` einmal, das legt die Startdateien wieder an (vorhandene bleiben)'),
    });
  }
}

export async function readRunFlags(ctx: CheckContext): Promise<RunFlags> {
  const text = await readFile(path.join(ctx.dir, 'docker-run-flags.txt'), 'utf8').catch(() => '');
  const r = parseRunFlags(path.join(ctx.dir, 'docker-run-flags.txt'), text);
  if (!r.ok) {
    const e = r.errors[0];
    const t = tr(ctx);
    throw new CheckStop({ ok: false, what: t('docker-run-flags.txt is understood', 'docker-run-flags.txt ist verständlich'), detail: `${e?.file}:${e?.line}: ${e?.message}`, tryThis: t('fix that line of docker-run-flags.txt', 'korrigiere diese Zeile in docker-run-flags.txt') });
  }
  return r.flags;
}
