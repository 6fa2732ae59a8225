import { describe, expect, it } from 'vitest';
import { parseReading, SidecarLines } from '../core/sidecar-protocol.js';
import { sampleFromReading } from './sidecar-sample.js';

describe('sidecar readings as samples', () => {
  const line = '{"zombies":47,"live":1,"threads":1,"pid1":"py \\"3\\"","costUs":467,"rateHz":10.0,"tree":[[1,0,"a) b","S"],[6,1,"python3","Z"]]}';

  it('counts PIDs used as live threads plus zombies, and a full table as the limit hit', () => {
    const s = sampleFromReading(parseReading(line)!, 500, 48);
    expect(s).toMatchObject({ t: 500, zombies: 47, pidsUsed: 48, pidsLimit: 48, limitHit: true, source: 'sidecar', forkFailures: null, rateHz: 10 });
    expect(sampleFromReading({ zombies: 3, live: 2, threads: 4, pid1: null, costUs: 9 }, 0, 48).limitHit).toBe(false);
  });

  it('takes the cgroup way\'s own numbers: PIDs used, pids.max as the limit, refused forks', () => {
    // [pids.current, threads listed, processes listed, pids.max, refused forks, pids.peak]
    const cg = (current: number, threads: number) => `{"cg":[${current},${threads},1,1024,0,-1],"pid1":"python3","costUs":180,"rateHz":10.0}`;
    const lines = new SidecarLines(() => undefined);
    lines.take(cg(41, 1));
    lines.take(cg(43, 1));
    const r = lines.take(cg(43, 1))!;
    expect(r.zombies).toBe(42);
    const s = sampleFromReading(r, 100, 64);
    expect(s).toMatchObject({ source: 'sidecar-cgroup', zombies: 42, pidsUsed: 43, pidsLimit: 1024, forkFailures: 0, limitHit: false, rateHz: 10 });
  });
});
