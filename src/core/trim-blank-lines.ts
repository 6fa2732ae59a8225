/** Lines joined with the blank ones at either end dropped: the body of a slide, a step or a note. */
export function trimBlankLines(lines: string[]): string {
  let a = 0;
  let b = lines.length;
  while (a < b && (lines[a] ?? '').trim() === '') a++;
  while (b > a && (lines[b - 1] ?? '').trim() === '') b--;
  return lines.slice(a, b).join('\n');
}
