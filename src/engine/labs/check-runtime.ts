/**
 * What lab checks share: building the learner's Dockerfile, reading their files, and running
 * a container (always through containerSpec: PID and memory limits, no network, no caps)
 * long enough to measure it, counted the way every feature counts (zombie-count.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import { pack } from 'tar-fs';
import { contentHash } from '../../core/content-hash.js';
import { containerSpec } from '../../core/container-spec.js';
import type { CheckItem } from '../../core/labs/check-result.js';
import { parseRunFlags, type RunFlags } from '../../core/labs/run-flags.js';
import { LABEL_IMAGE } from '../../core/labels.js';
import { followBuild } from '../build-stream.js';
import { createAndStart, removeQuietly, type Started } from '../containers.js';
import { isLabError } from '../lab-error.js';
import { ownerFor } from '../run-id.js';
import { abortableDelay } from '../sampler.js';
import { countNow, type Measured } from '../zombie-count.js';

export interface CheckContext {
  docker: Docker;
  runId: string;
  /** The learner's workspace folder for this lab. */
  dir: string;
  /** Base and workload image tags (built before the check starts). */
  baseTag: string;
  workloadTag: string;
  signal: AbortSignal;
  onLine: (line: string) => void;
  /** Language of the learner: check messages follow it. */
  lang?: 'de' | 'en';
}

/** Picks the message in the learner's language. */
export function tr(ctx: Pick<CheckContext, 'lang'>): (en: string, de: string) => string {
  return (en, de) => (ctx.lang === 'de' ? de : en);
}

/** A check step that cannot go on: it becomes a failed item, not a crash. */
export class CheckStop extends Error {
  constructor(readonly item: CheckItem) {
    super(item.detail);
  }
}

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

/** Builds the learner's Dockerfile (BASE = the lab's base image); the tag is removed by the caller. */
export async function buildWorkspaceImage(ctx: CheckContext, labId: string): Promise<{ tag: string; cmd: string[] }> {
  const dockerfile = await readWorkspaceFile(ctx, 'Dockerfile');
  const tag = `zombie-lab/lab-${labId}:${contentHash([{ name: 'Dockerfile', data: dockerfile }, { name: 'run', data: ctx.runId }])}`;
  try {
    const stream = await ctx.docker.buildImage(pack(ctx.dir) as unknown as NodeJS.ReadableStream, {
      t: [tag],
      buildargs: { BASE: ctx.baseTag },
      labels: { [LABEL_IMAGE]: tag },
      rm: true,
      forcerm: true,
      pull: false,
      abortSignal: ctx.signal,
    } as unknown as Docker.ImageBuildOptions);
    await followBuild(stream, 'your Dockerfile', ctx.onLine, ctx.signal);
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    const why = isLabError(err) ? err.problem.message : err instanceof Error ? err.message.split('\n')[0] : String(err);
    const t = tr(ctx);
    throw new CheckStop({
      ok: false,
      what: t('your Dockerfile builds', 'dein Dockerfile baut'),
      detail: why ?? 'the build failed',
      tryThis: t('keep the first two lines (ARG BASE / FROM ${BASE}): the check builds offline on top of the lab image', 'behalte die ersten zwei Zeilen (ARG BASE / FROM ${BASE}): der Check baut offline auf dem Lab-Image auf'),
    });
  }
  const info = await ctx.docker.getImage(tag).inspect();
  return { tag, cmd: info.Config.Cmd ?? [] };
}

export async function removeImage(ctx: CheckContext, tag: string): Promise<void> {
  await ctx.docker.getImage(tag).remove({ force: true }).catch(() => undefined);
}

export interface RunInput {
  image: string;
  cmd: string[];
  entrypoint?: string[] | null;
  init?: boolean;
  env?: Record<string, string>;
  pidsLimit?: number;
  pidMode?: string;
  what: string;
}

export async function startForCheck(ctx: CheckContext, input: RunInput): Promise<Started> {
  return createAndStart(
    ctx.docker,
    containerSpec({
      owner: ownerFor(ctx.runId),
      kind: 'lab',
      image: input.image,
      cmd: input.cmd,
      ...(input.entrypoint ? { entrypoint: input.entrypoint } : {}),
      init: input.init ?? false,
      env: { ZOMBIE_LAB_TTL: '120', ...input.env },
      limits: { pidsLimit: input.pidsLimit ?? 128, memoryMb: 96 },
      labels: { 'zombie-lab.lab-check': input.what },
      autoRemove: false,
      ...(input.pidMode ? { pidMode: input.pidMode } : {}),
    }),
    ctx.signal,
  );
}

export type { Measured };

/**
 * Reads the container's PID namespace the way every feature counts (zombie-count.ts): this host's
 * /proc and pids cgroup on this kernel, a one-shot sidecar where the engine runs elsewhere.
 */
export async function measure(ctx: CheckContext, s: Started, nsOwner?: Started): Promise<Measured> {
  return countNow(s, { docker: ctx.docker, owner: ownerFor(ctx.runId), sidecarImage: ctx.baseTag, signal: ctx.signal, ...(nsOwner ? { nsOwner } : {}) });
}

export async function waitWindow(ctx: CheckContext, ms: number): Promise<void> {
  await abortableDelay(ms, ctx.signal);
  ctx.signal.throwIfAborted();
}

export async function logsOf(s: Started): Promise<string> {
  const buf = (await s.container.logs({ stdout: true, stderr: true, follow: false }).catch(() => Buffer.from(''))) as unknown as Buffer;
  return Buffer.isBuffer(buf) ? buf.toString('latin1') : String(buf);
}

export { removeQuietly };
