/**
 * What `docker ps` shows during a short compare: every container of the run named for what it
 * is (the three lanes and, with the sampler forced to sidecars, one sampler per lane), and the
 * run's end removing them all, found by label.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { LABEL_RUN } from '../core/labels.js';
import type { RunEvent } from '../core/run-events.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from './cleanup.js';
import { runDemo } from './demo/run-demo.js';
import { newRunId } from './run-id.js';

const conn = await dockerForTests();
const runIds: string[] = [];

afterAll(async () => {
  if (!conn) return;
  for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
});

describe.runIf(conn)('the lab names its containers', () => {
  it('for what they are: zombie-lab-<run>-<mode> and -sampler-<mode>, while the run runs', { timeout: 90_000 }, async () => {
    const docker = conn!.docker;
    const runId = newRunId('names');
    runIds.push(runId);
    const stop = new AbortController();
    const guard = setTimeout(() => stop.abort(), 45_000);
    const events: RunEvent[] = [];
    let names: string[] = [];
    const modes = ['no-init', 'dumb-init', 'init'] as const;
    for await (const e of runDemo(
      docker,
      { runId, modes: [...modes], pidsLimit: 64, memoryMb: 64, stopTimeoutS: 1, zombieRate: 5, sampler: 'sidecar' },
      { signal: new AbortController().signal, stop: stop.signal },
    )) {
      events.push(e);
      const sampled = modes.every((m) => events.some((x) => x.type === 'sample' && x.mode === m));
      if (sampled && !names.length) {
        const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL_RUN}=${runId}`] } });
        names = list.map((c) => (c.Names[0] ?? '').replace(/^\//, '')).sort();
        stop.abort();
      }
    }
    clearTimeout(guard);
    expect(names).toEqual(
      ['dumb-init', 'init', 'no-init', 'sampler-dumb-init', 'sampler-init', 'sampler-no-init'].map((r) => `zombie-lab-${runId}-${r}`),
    );
    expect(events.some((e) => e.type === 'done')).toBe(true);
    expect((await listLabContainers(docker)).filter((c) => c.runId === runId)).toEqual([]);
  });
});
