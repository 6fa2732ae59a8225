/**
 * Folding a run's events into per-mode results and series: the one fold of run events. The
 * CLI's table, --json, `record`'s results, the chart and the app's lanes all use `foldResult`,
 * so they can never disagree.
 */
import { MODE_IDS, type ModeId } from './modes.js';
import type { LaneState, ModeResult, RunEvent } from './run-events.js';
import type { SeriesPoint } from './sample.js';

export interface RunSummary {
  modes: ModeId[];
  lanes: Partial<Record<ModeId, LaneState>>;
  results: Partial<Record<ModeId, ModeResult>>;
  series: Partial<Record<ModeId, SeriesPoint[]>>;
}

/** A mode's result before any event. */
export function emptyResult(mode: ModeId): ModeResult {
  return { mode, pid1: null, zombiesEnd: 0, zombiesPeak: 0, pidsUsedEnd: null, pidsPeak: null, pidsLimit: 0, forkFailures: null, stopMs: null, exitCode: null };
}

/**
 * What one event of its mode tells about that mode's result so far. Pure: a new result, or `r`
 * itself when the event says nothing about it ('done' replaces results whole; see applyEvent).
 */
export function foldResult(r: ModeResult, e: RunEvent): ModeResult {
  switch (e.type) {
    case 'lane':
      return e.state.kind === 'stopped' ? { ...r, stopMs: e.state.stopMs, exitCode: e.state.exitCode } : r;
    case 'pid1':
      return { ...r, pid1: e.name };
    case 'sample': {
      const { sample } = e;
      return {
        ...r,
        zombiesEnd: sample.zombies,
        zombiesPeak: Math.max(r.zombiesPeak, sample.zombies),
        pidsLimit: sample.pidsLimit,
        ...(sample.pidsUsed !== null ? { pidsUsedEnd: sample.pidsUsed, pidsPeak: Math.max(r.pidsPeak ?? 0, sample.pidsUsed, sample.pidsPeak ?? 0) } : {}),
        ...(sample.forkFailures !== null ? { forkFailures: sample.forkFailures } : {}),
      };
    }
    default:
      return r;
  }
}

export function emptySummary(modes: ModeId[] = [...MODE_IDS]): RunSummary {
  const results: RunSummary['results'] = {};
  const series: RunSummary['series'] = {};
  const lanes: RunSummary['lanes'] = {};
  for (const m of modes) {
    results[m] = emptyResult(m);
    series[m] = [];
    lanes[m] = { kind: 'idle' };
  }
  return { modes, lanes, results, series };
}

/** Mutates and returns the summary: runs are long, and copying every series at 10 Hz is waste. */
export function applyEvent(s: RunSummary, e: RunEvent): RunSummary {
  if (e.type === 'done') {
    for (const res of e.results) s.results[res.mode] = res;
    return s;
  }
  if (e.type !== 'lane' && e.type !== 'pid1' && e.type !== 'sample') return s;
  if (e.type === 'lane') s.lanes[e.mode] = e.state;
  const r = s.results[e.mode];
  if (!r) return s;
  s.results[e.mode] = foldResult(r, e);
  if (e.type === 'sample') {
    const { sample } = e;
    s.series[e.mode]?.push({ t: sample.t, zombies: sample.zombies, live: sample.live, pidsUsed: sample.pidsUsed });
  }
  return s;
}

export function resultsOf(s: RunSummary): ModeResult[] {
  return s.modes.map((m) => s.results[m]).filter((r): r is ModeResult => !!r);
}

/**
 * The results of a run that may still be going (the app's handout mid-run): the final ones once
 * 'done' gave them, else each lane's result so far, from the same fold.
 */
export function resultsSoFar(final: ModeResult[] | null, lanes: Record<ModeId, { soFar: ModeResult }>): ModeResult[] {
  return final ?? MODE_IDS.map((m) => lanes[m].soFar);
}
