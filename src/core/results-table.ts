/** The end-of-run table of `compare`, as plain text lines. */
import { MODES } from './modes.js';
import type { ModeResult } from './run-events.js';

const HEAD = ['mode', 'PID 1', 'zombies end', 'peak', 'PIDs used/limit', 'fork failures', 'docker stop', 'exit'];

export function formatStop(ms: number | null): string {
  if (ms === null) return '-';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
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
  const rows = [HEAD, ...results.map(resultRow)];
  const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 || i === 1 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ').trimEnd();
  return [fmt(HEAD), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.slice(1).map(fmt)];
}
