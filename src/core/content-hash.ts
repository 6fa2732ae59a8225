import { createHash } from 'node:crypto';

/**
 * A short stable hash over named pieces of content (file name + bytes), used as image tags
 * so "nothing changed" can be seen without asking the builder. node:crypto is pure computation.
 */
export function contentHash(parts: { name: string; data: string | Uint8Array }[]): string {
  const h = createHash('sha256');
  for (const p of [...parts].sort((a, b) => a.name.localeCompare(b.name))) {
    h.update(p.name);
    h.update('\0');
    h.update(p.data);
    h.update('\0');
  }
  return h.digest('hex').slice(0, 12);
}
