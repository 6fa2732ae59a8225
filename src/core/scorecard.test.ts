import { describe, expect, it } from 'vitest';
import { emptyRow, isStopFast, renderScorecard, scoreCells, settledCount, VARIANT_IDS, VARIANTS } from './scorecard.js';

describe('scorecard rows', () => {
  it('shows unmeasured cells as ? rather than inventing a value', () => {
    expect(scoreCells(emptyRow('tini'))).toEqual(['tini --', '?', '?', '?', '?', '?', '?', '?']);
  });

  it('marks a stop that took the timeout and a container that stayed up', () => {
    const r = { ...emptyRow('s6-svscan'), pid1: 's6-svscan', zombies: 0, stopMs: 4100, stopFast: false, stopExitCode: 137, reachesApp: false, reachesGroup: true, appExitStayedUp: true };
    expect(scoreCells(r)).toEqual(['s6-svscan (bare)', 's6-svscan', '0', '4.1 s (timeout)', '137', 'no', 'yes', 'stays up']);
    const fast = { ...emptyRow('tini'), stopMs: 56.4, stopFast: true, appExitCode: 3, appExitStayedUp: false };
    expect(scoreCells(fast)[3]).toBe('56 ms');
    expect(scoreCells(fast)[7]).toBe('3');
  });

  it('calls a stop fast only below half the timeout', () => {
    expect(isStopFast(1999, 4)).toBe(true);
    expect(isStopFast(2000, 4)).toBe(false);
  });

  it('renders aligned columns, the legend and each error', () => {
    const rows = [{ ...emptyRow('python3'), zombies: 60 }, { ...emptyRow('app-reaps'), errors: ['forward: boom'] }];
    const lines = renderScorecard(rows, { windowMs: 3000, rate: 20, stopTimeoutS: 4 });
    expect(lines[0]?.startsWith('PID 1 variant')).toBe(true);
    expect(lines[2]).toContain('60');
    expect(lines.some((l) => l.includes('the fewest of 5 counts 100 ms apart at the end of a 3 s window at 20 orphans/s'))).toBe(true);
    expect(lines.at(-1)).toBe('! app reaps (SIGCHLD): forward: boom');
  });

  it('explains s6-svscan only when its row is in the table', () => {
    const note = (rows: ReturnType<typeof emptyRow>[]) => renderScorecard(rows, { windowMs: 3000, rate: 20, stopTimeoutS: 4 }).some((l) => l.startsWith('s6-svscan (bare):'));
    expect(note([emptyRow('tini')])).toBe(false);
    expect(note([emptyRow('tini'), emptyRow('s6-svscan')])).toBe(true);
  });

  it("marks the --init rows and explains them when the engine's --init is not tini", () => {
    const rows = [emptyRow('python3'), emptyRow('docker-init'), emptyRow('docker-init-pgroup')];
    const plain = renderScorecard(rows, { windowMs: 3000, rate: 20, stopTimeoutS: 4 });
    expect(plain.some((l) => l.includes(' *'))).toBe(false);
    const lines = renderScorecard(rows, { windowMs: 3000, rate: 20, stopTimeoutS: 4 }, { initNote: 'catatonit here, not tini' });
    expect(lines.filter((l) => /^(docker --init|--init, KILL_PROCESS_GROUP) \*/.test(l))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('python3'))).not.toContain('*');
    expect(lines.at(-1)).toBe('* catatonit here, not tini');
  });

  it('counts the zombies that stay: one count that caught a child between exit and reap does not make a zombie', () => {
    expect(settledCount([0, 1, 0, 0, 0])).toBe(0);
    expect(settledCount([52, 54, 56, 58, 60])).toBe(52);
    expect(settledCount([])).toBeNull();
  });

  it('runs the shell form as Docker stores it: /bin/sh -c with the command as one string', () => {
    expect(VARIANTS['shell-form'].cmd).toEqual(['/bin/sh', '-c', 'python3 /work/app.py']);
    expect(VARIANTS['shell-form'].entrypoint).toBeUndefined();
  });

  it("runs BusyBox's sh -c with no exec written: whether the app becomes PID 1 is up to ash alone", () => {
    expect(VARIANTS['busybox-sh-c'].cmd).toEqual(['busybox', 'sh', '-c', 'cd /work && python3 app.py']);
    expect(VARIANTS['busybox-sh-c'].cmd.join(' ')).not.toMatch(/\bexec\b/);
    expect(VARIANTS['busybox-sh-c'].entrypoint).toBeUndefined();
  });

  it('has one definition per variant id', () => {
    for (const id of VARIANT_IDS) expect(VARIANTS[id].id).toBe(id);
  });
});
