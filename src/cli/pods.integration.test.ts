/**
 * `zombie-lab pods` on Docker, which runs no pods: lab 05's emulation (a pause container, the
 * shared namespace joined with --pid container:), said so in text and JSON, with the same lessons
 * as real pods — PID 1 per pod, zombies and probe zombies from the kernel, the grace period, exit
 * codes — and nothing left.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { podsReport, threeLanes } from '../test-support/pods-report.js';
import { runCli } from '../test-support/run-cli.js';

const conn = await dockerForTests();
const prefix = `${process.env.ZOMBIE_LAB_RUN_PREFIX ?? 'it'}-pods${randomBytes(3).toString('hex')}`;

async function ours(): Promise<string[]> {
  const list = await conn!.docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
  return list.filter((c) => (c.Labels['zombie-lab'] ?? '').startsWith(prefix)).map((c) => c.Names[0] ?? c.Id);
}

describe.skipIf(!conn)('zombie-lab pods on Docker (emulated)', () => {
  it('--json: emulated and said so, a lane per pod with its PID 1, zombies, probe zombies, stop and exit; nothing left', async () => {
    const r = await runCli(['pods', '--json', '--duration', '7s', '--pids-limit', '256', '--run-id', `${prefix}-json`], { env: { NO_COLOR: '1' }, timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    const report = podsReport(r);
    expect(report.way).toBe('pause-container');
    expect(report.emulated).toBe(true);
    expect(report.note).toMatch(/pause container .*--pid container:/);
    expect(r.stderr).toContain('pods: this engine runs no pods');

    const { alone, shared, tini } = threeLanes(report);
    expect([alone.pid1, shared.pid1, tini.pid1]).toEqual(['python3', 'catatonit', 'tini']);
    expect(alone.appNsPid).toBe(1);
    expect(shared.appNsPid).toBeGreaterThan(1);
    for (const l of [alone, shared, tini]) {
      expect(l.pidsMaxRead, l.pod).toBe(256);
      expect(l.probeRuns, l.pod).toBeGreaterThanOrEqual(4);
    }
    expect(alone.zombiesPeak).toBeGreaterThan(20);
    expect(alone.probeZombiesPeak).toBeGreaterThanOrEqual(2);
    for (const l of [shared, tini]) {
      // A child between its exit and its reap is a real, brief zombie, a probe's orphan too: under
      // a reaping PID 1 at most one is seen (once, at load 14), never a pile as under the app.
      expect(l.zombiesPeak, l.pod).toBeLessThanOrEqual(2);
      expect(l.probeZombiesPeak, l.pod).toBeLessThanOrEqual(1);
      expect(l.exitCode, l.pod).toBe(143);
      expect(l.stopMs, l.pod).toBeLessThan(l.graceS * 1000);
    }
    expect(alone.exitCode).toBe(137);
    expect(alone.stopMs).toBeGreaterThanOrEqual(alone.graceS * 1000);
    expect(await ours()).toEqual([]);
  });

  it('text: the emulation is named, the grace period counted down, the table at the end', async () => {
    const r = await runCli(['pods', '--duration', '3s', '--run-id', `${prefix}-text`], { env: { NO_COLOR: '1' }, timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('pods: this engine runs no pods');
    expect(r.stdout).toMatch(/^stopping app-pid1: SIGTERM, then SIGKILL after terminationGracePeriodSeconds 5 s$/m);
    expect(r.stdout).toMatch(/grace period: app-pid1 SIGKILL in [1-4] s/);
    expect(r.stdout).toMatch(/^app-pid1 stopped after \d+\.\d\d s, exit 137 \(SIGKILL after the grace period/m);
    expect(r.stdout).toMatch(/^pod\s+PID 1\s+app PID\s+zombies\s+probe zombies/m);
    expect(r.stdout).toContain('pods emulated: a pause container stands in for each pod');
    expect(await ours()).toEqual([]);
  });

  it("compare --pods: the same run, printed compare's way (lines on stderr, the table on stdout); mode options refused", async () => {
    const r = await runCli(['compare', '--pods', '--duration', '2s', '--run-id', `${prefix}-compare`], { env: { NO_COLOR: '1' }, timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('pods: this engine runs no pods');
    expect(r.stderr).toMatch(/^app-pid1 stopped after \d+\.\d\d s, exit 137/m);
    expect(r.stdout).not.toContain('stopping app-pid1');
    expect(r.stdout).toMatch(/^pod\s+PID 1\s+app PID\s+zombies\s+probe zombies/m);
    expect(await ours()).toEqual([]);
    const wrong = await runCli(['compare', '--pods', '--modes', 'no-init'], { env: { NO_COLOR: '1' } });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^zombie-lab compare: --pods runs the pods; --modes belongs to the modes run$/m);
  });
});
