/**
 * Claim markers: `{claim:<id>}` after a statement that a run can check, in slides (in speaker
 * notes, so it is never projected) and in labs (stripped from what the learner sees).
 * The registry of claims and their experiments is src/core/claims.ts.
 */
import { CLAIMS } from '../claims.js';
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

const LOOSE_CLAIM = /\{\s*claim\b[^}]*\}/g;
const KNOWN = new Set(CLAIMS.map((c) => c.id));

/**
 * What is wrong with the claim markers of one line (slides and labs alike), or null: a marker
 * that does not parse, or one naming a claim with no experiment in src/core/claims.ts.
 */
export function claimMarkerProblem(line: string, known: ReadonlySet<string> = KNOWN): string | null {
  for (const m of line.matchAll(LOOSE_CLAIM)) {
    const ok = /^\{claim:([a-z0-9-]+)\}$/.exec(m[0]);
    if (!ok) return `malformed claim marker: write {claim:<id>} with a lower-case id like {claim:no-init-zombies} (found ${m[0]})`;
    if (!known.has(ok[1] as string)) return `unknown claim ${m[0]}: it has no experiment in src/core/claims.ts; use one of its ids (e.g. {claim:no-init-zombies}) or remove the marker`;
  }
  return null;
}
