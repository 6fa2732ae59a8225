import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pidNamespaceOf } from './host-proc.js';
import { sampleContainers } from './sampler/sample-containers.js';
import type { TargetSample } from './sampler/sampler-options.js';

// A pids cgroup that claims 99,999 zombies, sampled against our own PID namespace in the real
// /proc, which holds nothing like that: the cross-check must catch the lie and fall back.
const dir = mkdtempSync(path.join(tmpdir(), 'zombie-lab-cg-'));
for (const [f, v] of Object.entries({ 'pids.current': '100000\n', 'pids.max': 'max\n', 'pids.events': 'max 0\n', tasks: '1\n', 'cgroup.procs': '1\n' })) writeFileSync(path.join(dir, f), v);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the cross-check', () => {
  it('drops a cgroup count that /proc contradicts on a quiet container, and says so in the samples', async () => {
    const ns = pidNamespaceOf('self') as string;
    const target = { key: 'liar', ns, cgroup: { dir, version: 1 as const }, pidsLimit: 64 };
    const ac = new AbortController();
    const seen: TargetSample[] = [];
    const guard = setTimeout(() => ac.abort(), 10_000);
    for await (const batch of sampleContainers(() => [target], { signal: ac.signal, intervalMs: 20, threaded: false })) {
      seen.push(...batch);
      if (batch.some((b) => b.sample.source === 'host-proc')) ac.abort();
    }
    clearTimeout(guard);
    const sources = seen.map((s) => s.sample.source);
    expect(sources[0]).toBe('cgroup');
    expect(seen[0]?.sample.zombies).toBe(99_999);
    const fallback = seen.find((s) => s.sample.source === 'host-proc');
    expect(fallback, 'a /proc sample after the fall-back').toBeDefined();
    expect(fallback?.sample.zombies).toBeLessThan(99_999);
    // It says why: the counts of the quiet disagreement, three times the same.
    expect(fallback?.fellBack).toMatchObject({ fast: 99_999, times: 3 });
    expect(fallback?.fellBack?.proc).toBeLessThan(99_999);
    expect(seen.filter((s) => s.fellBack)).toHaveLength(1);
    // Once fallen back, it stays on /proc.
    expect(sources.slice(sources.indexOf('host-proc'))).not.toContain('cgroup');
  });
});
