/** What a lab check found: one item per thing it measured, each with what to try when it failed. */
import type { Lang } from '../lang.js';
export interface CheckItem {
  ok: boolean;
  /** What was checked, e.g. "no zombies pile up". */
  what: string;
  /** What the run measured, e.g. "60 zombies after 3 s; PID 1 is python3". */
  detail: string;
  /** What to try when it failed. */
  tryThis?: string;
}

export interface CheckResult {
  labId: string;
  passed: boolean;
  items: CheckItem[];
}

export function resultOf(labId: string, items: CheckItem[]): CheckResult {
  return { labId, passed: items.length > 0 && items.every((i) => i.ok), items };
}

const WORDS = {
  en: { passed: 'All checks passed.', failed: (n: number, of: number) => `${n} of ${of} check${of === 1 ? '' : 's'} failed. What to try:`, hints: 'Hints from the lab:' },
  de: { passed: 'Alle Checks bestanden.', failed: (n: number, of: number) => `${n} von ${of} Checks nicht bestanden. Probier:`, hints: 'Tipps aus dem Lab:' },
} as const;

/** Plain-text report: every item, and for each failure what to try, then the lab's hints. */
export function renderCheck(r: CheckResult, hints: string[] = [], lang: Lang = 'en'): string[] {
  const w = WORDS[lang];
  const lines = r.items.map((i) => `${i.ok ? '✔' : '✘'} ${i.what}: ${i.detail}`);
  const failed = r.items.filter((i) => !i.ok);
  if (r.passed) {
    lines.push('', w.passed);
    return lines;
  }
  lines.push('', w.failed(failed.length, r.items.length));
  for (const f of failed) if (f.tryThis) lines.push(`  - ${f.tryThis}`);
  if (hints.length) {
    lines.push('', w.hints);
    for (const h of hints) lines.push(`  - ${h}`);
  }
  return lines;
}
