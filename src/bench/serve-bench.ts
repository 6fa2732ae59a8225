/**
 * A classroom on loopback: `zombie-lab serve` (the shipped bundle, its own process) replays a
 * made-up run of three lanes at 10 Hz, `clients` browsers' worth of /events connections listen
 * for its whole length, and the server's CPU is read from /proc (utime + stime) over the run.
 * Bounded: the replay ends by itself after `seconds`; the server is stopped with SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RECORDING_FORMAT, type Recording } from '../core/recording.js';
import { CLI_ENTRY } from '../engine/package-paths.js';
import { readEvents } from '../engine/serve/event-reader.js';
import { syntheticRun } from './synthetic-run.js';

export interface ServeBenchResult {
  clients: number;
  seconds: number;
  samplesSent: number;
  /** Clients that got every sample, in order of arrival. */
  complete: number;
  /** Fewest samples any client got. */
  fewest: number;
  /** The server's CPU over the run, in % of one core. */
  cpuPercent: number;
  wallS: number;
}

const TICKS_PER_S = 100; // USER_HZ on Linux

/** Polls until `check` gives a value, or fails after `ms` (the bench ships in dist/; the tests' helper does not). */
async function waitFor<T>(check: () => T | undefined, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

export async function serveBench(opts: { clients: number; seconds: number; signal: AbortSignal; log: (l: string) => void }): Promise<ServeBenchResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'zombie-lab-serve-bench-'));
  const events = syntheticRun(opts.seconds);
  const t0 = Date.now();
  // One sample per lane every 100 ms, as a live run sends them.
  let sampleIndex = 0;
  const rec: Recording = {
    format: RECORDING_FORMAT,
    version: 1,
    recordedAt: new Date(t0).toISOString(),
    startedAtMs: t0,
    engine: 'synthetic (serve bench)',
    options: {},
    events: events.map((e) => ({ at: e.type === 'sample' ? Math.floor(sampleIndex++ / 3) * 100 : 0, event: e })),
  };
  const samplesSent = sampleIndex;
  const file = path.join(dir, 'run.json');
  writeFileSync(file, JSON.stringify(rec));
  const server = spawn(process.execPath, [CLI_ENTRY, 'serve', '--port', '0', '--replay', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  const clients: ReturnType<typeof readEvents>[] = [];
  try {
    let out = '';
    server.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const base = await waitFor(() => /^(http:\/\/127\.0\.0\.1:\d+)\//m.exec(out)?.[1], 20_000, 'serve to print its URL');
    for (let i = 0; i < opts.clients; i++) clients.push(readEvents(`${base}/events`));
    await Promise.all(clients.map((c) => c.status));
    opts.log(`serve bench: ${opts.clients} clients connected; a ${opts.seconds} s run at 10 Hz`);
    const cpu0 = cpuTicks(server.pid ?? 0);
    const w0 = Date.now();
    await fetch(`${base}/run`, { method: 'POST' });
    const ended = (c: (typeof clients)[number]) => (c.messages.at(-1)?.data as { phase?: string } | undefined)?.phase === 'ended';
    await waitFor(() => (opts.signal.aborted || clients.every(ended) ? true : undefined), (opts.seconds + 30) * 1000, 'every client to see the end of the run');
    const wallS = (Date.now() - w0) / 1000;
    const cpuPercent = ((cpuTicks(server.pid ?? 0) - cpu0) / TICKS_PER_S / wallS) * 100;
    const got = clients.map((c) => c.messages.filter((m) => (m.data as { type?: string }).type === 'sample').length);
    return { clients: opts.clients, seconds: opts.seconds, samplesSent, complete: got.filter((n) => n === samplesSent).length, fewest: Math.min(...got), cpuPercent, wallS };
  } finally {
    for (const c of clients) c.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export function serveBenchReport(r: ServeBenchResult): string {
  return `## A classroom on loopback: serve with ${r.clients} event-stream clients (target: every sample to every client, server < 5 % of a core)

| clients | run | samples sent | clients with every sample | fewest samples | server CPU | wall |
|---:|---:|---:|---:|---:|---:|---:|
| ${r.clients} | ${r.seconds} s at 10 Hz, 3 lanes | ${r.samplesSent} | ${r.complete} / ${r.clients} | ${r.fewest} | ${r.cpuPercent.toFixed(1)} % of a core | ${r.wallS.toFixed(1)} s |
`;
}
