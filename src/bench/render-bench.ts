/**
 * Benchmark (not a test): how long one frame of the presenter app takes with three busy lanes,
 * React reconciliation, Ink layout and the write to a terminal included. Target: < 16 ms.
 * Run: `npm run build && NODE_ENV=production node dist/bench/render-bench.js [columns rows frames]`
 * (the app runs React's production build; the development build adds several ms a frame).
 */
import { EventEmitter } from 'node:events';
import { render } from 'ink';
import { createElement } from 'react';
import { initialState, reduce, type AppState } from '../core/app-state.js';
import { MODE_IDS } from '../core/modes.js';
import { lanesOn } from '../core/slides/types.js';
import { makeTheme } from '../core/theme.js';
import { BUNDLED_SLIDES_ROOT, loadDeck } from '../engine/slides-loader.js';
import { AppFrame } from '../ui/app.js';
import { syntheticRun } from './synthetic-run.js';

class FakeTerminal extends EventEmitter {
  bytes = 0;
  isTTY = true;
  constructor(
    readonly columns: number,
    readonly rows: number,
  ) {
    super();
  }
  write(chunk: string): boolean {
    this.bytes += chunk.length;
    return true;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Frames counted as warm-up: V8 compiles the render path during the first ones (100 ms and more). */
export const WARMUP_FRAMES = 30;

export interface RenderBenchResult {
  /** After the warm-up: what a running app's frames take. */
  median: number;
  p95: number;
  max: number;
  /** The warm-up frames, the first second and a half of a live app's drawing. */
  warmupMedian: number;
  warmupMax: number;
}

export async function renderBench(columns = 160, rows = 48, frames = 300): Promise<RenderBenchResult> {
  const deck = await loadDeck(BUNDLED_SLIDES_ROOT, 'en');
  const demo = Math.max(0, deck.slides.findIndex((s) => lanesOn(s) === 'demo'));
  const theme = makeTheme('default', false);
  // A minute of data already in the lanes, then one new sample per lane for every frame.
  let state: AppState = reduce(initialState({ slideCount: deck.slides.length, replay: false }), { type: 'run' });
  state = { ...state, slide: demo };
  state = reduce(state, { type: 'events', events: syntheticRun(60, 4) });
  const term = new FakeTerminal(columns, rows);
  const frame = (s: AppState, now: number) => createElement(AppFrame, { state: s, slides: deck.slides, theme, columns, rows, now });
  const instance = render(frame(state, Date.now()), {
    stdout: term as unknown as NodeJS.WriteStream,
    debug: true, // every frame written in full, no throttling: the worst case
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const times: number[] = [];
  let t = 60_000;
  for (let i = 0; i < frames; i++) {
    t += 100;
    state = reduce(state, {
      type: 'events',
      events: MODE_IDS.map((m) => ({
        type: 'sample' as const,
        mode: m,
        sample: { t, zombies: m === 'no-init' ? Math.min(250, Math.floor(t / 250)) : 0, live: 2, pidsUsed: 4, pidsLimit: 256, forkFailures: 0, costUs: 100 },
      })),
    });
    const start = performance.now();
    instance.rerender(frame(state, Date.now()));
    times.push(performance.now() - start);
  }
  instance.unmount();
  const sorted = times.slice(WARMUP_FRAMES).sort((a, b) => a - b);
  const warm = times.slice(0, WARMUP_FRAMES).sort((a, b) => a - b);
  return {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1) ?? NaN,
    warmupMedian: percentile(warm, 50),
    warmupMax: warm.at(-1) ?? NaN,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [c, r, f] = process.argv.slice(2).map(Number);
  const res = await renderBench(c || 160, r || 48, f || 300);
  process.stdout.write(
    `render-bench (NODE_ENV=${process.env['NODE_ENV'] ?? 'unset'}): one frame, three lanes, ${c || 160}x${r || 48}, after ${WARMUP_FRAMES} warm-up frames: median ${res.median.toFixed(2)} ms, p95 ${res.p95.toFixed(2)} ms, max ${res.max.toFixed(2)} ms (target < 16 ms); warm-up median ${res.warmupMedian.toFixed(1)} ms, max ${res.warmupMax.toFixed(1)} ms\n`,
  );
}
