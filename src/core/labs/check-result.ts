/** What a lab check found: one item per thing it measured, each with what to try when it failed. */
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

/** Plain-text report: every item, and for each failure what to try, then the lab's hints. */
export function renderCheck(r: CheckResult, hints: string[] = []): string[] {
  const lines = r.items.map((i) => `${i.ok ? '✔' : '✘'} ${i.what}: ${i.detail}`);
  const failed = r.items.filter((i) => !i.ok);
  if (r.passed) {
    lines.push('', 'All checks passed.');
    return lines;
  }
  lines.push('', `${failed.length} of ${r.items.length} check${r.items.length === 1 ? '' : 's'} failed. What to try:`);
  for (const f of failed) if (f.tryThis) lines.push(`  - ${f.tryThis}`);
  if (hints.length) {
    lines.push('', 'Hints from the lab:');
    for (const h of hints) lines.push(`  - ${h}`);
  }
  return lines;
}
