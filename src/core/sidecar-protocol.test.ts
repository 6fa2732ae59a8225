import { describe, expect, it } from 'vitest';
import { cgroupOfLine, parseReading, SidecarLines, treeFromReading } from './sidecar-protocol.js';

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
});

describe('sidecar lines on the /proc way', () => {
  const proc = (zombies: number) => `{"zombies":${zombies},"live":2,"threads":2,"pid1":"docker-init","costUs":300}`;
  it('confirm zombies over two readings too: a child between exit and reap is never a peak', () => {
    const lines = new SidecarLines(() => undefined);
    expect(lines.take(proc(0))?.zombies).toBe(0);
    expect(lines.take(proc(2))?.zombies).toBe(0);
    expect(lines.take(proc(0))?.zombies).toBe(0);
    // A real pile is in every reading: it shows one reading late.
    expect(lines.take(proc(5))?.zombies).toBe(0);
    expect(lines.take(proc(6))?.zombies).toBe(5);
    expect(lines.take('not json')).toBeNull();
  });
});

describe('sidecar lines on the cgroup way (cgroup v2)', () => {
  // [pids.current, threads listed, processes listed, pids.max, refused forks, pids.peak]
  const cg = (current: number, threads: number, extra = '') => `{"cg":[${current},${threads},1,1024,0,-1],"pid1":"python3","costUs":180,"rateHz":10.0${extra}}`;

  it('reads the way line, then counts zombies as pids.current minus the listed threads, confirmed over two ticks', () => {
    const lines = new SidecarLines(() => undefined);
    expect(lines.take('{"way":"cgroup","why":null,"cgroup":"/sys/fs/cgroup/system.slice/docker-abc.scope"}')).toBeNull();
    expect(lines.way).toEqual({ way: 'cgroup', why: null, cgroup: '/sys/fs/cgroup/system.slice/docker-abc.scope' });
    expect(lines.take(cg(41, 1))).toMatchObject({ zombies: 40, live: 1, threads: 1, pid1: 'python3' });
    // A lone higher reading (a fork in flight) shows one tick late.
    expect(lines.take(cg(43, 1))?.zombies).toBe(40);
    expect(lines.take(cg(43, 1))!.zombies).toBe(42);
  });

  it('carries the /proc cross-check, and asks for /proc after three quiet disagreements by the same difference', () => {
    let asked = 0;
    const lines = new SidecarLines(() => asked++);
    // [zombies, live, threads, scan cost µs, cgroup zombies when the scan began, ms since it ended]
    const agreed = lines.take(cg(11, 1, ',"proc":[10,1,1,3000,10,5],"procRateHz":0.50'))!;
    expect(agreed.procCheck).toMatchObject({ zombies: 10, costUs: 3000, rateHz: 0.5 });
    expect(asked).toBe(0);
    lines.take(cg(11, 1, ',"proc":[7,1,1,3000,10,5]'));
    expect(asked).toBe(0); // the first disagreement only looks again
    lines.take(cg(11, 1, ',"proc":[7,1,1,3000,10,5]'));
    expect(asked).toBe(0);
    lines.take(cg(11, 1, ',"proc":[7,1,1,3000,10,5]'));
    expect(asked).toBe(1);
    // A busy container (the count moved during the scan) is not judged.
    const busy = new SidecarLines(() => asked++);
    busy.take(cg(21, 1, ',"proc":[3,1,1,3000,2,5]'));
    busy.take(cg(21, 1, ',"proc":[3,1,1,3000,2,5]'));
    expect(asked).toBe(1);
  });

  it('turns a refused fork and pids.max into the limit the kernel enforces', () => {
    const acc = cgroupOfLine([64, 4, 2, 64, 3, 64])!;
    expect(acc).toMatchObject({ zombies: 60, pidsMax: 64, refusedForks: 3, limitHit: true, pidsPeak: 64 });
    expect(cgroupOfLine([64, 4, 2, -1, 0, -1])).toMatchObject({ pidsMax: null, pidsPeak: null });
    expect(cgroupOfLine([1, 2])).toBeNull();
  });
});
