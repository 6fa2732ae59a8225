/**
 * Building the learner's Dockerfile for a check: on top of the lab's base image, offline, under a
 * PID and memory limit, with a failed build said in the learner's language.
 */
import { contentHash } from '../../core/content-hash.js';
import { boundedBuildParams } from '../../core/build-bounds.js';
import { committedLayerOf, isBuilderLine, plainLine } from '../../core/build-output.js';
import { LABEL_IMAGE } from '../../core/labels.js';
import { problemIn } from '../../core/problem-text.js';
import { boundLearnerBuild } from '../build-cgroup.js';
import { buildFolder } from '../folder-build.js';
import { problemOfError } from '../lab-error.js';
import { CheckStop, tr, type CheckContext } from './check-context.js';
import { readWorkspaceFile } from './check-workspace.js';

/** Builds the learner's Dockerfile (BASE = the lab's base image); the tag is removed by the caller. */
export async function buildWorkspaceImage(ctx: CheckContext, labId: string): Promise<{ tag: string; cmd: string[] }> {
  const dockerfile = await readWorkspaceFile(ctx, 'Dockerfile');
  const tag = `zombie-lab/lab-${labId}:${contentHash([{ name: 'Dockerfile', data: dockerfile }, { name: 'run', data: ctx.runId }])}`;
  // The RUN steps run under a PID limit of a cgroup of ours, a memory limit and no network;
  // where the lab cannot make that cgroup it says so before building, never silently.
  const bound = await boundLearnerBuild(ctx.docker);
  if (bound.notice) (ctx.onNotice ?? ctx.onLine)(bound.notice[ctx.lang ?? 'en']);
  // What the failing step said last (the learner's own error), and the layers committed so far:
  // a failed classic build leaves them untagged, and they are ours to remove.
  // Written by onLine: `as` keeps TS from narrowing them to null (it does not follow callbacks).
  let lastWords = null as string | null;
  let lastLayer = null as string | null;
  const onLine = (l: string) => {
    lastLayer = committedLayerOf(l) ?? lastLayer;
    const plain = plainLine(l);
    if (plain && !isBuilderLine(plain)) lastWords = plain;
    ctx.onLine(l);
  };
  try {
    await buildFolder(ctx.docker, ctx.dir, {
      tags: [tag],
      what: { kind: 'yours' },
      onLine,
      buildargs: { BASE: ctx.baseTag },
      labels: { [LABEL_IMAGE]: tag },
      signal: ctx.signal,
      // No cache: two checks building alike Dockerfiles at once would share intermediate images,
      // and the first to remove its image prunes them under the other ("failed to get digest").
      // A check also builds what the learner wrote, not what an earlier build left.
      params: { nocache: true, ...boundedBuildParams(bound.limits, bound.cgroupParent) },
    });
  } catch (err) {
    if (lastLayer) await ctx.docker.getImage(lastLayer).remove().catch(() => undefined);
    if (ctx.signal.aborted) throw err;
    // A build problem from the engine's table is said in the learner's language, like the rest of the check.
    const why = problemIn(ctx.lang ?? 'en', problemOfError(err)).message;
    const t = tr(ctx);
    if (bound.limitReached()) {
      const n = bound.limits.pidsMax;
      throw new CheckStop({
        ok: false,
        what: t('your Dockerfile builds', 'dein Dockerfile baut'),
        detail: t(
          `a RUN step reached the build's PID limit (${n} processes at once) and failed${lastWords ? ` (its last line: ${lastWords})` : ''}: ${why}`,
          `ein RUN-Schritt stieß an das PID-Limit des Builds (${n} Prozesse zugleich) und scheiterte${lastWords ? ` (seine letzte Zeile: ${lastWords})` : ''}: ${why}`,
        ),
        tryThis: t(
          `a RUN step may hold at most ${n} processes at once: look for a loop that starts processes without waiting for them (a fork bomb)`,
          `ein RUN-Schritt darf höchstens ${n} Prozesse zugleich haben: such nach einer Schleife, die Prozesse startet, ohne auf sie zu warten (eine Fork-Bombe)`,
        ),
      });
    }
    throw new CheckStop({
      ok: false,
      what: t('your Dockerfile builds', 'dein Dockerfile baut'),
      detail: why ?? t('the build failed', 'der Build ist gescheitert'),
      tryThis: t('keep the first two lines (ARG BASE / FROM ${BASE}): the check builds offline on top of the lab image', 'behalte die ersten zwei Zeilen (ARG BASE / FROM ${BASE}): der Check baut offline auf dem Lab-Image auf'),
    });
  } finally {
    await bound.release();
  }
  const info = await ctx.docker.getImage(tag).inspect();
  return { tag, cmd: info.Config.Cmd ?? [] };
}

export async function removeImage(ctx: CheckContext, tag: string): Promise<void> {
  await ctx.docker.getImage(tag).remove({ force: true }).catch(() => undefined);
}
