/**
 * Which teaching statements in slides and labs carry no claim marker. Keyword-based on purpose:
 * a statement about signals, reaping, exit codes, PID limits or inits names one of a few words,
 * and a false alarm costs a marker or a listed exception, while a missed statement costs a
 * wrong lesson. Units: a lab's paragraph or hint line (the marker sits in it), a whole slide
 * (its marker sits in the speaker notes, which are never projected).
 */
import { CLAIM_MARK } from './labs/claims-marker.js';

/** Words of a behavioural statement (English and German). */
export const TEACHING_WORDS =
  /\bSIG[A-Z]{2,}\b|\b(?:137|143)\b|exit[ -]?codes?\b|exit-status|reap|abräum|aufräum|räumt\b|subreaper|PID[ -]limit|pids-limit|\binit\b|\bInits?\b|forward|weiterleit|weitergeb|gibt .{0,30}weiter|passes? .{0,30}\bon\b|ignor|\bexecs?\b|wait\(\)/i;

export interface Statement {
  /** 1-based line where the unit starts. */
  line: number;
  text: string;
}

function frontMatterEnd(lines: string[]): number {
  if (lines[0] !== '---') return 0;
  const end = lines.indexOf('---', 1);
  return end < 0 ? 0 : end + 1;
}

/** The units of a slide deck file (slides) or a lab (paragraphs and hint lines), code blocks left out. */
export function teachingUnits(text: string, kind: 'slides' | 'labs'): Statement[] {
  const lines = text.split('\n');
  const out: Statement[] = [];
  let unit: string[] = [];
  let start = 0;
  let inCode = false;
  const flush = () => {
    if (unit.length) out.push({ line: start, text: unit.join('\n') });
    unit = [];
  };
  const add = (l: string, i: number) => {
    if (!unit.length) start = i + 1;
    unit.push(l);
  };
  lines.forEach((l, i) => {
    if (i < frontMatterEnd(lines)) return;
    if (l.startsWith('```')) {
      inCode = !inCode;
      return;
    }
    if (inCode) return;
    if (kind === 'slides') {
      if (l === '---') flush();
      else add(l, i);
      return;
    }
    if (!l.trim() || l.startsWith('#')) return flush();
    if (/^(Hint|Tipp):/.test(l)) {
      flush();
      add(l, i);
      return flush();
    }
    add(l, i);
  });
  flush();
  return out;
}

/** A unit that is known not to need a claim, with the reason. */
export interface Exception {
  /** Matches the unit's text. */
  match: RegExp;
  reason: string;
}

/** Units that teach a behaviour but carry no claim marker and match no exception. */
export function unclaimedStatements(text: string, kind: 'slides' | 'labs', exceptions: readonly Exception[]): Statement[] {
  return teachingUnits(text, kind).filter(
    (u) => TEACHING_WORDS.test(u.text) && !new RegExp(CLAIM_MARK.source).test(u.text) && !exceptions.some((e) => e.match.test(u.text)),
  );
}
