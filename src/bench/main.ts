/**
 * `npm run bench [-- <name>...] [--counts 0,100,...] [--out FILE] [--smoke]`: runs the named
 * benchmarks (all by default). Each prints a Markdown table; --out also writes it to a file.
 * --smoke runs each at its smallest (one round, one count, short windows): CI runs it so a
 * benchmark that no longer completes is noticed; its figures mean nothing.
 *
 * To add a benchmark: write `src/bench/<name>-bench.ts` exporting a function that returns the
 * report text, and add an entry to BENCHES below.
 */
import { writeFileSync } from 'node:fs';

process.env['NODE_ENV'] ??= 'production';
import { installExitCleanup, setInterruptHandler } from '../cli/exit-cleanup.js';
import { reportProblem } from '../cli/report-problem.js';
import { connectDocker } from '../engine/docker-connect.js';
import { benchReport, runSamplerBench } from './sampler-bench.js';

interface BenchArgs {
  counts: number[] | null;
  out: string | null;
  smoke: boolean;
  signal: AbortSignal;
  log: (line: string) => void;
}

type Bench = (args: BenchArgs) => Promise<string>;

const BENCHES: Record<string, Bench> = {
  sampler: async (args) => {
    const conn = await connectDocker();
    const result = await runSamplerBench(conn, {
      counts: args.counts ?? (args.smoke ? [0] : [0, 100, 1_000, 5_000, 20_000]),
      windowMs: args.smoke ? 500 : 3_000,
      liveWindowMs: args.smoke ? 1_000 : 10_000,
      toolRuns: args.smoke ? 1 : 5,
      signal: args.signal,
      log: args.log,
    });
    return benchReport(result, `npm run bench -- sampler${args.counts ? ` --counts ${args.counts.join(',')}` : ''}`);
  },
  // Loaded lazily: React must see NODE_ENV=production (set below) before it is first imported.
  render: async (args) => {
    const { renderBench, WARMUP_FRAMES } = await import('./render-bench.js');
    const rows = ['| terminal | median | p95 | max | first 30 frames (warm-up): median / max |', '|---|---:|---:|---:|---:|'];
    for (const [c, r] of [
      [160, 48],
      [80, 24],
    ] as const) {
      const res = await renderBench(c, r, args.smoke ? WARMUP_FRAMES + 10 : 300);
      rows.push(`| ${c}x${r} | ${res.median.toFixed(1)} ms | ${res.p95.toFixed(1)} ms | ${res.max.toFixed(1)} ms | ${res.warmupMedian.toFixed(1)} / ${res.warmupMax.toFixed(1)} ms |`);
    }
    return `## One app frame with three busy lanes (target < 16 ms)\n\n${rows.join('\n')}\n`;
  },
  wrap: async () => {
    const { wrapBench, wrapBenchReport } = await import('./wrap-bench.js');
    return wrapBenchReport(wrapBench());
  },
  serve: async (args) => {
    const { serveBench, serveBenchReport } = await import('./serve-bench.js');
    return serveBenchReport(await serveBench({ clients: args.smoke ? 5 : 50, seconds: args.smoke ? 5 : 60, signal: args.signal, log: args.log }));
  },
  pods: async (args) => {
    const { podsRound } = await import('./pods-bench.js');
    const conn = await connectDocker();
    const rows = ['| round | pods started, limits read back, apps begun | every pod\'s first sample |', '|---:|---:|---:|'];
    for (let i = 1; i <= (args.smoke ? 1 : 3) && !args.signal.aborted; i++) {
      const r = await podsRound(conn, args.signal);
      rows.push(`| ${i} | ${r.started.toFixed(0)} ms | ${r.firstSamples.toFixed(0)} ms |`);
    }
    return `## zombie-lab pods: three pods to their first samples, images built (target < 3 s), ${conn.described}\n\n${rows.join('\n')}\n`;
  },
  startup: async (args) => {
    const { startupRound } = await import('./startup-bench.js');
    const rows = ['| round | first frame | engine found | first plotted sample | r again later: key to plot |', '|---:|---:|---:|---:|---:|'];
    for (let i = 1; i <= (args.smoke ? 1 : 3) && !args.signal.aborted; i++) {
      const r = await startupRound();
      rows.push(`| ${i} | ${r.frame.toFixed(0)} ms | ${r.engine.toFixed(0)} ms | ${r.firstSample.toFixed(0)} ms | ${r.restart.toFixed(0)} ms |`);
    }
    return `## From start to the first plotted sample, images built (target < 2 s)\n\n${rows.join('\n')}\n`;
  },
};

function parseArgs(argv: string[]): { names: string[]; counts: number[] | null; out: string | null; smoke: boolean } {
  const names: string[] = [];
  let counts: number[] | null = null;
  let out: string | null = null;
  let smoke = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--smoke') smoke = true;
    else if (a === '--counts') counts = (argv[++i] ?? '').split(',').map((x) => Number(x.replace(/_/g, '')));
    else if (a === '--out') out = argv[++i] ?? null;
    else names.push(a);
  }
  if (counts?.some((c) => !Number.isInteger(c) || c < 0)) throw new Error('--counts takes whole numbers separated by commas, e.g. --counts 0,100,1000');
  for (const n of names) if (!BENCHES[n]) throw new Error(`no benchmark named "${n}" (there is: ${Object.keys(BENCHES).join(', ')})`);
  return { names: names.length ? names : Object.keys(BENCHES), counts, out, smoke };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    return reportProblem(err);
  }
  installExitCleanup();
  const ac = new AbortController();
  const uninstall = setInterruptHandler(() => ac.abort());
  const reports: string[] = [];
  try {
    for (const name of args.names) {
      process.stderr.write(`bench ${name}...\n`);
      const report = await BENCHES[name]!({ counts: args.counts, out: args.out, smoke: args.smoke, signal: ac.signal, log: (l) => process.stderr.write(`  ${l}\n`) });
      process.stdout.write(`${report}\n`);
      reports.push(report);
    }
  } catch (err) {
    if (ac.signal.aborted) {
      process.stderr.write('bench: interrupted; its containers were removed\n');
      return 130;
    }
    return reportProblem(err);
  } finally {
    uninstall();
  }
  if (args.out) writeFileSync(args.out, reports.join('\n'));
  return 0;
}

process.exitCode = await main();
