/** The end-of-run table of `compare`, as plain text lines. */
import { MODES } from './modes.js';
import type { ModeResult } from './run-events.js';
import { alignTable, formatDuration } from './text-table.js';

const HEAD = ['mode', 'PID 1', 'zombies end', 'peak', 'PIDs used/limit', 'fork failures', 'docker stop', 'exit'];

export function formatStop(ms: number | null): string {
  return ms === null ? '-' : formatDuration(ms);
}

export function resultRow(r: ModeResult): string[] {
  const pids = r.pidsPeak === null ? `-/${r.pidsLimit}` : `${r.pidsPeak}/${r.pidsLimit}`;
  return [
    MODES[r.mode].label,
    r.pid1 ?? '?',
    String(r.zombiesEnd),
    String(r.zombiesPeak),
    pids,
    r.forkFailures === null ? '-' : String(r.forkFailures),
    formatStop(r.stopMs),
    r.exitCode === null ? '-' : String(r.exitCode),
  ];
}

export function renderResultsTable(results: ModeResult[]): string[] {
  return alignTable(HEAD, results.map(resultRow), 2);
}
