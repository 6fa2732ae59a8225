/**
 * Claim markers: `{claim:<id>}` after a statement that a run can check, in slides (in speaker
 * notes, so it is never projected) and in labs (stripped from what the learner sees).
 * The registry of claims and their experiments is src/core/claims.ts.
 */
export const CLAIM_MARK = /\{claim:([a-z0-9-]+)\}/g;

export interface FoundClaim {
  id: string;
  /** 1-based line. */
  line: number;
}

export function findClaims(text: string): FoundClaim[] {
  const out: FoundClaim[] = [];
  text.split('\n').forEach((l, i) => {
    for (const m of l.matchAll(CLAIM_MARK)) if (m[1]) out.push({ id: m[1], line: i + 1 });
  });
  return out;
}

export function stripClaims(line: string): string {
  return line.replace(/\s*\{claim:[a-z0-9-]+\}/g, '');
}
