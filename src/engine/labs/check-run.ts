/**
 * Running a container for a check (always through containerSpec: PID and memory limits, no
 * network, no caps) long enough to measure it, counted the way every feature counts
 * (zombie-count.ts), and reading a file out of it.
 */
import { extract } from 'tar-stream';
import { containerSpec } from '../../core/container-spec.js';
import { LABEL_LAB_CHECK } from '../../core/labels.js';
import { createAndStart, type Started } from '../containers.js';
import { ownerFor } from '../run-id.js';
import { abortableDelay } from '../timeout.js';
import { countNow, forksBetween, planCounting, type Measured, type PidCounter, type ProcFact } from '../zombie-count.js';
import { CheckStop, tr, type CheckContext } from './check-context.js';

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
/** How far past its window a watch through the sidecar may run to get a second reading of the PID counter. */
export const COUNTER_GRACE_MS = 30_000;

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
  let readings = 0;
  t0 = performance.now();
  for (;;) {
    times.push(performance.now());
    if (seen.ended) throw endedEarly(ctx, seen.ended.code, seen.ended.at);
    // The init may have gone between the exit check and the read.
    const m: Measured = await measure(ctx, s, nsOwner === s ? undefined : nsOwner).catch(exitOr);
    samples.push(m);
    if (m.pidCounter) readings++;
    const left = windowMs - (performance.now() - t0);
    // Through the sidecar the forks come from two readings of the counter at least: on a slow
    // engine (a VM under emulation takes seconds per one-shot sampler) the window runs on until
    // the second, for at most COUNTER_GRACE_MS more.
    const short = sidecarWay && readings < 2 && left > -COUNTER_GRACE_MS;
    if (left <= 0 && !short) break;
    await waitWindow(ctx, Math.max(0, Math.min(WATCH_EVERY_MS, left)));
  }
  const first = samples[0] as Measured;
  const last = samples.at(-1) as Measured;
  const tEnd = performance.now();
  // Through the sidecar every sample is a reading of the counter: the forks between each two add up.
  // A reading without it (seen once in CI, on a dockerd in its own PID namespace) is bridged: the
  // next pair counts from the reading before it, that sampler's own few PIDs included — a bound of
  // tens is checked, so they cannot make a run that forks nothing pass. The span is the readings'.
  let forks: number | null = null;
  let spanS = (tEnd - t0) / 1000;
  if (sidecarWay) {
    const counted = samples.flatMap((m, i) => (m.pidCounter ? [{ counter: m.pidCounter, at: times[i] ?? 0 }] : []));
    if (counted.length >= 2) {
      forks = 0;
      for (let n = 1; n < counted.length; n++) forks += forksBetween(counted[n - 1]?.counter ?? null, counted[n]?.counter ?? null) ?? 0;
      spanS = ((counted.at(-1)?.at ?? 0) - (counted[0]?.at ?? 0)) / 1000;
    }
  } else {
    forks = forksBetween(before, await counter());
  }
  return {
    samples,
    first,
    last,
    forks,
    spanS,
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
    const tar = await s.container.getArchive({ path: file });
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
