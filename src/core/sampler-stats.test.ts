import { describe, expect, it } from 'vitest';
import type { Sample } from './sample.js';
import { describeSamplerStats, percentile, SamplerStats } from './sampler-stats.js';

const s = (costUs: number, more: Partial<Sample> = {}): Sample => ({ t: 0, zombies: 5, live: 2, pidsUsed: 7, pidsLimit: 64, forkFailures: 0, costUs, source: 'cgroup', rateHz: 10, ...more });

describe('SamplerStats', () => {
  it('gives rate, median and p99 cost per source', () => {
    const st = new SamplerStats();
    for (let i = 1; i <= 100; i++) st.add(s(i));
    st.add(s(40, { source: 'sidecar', rateHz: 3.5 }));
    const [cg, sc] = st.summary();
    expect(cg).toMatchObject({ source: 'cgroup', samples: 100, rateHz: 10, costMedianUs: 50, costP99Us: 99, check: null, limitHit: false });
    expect(sc).toMatchObject({ source: 'sidecar', samples: 1, rateHz: 3.5 });
  });

  it('counts each /proc cross-check once, agreeing or not, and remembers a hit limit', () => {
    const st = new SamplerStats();
    st.add(s(10, { procCheck: { zombies: 5, ageMs: 10, costUs: 2000, rateHz: 1 } }));
    st.add(s(10, { procCheck: { zombies: 5, ageMs: 110, costUs: 2000, rateHz: 1 } })); // same scan, older
    st.add(s(10, { zombies: 6, procCheck: { zombies: 5, ageMs: 5, costUs: 2100, rateHz: 1 }, limitHit: true }));
    const [cg] = st.summary();
    expect(cg?.check).toEqual({ rateHz: 1, costUs: 2100, agreed: 1, disagreed: 1 });
    expect(cg?.limitHit).toBe(true);
    expect(describeSamplerStats(st.summary())[0]).toBe('cgroup: 10.0 samples/s, 10 µs a sample (p99 10 µs); /proc cross-check 1.0/s, 2.1 ms a scan, 1 agreed, 1 differed (zombies were being made)');
    // Another container's sample from the same scan counts for that container.
    st.add(s(10, { zombies: 5, procCheck: { zombies: 5, ageMs: 5, costUs: 2100, rateHz: 1 } }), 'other');
    expect(st.summary()[0]?.check?.agreed).toBe(2);
  });

  it('percentile of nothing is 0', () => {
    expect(percentile([], 99)).toBe(0);
  });
});
