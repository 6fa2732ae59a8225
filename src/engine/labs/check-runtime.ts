/**
 * What lab checks share: building the learner's Dockerfile, reading their files, and running
 * a container (always through containerSpec: PID and memory limits, no network, no caps)
 * long enough to measure it, counted the way every feature counts (zombie-count.ts).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type Docker from 'dockerode';
import { extract } from 'tar-stream';
import { contentHash } from '../../core/content-hash.js';
import { containerSpec } from '../../core/container-spec.js';
import type { CheckItem } from '../../core/labs/check-result.js';
import { parseRunFlags, type RunFlags } from '../../core/labs/run-flags.js';
import { LABEL_IMAGE, LABEL_LAB_CHECK } from '../../core/labels.js';
import { boundedBuildParams } from '../../core/build-bounds.js';
import { committedLayerOf, isBuilderLine, plainLine } from '../../core/build-output.js';
import { boundLearnerBuild } from '../build-cgroup.js';
import { buildFolder } from '../folder-build.js';
import { createAndStart, removeQuietly, type Started } from '../containers.js';
import { problemOfError } from '../lab-error.js';
import { problemIn } from '../../core/problem-text.js';
import { ownerFor } from '../run-id.js';
import { abortableDelay } from '../timeout.js';
import { countNow, forksBetween, planCounting, type Measured, type PidCounter, type ProcFact } from '../zombie-count.js';
import type { Lang } from '../../core/lang.js';

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
  /** A line the learner must see, said once (the CLI prints it; the default is onLine). */
  onNotice?: (line: string) => void;
  /** Language of the learner: check messages follow it. */
  lang?: Lang;
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
      labels: { [LABEL_LAB_CHECK]: input.what },
      autoRemove: false,
      ...(input.pidMode ? { pidMode: input.pidMode } : {}),
    }),
    ctx.signal,
  );
}

export type { Measured, ProcFact };

/**
 * Reads the container's PID namespace the way every feature counts (zombie-count.ts): this host's
 * /proc and pids cgroup on this kernel, a one-shot sidecar where the engine runs elsewhere.
 */
export async function measure(ctx: CheckContext, s: Started, nsOwner?: Started): Promise<Measured> {
  return countNow(s, { docker: ctx.docker, owner: ownerFor(ctx.runId), sidecarImage: ctx.baseTag, signal: ctx.signal, ...(nsOwner ? { nsOwner } : {}) });
}

/** What a check saw over its window: a measurement every `everyMs`, the last one at the end. */
export interface Watched {
  samples: Measured[];
  first: Measured;
  last: Measured;
  /**
   * Forks done in the namespace over `spanS` (at least), from the PID counter its kernel keeps
   * (ns_last_pid), none of our own samplers' PIDs in it; null when the counter could not be read.
   */
  forks: number | null;
  /** Seconds between the two readings of the PID counter. */
  spanS: number;
  /**
   * Zombies that stay: the fewest seen in the last three samples. A child caught between its
   * exit and its parent's wait() shows in one sample, not in three.
   */
  settledZombies: number;
}

export const WATCH_EVERY_MS = 250;

/** A container that ended during the window: the check says so instead of "cannot count". */
function endedEarly(ctx: CheckContext, code: number | null, afterMs: number): CheckStop {
  const t = tr(ctx);
  return new CheckStop({
    ok: false,
    what: t('the container keeps running during the check', 'der Container läuft während des Checks weiter'),
    detail: t(`it ended after ${(afterMs / 1000).toFixed(1)} s with exit code ${code ?? '?'}`, `er endete nach ${(afterMs / 1000).toFixed(1)} s mit Exit-Code ${code ?? '?'}`),
    tryThis: t('the workload must run until the check stops it: look at `docker logs` of a run by hand', 'das Programm muss laufen, bis der Check es stoppt: sieh dir `docker logs` eines Laufs von Hand an'),
  });
}

/**
 * The namespace's PID counter, read by a one-shot sampler inside it (only a process in the
 * namespace can read ns_last_pid).
 */
export async function pidCounter(ctx: CheckContext, nsOwner: Started): Promise<PidCounter | null> {
  const m = await countNow(nsOwner, { docker: ctx.docker, owner: ownerFor(ctx.runId), sidecarImage: ctx.baseTag, signal: ctx.signal, plan: { source: 'sidecar', why: "the namespace's PID counter", ns: null, cgroup: null } });
  return m.pidCounter;
}

export async function watch(ctx: CheckContext, s: Started, windowMs: number, nsOwner: Started = s): Promise<Watched> {
  const samples: Measured[] = [];
  let t0 = performance.now();
  const times: number[] = [];
  const seen: { ended: { code: number | null; at: number } | null } = { ended: null };
  void Promise.race([s.exited, nsOwner.exited]).then((code) => (seen.ended ??= { code, at: performance.now() - t0 }));
  /**
   * A read that failed because the init is gone names the exit, not the engine's refusal or the
   * read (the engine reports an exit a moment after the kernel has reaped the init).
   */
  const exitOr = async (err: unknown): Promise<never> => {
    await Promise.race([s.exited, nsOwner.exited, abortableDelay(2000, ctx.signal)]);
    await Promise.resolve();
    const gone = seen.ended as { code: number | null; at: number } | null;
    if (gone) throw endedEarly(ctx, gone.code, gone.at);
    throw err;
  };
  const counter = () => pidCounter(ctx, nsOwner).catch(exitOr);
  // On this host's /proc the counter is read by a sampler of its own, before and after the window.
  const sidecarWay = planCounting(nsOwner).source === 'sidecar';
  const before = sidecarWay ? null : await counter();
  t0 = performance.now();
  for (;;) {
    times.push(performance.now());
    if (seen.ended) throw endedEarly(ctx, seen.ended.code, seen.ended.at);
    // The init may have gone between the exit check and the read.
    const m: Measured = await measure(ctx, s, nsOwner === s ? undefined : nsOwner).catch(exitOr);
    samples.push(m);
    const left = windowMs - (performance.now() - t0);
    if (left <= 0) break;
    await waitWindow(ctx, Math.min(WATCH_EVERY_MS, left));
  }
  const first = samples[0] as Measured;
  const last = samples.at(-1) as Measured;
  const tEnd = performance.now();
  // Through the sidecar every sample is a reading of the counter: the forks between each two add up.
  let forks: number | null = 0;
  if (sidecarWay) {
    for (let n = 1; n < samples.length && forks !== null; n++) {
      const d = forksBetween((samples[n - 1] as Measured).pidCounter, (samples[n] as Measured).pidCounter);
      forks = d === null ? null : forks + d;
    }
  } else {
    forks = forksBetween(before, await counter());
  }
  return {
    samples,
    first,
    last,
    forks,
    spanS: ((sidecarWay ? (times.at(-1) ?? 0) : tEnd) - (sidecarWay ? (times[0] ?? 0) : t0)) / 1000,
    settledZombies: Math.min(...samples.slice(-3).map((m) => m.zombies)),
  };
}

/** A live process running `script` under python3, as the kernel's cmdline says. */
export function runsScript(m: Measured, script: string): ProcFact | undefined {
  return m.procs.find((p) => /(^|\/)python3?[\d.]*$/.test(p.argv[0] ?? '') && p.argv[1] === script);
}

/** One file from a running container (the engine's archive API), or null when it is not there. */
export async function fileFromContainer(s: Started, file: string): Promise<Buffer | null> {
  try {
    const tar = (await s.container.getArchive({ path: file })) as unknown as NodeJS.ReadableStream;
    const ex = extract();
    tar.pipe(ex);
    for await (const entry of ex) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      tar.unpipe(ex);
      return Buffer.concat(chunks);
    }
    return null;
  } catch {
    return null;
  }
}

export async function waitWindow(ctx: CheckContext, ms: number): Promise<void> {
  await abortableDelay(ms, ctx.signal);
  ctx.signal.throwIfAborted();
}

export { removeQuietly };
