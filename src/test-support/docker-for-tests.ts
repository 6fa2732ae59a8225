/**
 * Docker for integration tests: tests need a real engine. With ZOMBIE_LAB_REQUIRE_DOCKER=1
 * (CI) a missing engine is a failure, never a skip.
 */
import { connectDocker, type Connection } from '../engine/docker-connect.js';
import { isLabError } from '../engine/lab-error.js';

export const dockerRequired = process.env.ZOMBIE_LAB_REQUIRE_DOCKER === '1';

let cached: Promise<Connection | null> | null = null;

export function dockerForTests(): Promise<Connection | null> {
  cached ??= connectDocker().then(
    (c) => c,
    (err: unknown) => {
      const why = isLabError(err) ? `${err.problem.message} (${err.problem.fix})` : String(err);
      if (dockerRequired) throw new Error(`ZOMBIE_LAB_REQUIRE_DOCKER=1 but no Docker engine: ${why}`);
      console.warn(`skipping Docker tests: ${why}`);
      return null;
    },
  );
  return cached;
}

/** Polls until `check` returns a value that is not undefined, or fails after `ms`. */
export async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, ms: number, what: string): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
