/** Facts the labs state about zombies and Docker, measured on the real engine (see docs/claims.md). */
import { afterAll, describe, expect, it } from 'vitest';
import { containerSpec } from '../core/container-spec.js';
import { dockerForTests, waitFor } from '../test-support/docker-for-tests.js';
import { removeLabContainers } from './cleanup.js';
import { createAndStart, removeQuietly } from './containers.js';
import { checkHostProc } from './host-proc.js';
import { ensureExtraImage, WORKLOAD_REPO } from './images.js';
import { newRunId, ownerFor } from './run-id.js';
import { NamespaceCache } from './host-proc.js';
import { zombiesInNamespace } from './proc-scan.js';

const conn = await dockerForTests();
const runId = newRunId('labs-test-facts');

afterAll(async () => {
  if (conn) await removeLabContainers(conn.docker, { runId });
});

describe.runIf(conn)('facts about zombies on the real engine', () => {
  it('docker top does not show the zombies that /proc shows', async () => {
    // Ensured, not assumed: another session's `clean --images` on the shared engine may have removed it.
    const { tag: image } = await ensureExtraImage(conn!.docker, 'workload', WORKLOAD_REPO);
    const s = await createAndStart(
      conn!.docker,
      containerSpec({ owner: ownerFor(runId), kind: 'lab', image, cmd: ['python3', '/work/app.py'], env: { ZOMBIE_RATE: '30', ZOMBIE_LAB_TTL: '60' }, limits: { pidsLimit: 256, memoryMb: 64 }, autoRemove: false }),
    );
    try {
      const verdict = checkHostProc(s.initPid, s.id);
      if (!verdict.ok) throw new Error(verdict.reason);
      const cache = new NamespaceCache();
      const zombies = await waitFor(
        () => {
          const n = zombiesInNamespace(verdict.ns, cache);
          return n >= 10 ? n : undefined;
        },
        10_000,
        'ten zombies in /proc',
      );
      const top = (await s.container.top({ ps_args: '-o pid,stat,comm' })) as { Titles: string[]; Processes: string[][] };
      const stat = top.Titles.indexOf('STAT');
      expect(stat).toBeGreaterThanOrEqual(0);
      // A process caught between its exit and leaving the cgroup may show as Z for a moment (seen
      // once in CI-like runs); the pile of zombies /proc shows never does.
      expect(top.Processes.filter((p) => (p[stat] ?? '').startsWith('Z')).length).toBeLessThanOrEqual(2);
      expect(top.Processes.length).toBeLessThan(zombies);
    } finally {
      await removeQuietly(s.container);
    }
  });
});
