/**
 * `inspect --pod` on Docker, which has no pods: one problem line that says so and names the way
 * that works there, in both languages, exit 2, nothing on stdout. (Pods themselves are read on
 * Podman: src/matrix/pods.matrix.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { engineKindOf, type EngineVersion } from '../core/engine-kind.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { runCli, type CliRun } from '../test-support/run-cli.js';

const conn = await dockerForTests();
const onDocker = conn !== null && engineKindOf((await conn.docker.version()) as EngineVersion) === 'docker';

function cli(args: string[]): Promise<CliRun> {
  return runCli(args, { env: { NO_COLOR: '1' } });
}

describe.runIf(onDocker)('inspect --pod on Docker', () => {
  it('refuses in one line with the fix, exit 2; German too', async () => {
    const en = await cli(['inspect', '--pod', 'h28podinspect-web', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toBe(
      "zombie-lab: inspect --pod h28podinspect-web: Docker has no pods (Podman has)\n  fix: inspect the containers by name instead: zombie-lab inspect CONTAINER...; the containers of lab 05's emulated pods (a pause container and the app, zombie-lab-…-pod-NAME) are inspected the same way\n",
    );
    const de = await cli(['inspect', '--pod', 'h28podinspect-web', '--lang', 'de']);
    expect(de.code).toBe(2);
    expect(de.stderr).toMatch(/^zombie-lab: inspect --pod h28podinspect-web: Docker kennt keine Pods \(Podman schon\)\n {2}fix: /);
  });

  it('--pod with container names or --all is a usage error', async () => {
    for (const args of [['inspect', '--pod', 'p', 'web'], ['inspect', '--pod', 'p', '--all']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/give --pod NAME alone/);
    }
  });
});
