/**
 * Samples the zombie count of several containers on this host at a fixed rate (10 Hz).
 *
 * Fast path, every tick: the container's pids cgroup (pids.current minus the threads still
 * listed; tens of µs whatever the zombie count). /proc, the ground truth the lab teaches and
 * the source of the process tree, is scanned on a worker thread: as a periodic cross-check of
 * the fast path within a small CPU budget, or as the source itself where the cgroup cannot be
 * read, then within about a quarter of a core, at the rate that allows.
 */
import type { PidsAccounting } from '../../core/cgroup-files.js';
import type { Tally } from '../../core/proc-tally.js';
import { confirmedZombies, type Sample } from '../../core/sample.js';
import { abortableDelay } from '../timeout.js';
import { sampleFromCgroup, sampleFromProc } from './host-samples.js';
import { ProcScans, type LatestScan } from './proc-scans.js';
import type { SampleTarget, SamplerOptions, TargetSample } from './sampler-options.js';
import { TargetState } from './target-state.js';

/** One tick's shared facts, for the per-target steps below. */
interface Tick {
  n: number;
  now: number;
  t0: number;
  scan: LatestScan | null;
  /** Raw fast-path counts read this tick, by target key (the next scan's reference). */
  fastNow: Map<string, number>;
  treeLimit: number;
}

/** Yields one batch per tick until the signal aborts. Ticks that fall behind are skipped, not queued. */
export async function* sampleContainers(getTargets: () => SampleTarget[], opts: SamplerOptions): AsyncGenerator<TargetSample[]> {
  const interval = opts.intervalMs ?? 100;
  const t0 = opts.t0 ?? Date.now();
  const choice = opts.source ?? 'auto';
  const treeLimit = opts.withTree ? (opts.treeLimit ?? 400) : 0;
  const scans = new ProcScans(opts, interval, treeLimit);
  const states = new Map<string, TargetState>();
  let tickNo = 0;

  try {
    let next = Date.now();
    while (!opts.signal.aborted) {
      scans.throwIfFailed();
      const targets = getTargets();
      for (const [key, state] of states) if (!targets.some((t) => t.key === key)) state.closeReader();
      if (targets.length > 0) {
        tickNo++;
        const tick: Tick = { n: tickNo, now: Date.now(), t0, scan: scans.latest, fastNow: new Map(), treeLimit };
        const batch: TargetSample[] = [];
        let procIsSource = false;
        for (const target of targets) {
          let state = states.get(target.key);
          if (!state) states.set(target.key, (state = new TargetState()));
          const { acc, costUs } = state.read(target, tick.now);
          if (state.choosePath(target, choice, acc !== null)) {
            const out = fastSample(target, state, acc, costUs, tick, scans);
            if (out) batch.push(out);
            continue;
          }
          procIsSource = true;
          const out = procSample(target, state, acc, tick);
          if (out) batch.push(out);
        }
        scans.startIfDue(tick.now, targets.map((t) => t.ns), procIsSource, tick.fastNow);
        if (batch.length > 0) yield batch;
      }
      next += interval;
      const now = Date.now();
      if (next < now) next = now + interval - ((now - next) % interval);
      await abortableDelay(next - now, opts.signal);
    }
  } finally {
    for (const state of states.values()) state.closeReader();
    await scans.close();
  }
}

/** The fast path: this tick's cgroup reading, judged against /proc whenever a new scan is in; null: nothing to deliver. */
function fastSample(target: SampleTarget, state: TargetState, acc: PidsAccounting | null, costUs: number, tick: Tick, scans: ProcScans): TargetSample | null {
  if (!acc) return null;
  const previous = state.fastAt(tick.n - 1);
  state.rememberFast(tick.n, acc.zombies);
  tick.fastNow.set(target.key, acc.zombies);
  const scan = tick.scan;
  const tally = scan?.result.tallies.get(target.ns);
  if (scan && tally && state.judgedScan !== scan.result.id) {
    state.judgedScan = scan.result.id;
    const before = scan.fastAtStart.get(target.key);
    const verdict = before === undefined ? 'busy' : state.check.judge(before, acc.zombies, tally.zombies);
    // A quiet disagreement: look again at once; three in a row by the same difference: /proc becomes the source.
    if (verdict === 'differed') scans.lookAgainNow();
    if (verdict === 'fall-back') {
      state.fastPath = false;
      state.fellBack = state.check.disagreement;
      scans.lookAgainNow();
      return null;
    }
  }
  const sample = sampleFromCgroup(acc, tick.now - tick.t0, target.pidsLimit, costUs);
  sample.zombies = confirmedZombies(previous, acc.zombies);
  const rate = state.meter.tick(tick.now);
  if (rate !== null) sample.rateHz = rate;
  if (scan && tally) sample.procCheck = { zombies: tally.zombies, ageMs: tick.now - scan.result.at, costUs: scan.result.costUs, rateHz: scan.rateHz ?? 0 };
  return withTree(target.key, sample, tally, tick.treeLimit);
}

/** The /proc path: delivers when a new scan has come in, at the rate its budget allows; null: nothing new. */
function procSample(target: SampleTarget, state: TargetState, acc: PidsAccounting | null, tick: Tick): TargetSample | null {
  const scan = tick.scan?.result;
  const tally = scan?.tallies.get(target.ns);
  if (!scan || !tally || state.deliveredScan === scan.id) return null;
  state.deliveredScan = scan.id;
  const sample = sampleFromProc(tally, scan.at - tick.t0, target.pidsLimit, scan.costUs, acc);
  // The same two-reading rule as the fast path: a child caught between exit and reap is
  // in one scan, a real pile in every one (issue 11: "peak 2" on the --init lane).
  sample.zombies = confirmedZombies(state.previousScan, tally.zombies);
  state.previousScan = tally.zombies;
  const rate = state.meter.tick(scan.at);
  if (rate !== null) sample.rateHz = rate;
  const out = withTree(target.key, sample, tally, tick.treeLimit);
  if (state.fellBack) {
    out.fellBack = state.fellBack;
    state.fellBack = null;
  }
  return out;
}

function withTree(key: string, sample: Sample, tally: Tally | undefined, treeLimit: number): TargetSample {
  return treeLimit > 0 ? { key, sample, tree: tally?.tree ?? [] } : { key, sample };
}
