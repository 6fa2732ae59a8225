/** Builds the learner's Dockerfile and runs it as their docker-run-flags.txt says, watching it over a window. */
import { logsOf } from '../../container-logs.js';
import { removeQuietly, stopTimed, type StopResult } from '../../containers.js';
import { buildWorkspaceImage, removeImage } from '../check-build.js';
import { CheckStop, tr, type CheckContext } from '../check-context.js';
import { fileFromContainer, startForCheck, watch, type Watched } from '../check-run.js';
import { readRunFlags } from '../check-workspace.js';

export interface LearnerRun {
  watched: Watched;
  logs: string;
  stop: StopResult | null;
  /** Files read from the running container, by path (null: not there). */
  files: Record<string, Buffer | null>;
  flags: { init: boolean; entrypoint: string[] | null };
}

/**
 * The experiment's own settings: the check sets them in the container's environment, which
 * overrides the image's ENV; docker-run-flags.txt may not touch them.
 */
export function refuseExperimentEnv(ctx: CheckContext, env: Record<string, string>, pinned: Record<string, string>): void {
  const taken = Object.keys(env).filter((k) => k in pinned || k.startsWith('ZOMBIE_'));
  if (!taken.length) return;
  const t = tr(ctx);
  throw new CheckStop({
    ok: false,
    what: t('docker-run-flags.txt leaves the experiment alone', 'docker-run-flags.txt lässt das Experiment in Ruhe'),
    detail: t(`-e ${taken.join(', -e ')}: the check sets ${taken.length === 1 ? 'this' : 'these'} itself (rate, linger, time to live)`, `-e ${taken.join(', -e ')}: das setzt der Check selbst (Rate, Lebensdauer, Laufzeit)`),
    tryThis: t('remove that line: the lab fixes PID 1, not the workload', 'entferne diese Zeile: das Lab repariert PID 1, nicht das Programm'),
  });
}

export async function runLearnerImage(
  ctx: CheckContext,
  labId: string,
  opts: { env: Record<string, string>; windowMs: number; pidsLimit?: number; honourFlags: boolean; stopTimeoutS?: number; files?: string[] },
): Promise<LearnerRun> {
  const flags = opts.honourFlags ? await readRunFlags(ctx) : { init: false, env: {}, entrypoint: null };
  refuseExperimentEnv(ctx, flags.env, opts.env);
  const { tag, cmd } = await buildWorkspaceImage(ctx, labId);
  try {
    const s = await startForCheck(ctx, {
      image: tag,
      // --entrypoint clears the image's CMD in the engine: hand it over as arguments, as people expect.
      cmd,
      entrypoint: flags.entrypoint,
      init: flags.init,
      env: { ...flags.env, ...opts.env },
      ...(opts.pidsLimit ? { pidsLimit: opts.pidsLimit } : {}),
      what: labId,
    });
    try {
      const watched = await watch(ctx, s, opts.windowMs);
      const files: Record<string, Buffer | null> = {};
      for (const f of opts.files ?? []) files[f] = await fileFromContainer(s, f);
      const stop = opts.stopTimeoutS !== undefined ? await stopTimed(s, opts.stopTimeoutS) : null;
      return { watched, logs: await logsOf(s.container).catch(() => ''), stop, files, flags };
    } finally {
      await removeQuietly(s.container);
    }
  } finally {
    await removeImage(ctx, tag);
  }
}
