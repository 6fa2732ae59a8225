import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../core/run-events.js';
import { scriptedSource } from '../test-support/scripted-source.js';
import { waitFor } from '../test-support/docker-for-tests.js';
import { followRun, publishedSource, publishRun, runSocketPath, type RunChannelMessage } from './run-channel.js';
import { RunHub } from './serve/run-hub.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function socket(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'zl-run-'));
  dirs.push(d);
  return path.join(d, 'run.sock');
}

const EVENTS: RunEvent[] = [
  { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 1 } },
  { type: 'sample', mode: 'no-init', sample: { t: 100, zombies: 3, live: 2, pidsUsed: 5, pidsLimit: 256, forkFailures: 0, costUs: 10 }, tree: [{ pid: 1, ppid: 0, comm: 'python3', state: 'S' }] },
];
const ON_STOP: RunEvent[] = [{ type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 10_000, exitCode: 137 } }];

describe('the run channel (serve --follow)', () => {
  it('sits beside the notes socket', () => {
    expect(runSocketPath({ XDG_RUNTIME_DIR: '/run/user/1' })).toBe('/run/user/1/zombie-lab/run.sock');
    expect(runSocketPath({ ZOMBIE_LAB_RUN_SOCKET: '/tmp/x.sock' })).toBe('/tmp/x.sock');
    // A notes socket named otherwise (as the notes test names its own) is never taken for the run's.
    expect(runSocketPath({ ZOMBIE_LAB_NOTES_SOCKET: '/tmp/t/speaker.sock' })).toBe('/tmp/t/run-speaker.sock');
  });

  it("carries the app's run to a follower, which joins late and still gets it all, into serve's hub", async () => {
    const file = socket();
    const pub = await publishRun(file);
    expect(pub).not.toBeNull();
    if (!pub) return;
    // The app's side: its source, published.
    const abort = new AbortController();
    const stop = new AbortController();
    const run = publishedSource(scriptedSource(EVENTS, ON_STOP), pub, false)({ signal: abort.signal, stop: stop.signal });
    const consumed = (async () => {
      for await (const _ of run) void _;
    })();
    // serve's side, connecting after the run began.
    const hub = new RunHub(null, 'live');
    expect(hub.start()).toBe('follows');
    expect(hub.stop()).toBe('follows');
    const seen: string[] = [];
    hub.join((m) => seen.push(m.data));
    const follow = new AbortController();
    const got: RunChannelMessage[] = [];
    const following = followRun(follow.signal, { message: (m) => (got.push(m), hub.feed(m)), presenter: () => undefined }, file, 50);
    await waitFor(() => (got.length >= 3 ? true : undefined), 5000, 'the run so far');
    stop.abort();
    await consumed;
    await waitFor(() => (hub.phase === 'ended' ? true : undefined), 5000, 'the end of the run');
    follow.abort();
    await following;
    await pub.close();
    const data = seen.map((d) => JSON.parse(d) as Record<string, unknown>);
    expect(data[0]).toEqual({ run: 0, phase: 'idle', source: 'live', follows: true });
    expect(data[1]).toEqual({ run: 1, phase: 'running', source: 'live', follows: true });
    expect(data.filter((d) => d.type === 'sample')).toHaveLength(1);
    expect(data.some((d) => 'tree' in d)).toBe(false);
    expect(data.map((d) => d.phase).filter(Boolean)).toEqual(['idle', 'running', 'stopping', 'ended']);
    expect(data.find((d) => d.type === 'lane' && (d.state as { kind: string }).kind === 'stopped')).toBeDefined();
  });

  it('ends a run whose app went away', () => {
    const hub = new RunHub(null, 'live');
    hub.feed({ kind: 'run', phase: 'running', replay: true });
    expect(hub.phase).toBe('running');
    hub.presenterGone();
    expect(hub.phase).toBe('ended');
  });
});
