import { describe, expect, it } from 'vitest';
import { parseReading, sampleFromReading, treeFromReading } from './sidecar.js';

describe('sidecar readings', () => {
  const line = '{"zombies":47,"live":1,"threads":1,"pid1":"py \\"3\\"","costUs":467,"rateHz":10.0,"tree":[[1,0,"a) b","S"],[6,1,"python3","Z"]]}';

  it('parses the JSON line sampler.py writes by hand, escapes included', () => {
    const r = parseReading(line);
    expect(r).toMatchObject({ zombies: 47, live: 1, threads: 1, pid1: 'py "3"', rateHz: 10 });
    expect(treeFromReading(r!)).toEqual([
      { pid: 1, ppid: 0, comm: 'a) b', state: 'S' },
      { pid: 6, ppid: 1, comm: 'python3', state: 'Z' },
    ]);
    expect(parseReading('Traceback (most recent call last):')).toBeNull();
    expect(parseReading('{"live":1}')).toBeNull();
  });

  it('counts PIDs used as live threads plus zombies, and a full table as the limit hit', () => {
    const s = sampleFromReading(parseReading(line)!, 500, 48);
    expect(s).toMatchObject({ t: 500, zombies: 47, pidsUsed: 48, pidsLimit: 48, limitHit: true, source: 'sidecar', forkFailures: null, rateHz: 10 });
    expect(sampleFromReading({ zombies: 3, live: 2, threads: 4, pid1: null, costUs: 9 }, 0, 48).limitHit).toBe(false);
  });
});
