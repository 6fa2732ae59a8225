/**
 * Benchmark (not a test): from starting the app in a real terminal (tmux) to the first frame,
 * to knowing the engine, and — pressing r as soon as the first frame is up — to the first
 * plotted sample. Images must already be built (`zombie-lab prepare`). Needs tmux and Docker.
 * Run: `npm run build && node dist/bench/startup-bench.js [rounds]`.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CLI_ENTRY, PACKAGE_ROOT } from '../engine/package-paths.js';

// ZOMBIE_LAB_BENCH_ENTRY compares another build of the app, e.g. dist/cli.js (tsc's output, unbundled).
const ENTRY = process.env.ZOMBIE_LAB_BENCH_ENTRY ? path.join(PACKAGE_ROOT, process.env.ZOMBIE_LAB_BENCH_ENTRY) : CLI_ENTRY;

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

async function until(session: string, test: (screen: string) => boolean, ms: number, what: string): Promise<number> {
  const deadline = performance.now() + ms;
  for (;;) {
    const screen = tmux('capture-pane', '-t', session, '-p');
    if (test(screen)) return performance.now();
    if (performance.now() > deadline) throw new Error(`startup-bench: no ${what} within ${ms} ms; the screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** The first lane in a fresh run (`running 0 s`) with a sample: its PID bar has numbers. */
const FRESH_SAMPLE = /running 0 s[^\n]*\n[^\n]*\n[^\n]*PIDs \[[#.]+\] \d+\/\d+/;

export async function startupRound(): Promise<{ frame: number; engine: number; firstSample: number; restart: number }> {
  const id = randomBytes(3).toString('hex');
  const session = `zl-bench-${id}`;
  tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '48', '-c', PACKAGE_ROOT, 'env', 'PS1=zl$ ', 'bash', '--norc', '--noprofile');
  try {
    const t0 = performance.now();
    // The session's own prefix when it has one (engines are shared), else one for this round.
    const prefix = process.env.ZOMBIE_LAB_RUN_PREFIX ?? `app-bench${id}`;
    tmux('send-keys', '-t', session, `ZOMBIE_LAB_RUN_PREFIX=${prefix} node ${ENTRY}`, 'Enter');
    const frame = (await until(session, (s) => /slide 1\//.test(s), 20_000, 'first frame')) - t0;
    // Slide 1 folds the lanes into one strip of counts; p draws them in full, with the plot and
    // the PID bar whose numbers say a sample has arrived.
    tmux('send-keys', '-t', session, 'p', 'r');
    const engine = (await until(session, (s) => / LIVE /.test(s), 20_000, 'engine')) - t0;
    // A sample has arrived once the PID bar has numbers: `[....] 4/256` instead of `?/?`.
    const firstSample = (await until(session, (s) => /PIDs \[[#.]+\] \d+\/\d+/.test(s), 30_000, 'first sample')) - t0;
    // Later presses of r, as in a talk: the next run's containers are waiting by then.
    await until(session, (s) => /running [3-9] s/.test(s), 30_000, 'three seconds of running');
    const r0 = performance.now();
    tmux('send-keys', '-t', session, 'r');
    const restart = (await until(session, (s) => FRESH_SAMPLE.test(s), 30_000, 'a sample of the restarted run')) - r0;
    tmux('send-keys', '-t', session, 'q');
    await until(session, (s) => s.includes('zl$') && !s.includes('slide '), 30_000, 'quit');
    return { frame, engine, firstSample, restart };
  } finally {
    tmux('kill-session', '-t', session);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rounds = Number(process.argv[2] ?? 3) || 3;
  for (let i = 0; i < rounds; i++) {
    const r = await startupRound();
    process.stdout.write(
      `startup-bench round ${i + 1}: first frame ${r.frame.toFixed(0)} ms, engine found ${r.engine.toFixed(0)} ms, first plotted sample ${r.firstSample.toFixed(0)} ms after start (target < 2000 ms); r again later: plotted ${r.restart.toFixed(0)} ms after the key\n`,
    );
  }
}
