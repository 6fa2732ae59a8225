/**
 * `zombie-lab inspect` in the learner's language, through the shipped binary on the real engine:
 * a shell-form CMD with zombies under it, read with --lang de and with a German locale. Finding
 * ids, categories, dispositions and effects stay as they are; every sentence is German.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../core/container-spec.js';
import { removeLabContainers } from '../engine/cleanup.js';
import { createAndStart, removeQuietly } from '../engine/containers.js';
import { ensureExtraImage, WORKLOAD_REPO } from '../engine/images.js';
import { newRunId, ownerFor } from '../engine/run-id.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { inspectReport } from '../test-support/inspect-report.js';
import { runCli } from '../test-support/run-cli.js';

const conn = await dockerForTests();
const runId = newRunId('insp-lang');
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['inspect', ...args, '--run-id', runId], { env: { NO_COLOR: '1', LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', ...env } });

afterAll(async () => {
  if (conn) await removeLabContainers(conn.docker, { runId });
});

describe.runIf(conn)('zombie-lab inspect in German', () => {
  it('says findings, fixes, the prediction and the verdict in German, with the ids unchanged', async () => {
    const image = (await ensureExtraImage(conn!.docker, 'workload', WORKLOAD_REPO)).tag;
    // A shell-form CMD: dash stays PID 1 and drops SIGTERM; python3 under it piles up its orphans.
    const s = await createAndStart(
      conn!.docker,
      containerSpec({ owner: ownerFor(runId), kind: 'probe', image, cmd: ['/bin/sh', '-c', 'python3 /work/app.py'], env: { ZOMBIE_RATE: '10', ZOMBIE_LAB_TTL: '120' }, limits: { pidsLimit: 64, memoryMb: 64 }, autoRemove: false }),
    );
    try {
      await waitFor(async () => ((await s.container.logs({ stdout: true, stderr: true })).toString().includes('app: pid') ? true : undefined), 10_000, 'the app to start');
      const text = await cli([s.id, '--lang', 'de']);
      expect(text.code).toBe(1);
      expect(text.stdout).toMatch(/^ {2}docker stop {2}STOPSIGNAL SIGTERM, Timeout 10 s: docker stop wird die vollen 10 s warten und dann SIGKILL schicken \(Exit-Code 137\): sh ist PID 1 und hat kein exec gemacht/m);
      expect(text.stdout).toMatch(/^ {2}✗ shell-pid1: PID 1 ist die Shell sh, dorthin gesetzt von CMD in Shell-Form: sie hat die App nicht per exec gestartet, also bekommt die App SIGTERM nie$/m);
      expect(text.stdout).toMatch(/^ {6}Lösung: Dockerfile: Exec-Form statt Shell-Form: CMD \["python3", "\/work\/app.py"\]$/m);
      expect(text.stdout).toMatch(/^ {2}Urteil {7}\d+ Probleme?: PID 1 ist die Shell sh, SIGTERM verworfen → SIGKILL nach 10 s, \d+ Zombies?$/m);
      expect(text.stdout).toMatch(/^1 Container untersucht, 1 mit Problemen$/m);
      // The locale alone chooses German too; the JSON says so and keeps its ids.
      const doc = inspectReport(await cli([s.id, '--json'], { LANG: 'de_DE.UTF-8' }));
      expect(doc.lang).toBe('de');
      const c = doc.containers[0]!;
      expect(c.findings.map((f) => f.id)).toContain('shell-pid1');
      expect(c.findings.map((f) => f.category)).toContain('shell-pid1');
      expect(c.signals[0]).toMatchObject({ signal: 'SIGTERM', disposition: 'default', effect: 'dropped' });
      expect(c.stop.prediction).toMatch(/^docker stop wird die vollen 10 s warten/);
      expect(c.verdict).toMatch(/^\d+ Probleme?: PID 1 ist die Shell sh/);
      // And English where the locale says nothing else.
      expect(inspectReport(await cli([s.id, '--json'])).lang).toBe('en');
    } finally {
      await removeQuietly(s.container);
    }
  });
});
