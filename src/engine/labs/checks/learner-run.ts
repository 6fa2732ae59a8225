/** Builds the learner's Dockerfile and runs it as their docker-run-flags.txt says, measuring after a window. */
import { stopTimed, type StopResult } from '../../containers.js';
import { buildWorkspaceImage, logsOf, measure, readRunFlags, removeImage, removeQuietly, startForCheck, waitWindow, type CheckContext, type Measured } from '../check-runtime.js';

export interface LearnerRun {
  measured: Measured;
  logs: string;
  stop: StopResult | null;
  flags: { init: boolean; entrypoint: string[] | null };
}

export async function runLearnerImage(
  ctx: CheckContext,
  labId: string,
  opts: { env: Record<string, string>; windowMs: number; pidsLimit?: number; honourFlags: boolean; stopTimeoutS?: number },
): Promise<LearnerRun> {
  const flags = opts.honourFlags ? await readRunFlags(ctx) : { init: false, env: {}, entrypoint: null };
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
      await waitWindow(ctx, opts.windowMs);
      const measured = await measure(ctx, s);
      const stop = opts.stopTimeoutS !== undefined ? await stopTimed(s, opts.stopTimeoutS) : null;
      return { measured, logs: await logsOf(s), stop, flags };
    } finally {
      await removeQuietly(s.container);
    }
  } finally {
    await removeImage(ctx, tag);
  }
}
