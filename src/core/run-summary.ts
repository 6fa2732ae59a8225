/**
 * Folding a run's events into per-mode results and series. One reducer serves the CLI's
 * table, --json, the chart and the app, so they can never disagree.
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

export function emptySummary(modes: ModeId[] = [...MODE_IDS]): RunSummary {
  const results: RunSummary['results'] = {};
  const series: RunSummary['series'] = {};
  const lanes: RunSummary['lanes'] = {};
  for (const m of modes) {
    results[m] = { mode: m, pid1: null, zombiesEnd: 0, zombiesPeak: 0, pidsUsedEnd: null, pidsPeak: null, pidsLimit: 0, forkFailures: null, stopMs: null, exitCode: null };
    series[m] = [];
    lanes[m] = { kind: 'idle' };
  }
  return { modes, lanes, results, series };
}

/** Mutates and returns the summary: runs are long, and copying every series at 10 Hz is waste. */
export function applyEvent(s: RunSummary, e: RunEvent): RunSummary {
  switch (e.type) {
    case 'lane': {
      s.lanes[e.mode] = e.state;
      const r = s.results[e.mode];
      if (r && e.state.kind === 'stopped') {
        r.stopMs = e.state.stopMs;
        r.exitCode = e.state.exitCode;
      }
      break;
    }
    case 'pid1': {
      const r = s.results[e.mode];
      if (r) r.pid1 = e.name;
      break;
    }
    case 'sample': {
      const r = s.results[e.mode];
      const points = s.series[e.mode];
      if (!r || !points) break;
      const { sample } = e;
      points.push({ t: sample.t, zombies: sample.zombies, live: sample.live, pidsUsed: sample.pidsUsed });
      r.zombiesEnd = sample.zombies;
      r.zombiesPeak = Math.max(r.zombiesPeak, sample.zombies);
      r.pidsLimit = sample.pidsLimit;
      if (sample.pidsUsed !== null) {
        r.pidsUsedEnd = sample.pidsUsed;
        r.pidsPeak = Math.max(r.pidsPeak ?? 0, sample.pidsUsed, sample.pidsPeak ?? 0);
      }
      if (sample.forkFailures !== null) r.forkFailures = sample.forkFailures;
      break;
    }
    case 'done':
      for (const res of e.results) s.results[res.mode] = res;
      break;
    default:
      break;
  }
  return s;
}

export function resultsOf(s: RunSummary): ModeResult[] {
  return s.modes.map((m) => s.results[m]).filter((r): r is ModeResult => !!r);
}
