/**
 * An engine that dies mid-run, behind a socket of the test's own (test-support/engine-proxy.ts):
 * compare ends with exit 1 and the one line of cause and fix, whichever sampler counts and
 * whether the engine goes while the lanes run or while they stop. Seen on rootless Podman in the
 * VM rig: its service died during the stop, and compare ended 0 with nothing on stdout (a wait on
 * the sidecar's exit held nothing open, and its bound was an unref'd timer).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeLabContainers } from '../engine/cleanup.js';
import { newRunId } from '../engine/run-id.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { engineProxy } from '../test-support/engine-proxy.js';
import { runCli } from '../test-support/run-cli.js';

const conn = await dockerForTests();
const tmp = await mkdtemp(path.join(tmpdir(), 'zl-lost-'));
const runIds: string[] = [];

afterAll(async () => {
  // What the lost runs left is ours: removed through the engine itself, which never went away.
  if (conn) for (const runId of runIds) await removeLabContainers(conn.docker, { runId });
  await rm(tmp, { recursive: true, force: true });
});

const cases = [
  { sampler: 'sidecar', when: 'while the lanes stop', cutAt: /stopped in [\d.]+ s, exit code 143/ },
  { sampler: 'sidecar', when: 'while the lanes run', cutAt: /PID 1 is docker-init/ },
  { sampler: 'auto', when: 'while the lanes stop', cutAt: /stopped in [\d.]+ s, exit code 143/ },
] as const;

describe.runIf(conn)('compare when the engine dies mid-run', () => {
  it.each(cases)('$sampler sampler, $when: exit 1, the cause and its fix', async ({ sampler, cutAt }) => {
    const runId = newRunId('lost');
    runIds.push(runId);
    const proxy = await engineProxy(path.join(tmp, `${runIds.length}.sock`));
    let cutDone = false;
    try {
      const r = await runCli(['compare', '--duration', '3s', '--stop-timeout', '30', '--json', '--run-id', runId], {
        env: { NO_COLOR: '1', DOCKER_HOST: proxy.host, ZOMBIE_LAB_SAMPLER: sampler, ZOMBIE_LAB_STATE_DIR: path.join(tmp, 'state') },
        unset: ['DOCKER_CONTEXT'],
        timeoutMs: 120_000,
        onStderr: (text) => {
          if (!cutDone && cutAt.test(text)) {
            cutDone = true;
            proxy.cut();
          }
        },
      });
      expect(cutDone, r.stderr).toBe(true);
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(1);
      // The cause, then its fix: the same two lines whichever part of the run noticed first.
      const [cause, fix] = r.stderr.trimEnd().split('\n').slice(-2);
      expect(cause).toMatch(/^zombie-lab: (compare failed: [\w -]+: )?the Docker engine at unix:\/\/\S+( \(DOCKER_HOST\))? stopped answering/);
      expect(fix).toMatch(/^ {2}fix: start Docker again/);
    } finally {
      await proxy.close();
    }
  });
});
