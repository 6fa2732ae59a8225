/**
 * What an image says of its own PID 1 (ENTRYPOINT and CMD), read from the engine when the image
 * is already there: lint's guesses give way to it. Never pulls; no engine, or an engine that does
 * not answer at once, is no error: lint then says what it could not see.
 */
import type { ImageFacts } from '../core/lint/types.js';
import { connectDocker } from './docker-connect.js';
import { settleWithin } from './timeout.js';

/** Short: lint is a static check, and a missing engine must cost it next to nothing. */
const CONNECT_MS = 1500;
const INSPECT_MS = 3000;

export async function readImageFacts(refs: readonly string[]): Promise<Map<string, ImageFacts>> {
  const out = new Map<string, ImageFacts>();
  const wanted = [...new Set(refs)].filter((r) => r && !r.includes('$') && r !== 'scratch');
  if (wanted.length === 0) return out;
  let conn;
  try {
    conn = await connectDocker({ timeoutMs: CONNECT_MS });
  } catch {
    return out;
  }
  await Promise.all(
    wanted.map(async (ref) => {
      const info = await settleWithin(
        conn.docker.getImage(ref).inspect().then(
          (i) => i,
          () => null,
        ),
        INSPECT_MS,
        null,
      );
      if (!info) return;
      const cfg = (info as { Config?: { Entrypoint?: string[] | string | null; Cmd?: string[] | null } }).Config ?? {};
      const ep = typeof cfg.Entrypoint === 'string' ? [cfg.Entrypoint] : (cfg.Entrypoint ?? null);
      out.set(ref, { ref, entrypoint: ep && ep.length ? ep : null, cmd: cfg.Cmd && cfg.Cmd.length ? cfg.Cmd : null });
    }),
  );
  return out;
}
