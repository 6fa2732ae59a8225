/** What `compare` leaves once the run is over: the JSON document, or the table, the chart and the sampler line; the SVG handout. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CompareOptions } from '../../core/compare-options.js';
import { MODES } from '../../core/modes.js';
import { renderResultsTable } from '../../core/results-table.js';
import type { ModeResult } from '../../core/run-events.js';
import { describeSamplerStats } from '../../core/sampler-stats.js';
import { renderSvgChart } from '../../core/svg-chart.js';
import { renderTextChart } from '../../core/text-chart.js';
import type { Connection } from '../../engine/docker-connect.js';
import type { CommandOutput } from '../command-output.js';
import type { CompareFollower } from './compare-progress.js';

export function writeCompareJson(runId: string, conn: Connection, opts: CompareOptions, run: CompareFollower, results: ModeResult[], output: CommandOutput): void {
  output.json({
    runId,
    engine: { endpoint: conn.endpoint, why: conn.described, version: conn.version },
    options: opts,
    source: run.events.find((e) => e.type === 'source') ?? null,
    sources: run.events.filter((e) => e.type === 'source'),
    sampler: run.samplerStats.summary(),
    results,
    series: run.summary.series,
    events: run.events,
    problems: run.problems.map((p) => `${p.message}\n  fix: ${p.fix}`),
  });
}

export function writeCompareText(run: CompareFollower, results: ModeResult[], output: CommandOutput): void {
  const out = output.results;
  const { summary } = run;
  output.result(`\n${renderResultsTable(results).join('\n')}\n\n`);
  const chart = renderTextChart(
    summary.modes.map((m) => ({
      label: MODES[m].label,
      glyph: MODES[m].glyph,
      points: (summary.series[m] ?? []).map((p) => ({ t: p.t, v: p.zombies })),
    })),
    { width: Math.min(100, (out.columns ?? 80) - 2), height: 12 },
  );
  output.result(`zombies over time\n${chart.join('\n')}\n`);
  const sampler = describeSamplerStats(run.samplerStats.summary());
  if (sampler.length) output.result(`\nsampler: ${sampler.join('\n         ')}\n`);
}

/** The plot as an SVG handout; a file it cannot write is one more problem of the run. */
export async function writeCompareSvg(file: string, run: CompareFollower, results: ModeResult[], output: CommandOutput): Promise<void> {
  try {
    await writeFile(file, renderSvgChart({ series: run.summary.series, results, stopAt: run.stopAt, title: `zombie-lab compare · ${new Date().toISOString().slice(0, 16).replace('T', ' ')}` }));
    // The whole path, so it can be copied from a projected terminal and found from any folder.
    output.say(`plot saved as ${path.resolve(file)}`);
  } catch (err) {
    run.problems.push({ message: `could not write ${file}: ${err instanceof Error ? err.message : String(err)}`, fix: 'choose a folder you can write to' });
  }
}
