/** Plain-text tables for the end-of-run reports (compare, scorecard): one alignment, one duration format. */

/**
 * The header, a rule under it and the rows, columns two spaces apart: the first `leftColumns`
 * (names) padded on the right, the rest (numbers) on the left so their units line up.
 */
export function alignTable(head: readonly string[], rows: readonly (readonly string[])[], leftColumns: number): string[] {
  const widths = head.map((_, i) => Math.max(...[head, ...rows].map((r) => (r[i] ?? '').length)));
  const fmt = (r: readonly string[]) =>
    r
      .map((c, i) => (i < leftColumns ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [fmt(head), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)];
}

/** A time as people read it on a report: whole milliseconds under a second, then seconds to a tenth. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * A name in a column of width `w`: a longer one keeps its end behind `…`, where the lab's own
 * containers say what they are (`zombie-lab-<run>-no-init`) and the run ids alike are cut.
 */
export function fitName(name: string, w: number): string {
  return name.length <= w ? name.padEnd(w) : `…${name.slice(name.length - (w - 1))}`;
}
