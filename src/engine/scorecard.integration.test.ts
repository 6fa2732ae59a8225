import { afterAll, describe, expect, it } from 'vitest';
import { SCORECARD_DEFAULTS, VARIANT_IDS, type ScoreRow, type VariantId } from '../core/scorecard.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { listLabContainers, removeLabContainers } from './cleanup.js';
import { ensureExtraImage, WORKLOAD_REPO } from './images.js';
import { newRunId } from './run-id.js';
import { runScorecard, type ScorecardEvent } from './scorecard.js';

const conn = await dockerForTests();
const runId = newRunId('labs-test-scorecard');

afterAll(async () => {
  if (conn) await removeLabContainers(conn.docker, { runId });
});

interface Measured {
  out: ScoreRow[];
  rows: Record<VariantId, ScoreRow>;
  events: ScorecardEvent[];
}

// One scorecard run, made by whichever test asks first: each test stands alone (`-t` can pick any).
let measuring: Promise<Measured> | undefined;
function measured(): Promise<Measured> {
  measuring ??= (async () => {
    const events: ScorecardEvent[] = [];
    // Ensured, not assumed: another session's `clean --images` on the shared engine may have removed it.
    const { tag: image } = await ensureExtraImage(conn!.docker, 'workload', WORKLOAD_REPO);
    const out = await runScorecard(conn!.docker, {
      runId,
      image,
      variants: [...VARIANT_IDS],
      settings: { ...SCORECARD_DEFAULTS, concurrency: 4 },
      signal: new AbortController().signal,
      onEvent: (e) => events.push(e),
    });
    return { out, rows: Object.fromEntries(out.map((r) => [r.variant, r])) as Record<VariantId, ScoreRow>, events };
  })();
  return measuring;
}
const RUN_MS = 180_000;

describe.runIf(conn)('the scorecard on the real engine', () => {
  it('measures every variant with no errors and leaves no container behind', async () => {
    const { out, events } = await measured();
    for (const r of out) expect(r.errors, r.variant).toEqual([]);
    expect(events.filter((e) => e.type === 'job-done')).toHaveLength(VARIANT_IDS.length * 3);
    expect((await listLabContainers(conn!.docker)).filter((c) => c.runId === runId)).toEqual([]);
  }, RUN_MS);

  it('PID 1 is what /proc says, including the bash -c exec trap and BusyBox ash execing the app', async () => {
    const { rows } = await measured();
    expect(rows.python3.pid1).toBe('python3');
    expect(rows['bash-script'].pid1).toBe('bash');
    expect(rows['bash-c'].pid1).toBe('python3');
    expect(rows['shell-form'].pid1).toBe('sh');
    // No exec written: BusyBox ash (Alpine's sh) execs the last simple command of -c, Debian's dash does not.
    expect(rows['busybox-sh-c'].pid1).toBe('python3');
    expect(rows['dumb-init'].pid1).toBe('dumb-init');
    expect(rows.tini.pid1).toBe('tini');
    expect(rows['docker-init'].pid1).toBe('docker-init');
    expect(rows.catatonit.pid1).toBe('catatonit');
    expect(rows['s6-svscan'].pid1).toBe('s6-svscan');
    expect(rows['app-reaps'].pid1).toBe('python3');
  }, RUN_MS);

  it('zombies pile up only when PID 1 is an app that does not reap', async () => {
    const { rows } = await measured();
    expect(rows.python3.zombies).toBeGreaterThanOrEqual(20);
    expect(rows['bash-c'].zombies).toBeGreaterThanOrEqual(20);
    expect(rows['busybox-sh-c'].zombies).toBeGreaterThanOrEqual(20);
    for (const v of ['bash-script', 'shell-form', 'dumb-init', 'dumb-init-single', 'tini', 'docker-init', 'docker-init-pgroup', 'catatonit', 's6-svscan', 'app-reaps'] as const) {
      expect(rows[v].zombies, v).toBeLessThanOrEqual(2);
    }
  }, RUN_MS);

  it('docker stop takes the timeout and ends in 137 when SIGTERM cannot reach the app; an init makes it 143 at once', async () => {
    const { rows } = await measured();
    for (const v of ['python3', 'bash-script', 'bash-c', 'shell-form', 'busybox-sh-c', 'app-reaps'] as const) {
      expect(rows[v].stopFast, v).toBe(false);
      expect(rows[v].stopExitCode, v).toBe(137);
    }
    for (const v of ['dumb-init', 'dumb-init-single', 'tini', 'docker-init', 'docker-init-pgroup', 'catatonit'] as const) {
      expect(rows[v].stopFast, v).toBe(true);
      expect(rows[v].stopExitCode, v).toBe(143);
    }
    expect(rows['s6-svscan'].stopFast).toBe(true);
  }, RUN_MS);

  it('only dumb-init (setsid default) and tini with TINI_KILL_PROCESS_GROUP forward a signal to the process group', async () => {
    const { rows } = await measured();
    const group = VARIANT_IDS.filter((v) => rows[v].reachesGroup);
    expect(group.sort()).toEqual(['docker-init-pgroup', 'dumb-init']);
    expect(rows['bash-script'].reachesApp).toBe(false);
    expect(rows['shell-form'].reachesApp).toBe(false);
    // The app is PID 1 under ash, so SIGUSR1 reaches it directly (its handler catches it).
    expect(rows['busybox-sh-c'].reachesApp).toBe(true);
    // s6-svscan (bare s6, not s6-overlay) passes no signal on: SIGUSR1 reaches neither.
    expect(rows['s6-svscan'].reachesApp).toBe(false);
    expect(rows['s6-svscan'].reachesGroup).toBe(false);
    expect(rows.tini.reachesApp).toBe(true);
  }, RUN_MS);

  it('exit 3 of the app is the exit code of the container, except under a supervisor that restarts it', async () => {
    const { rows } = await measured();
    for (const v of VARIANT_IDS.filter((x) => x !== 's6-svscan')) expect(rows[v].appExitCode, v).toBe(3);
    expect(rows['s6-svscan'].appExitStayedUp).toBe(true);
  }, RUN_MS);
});
