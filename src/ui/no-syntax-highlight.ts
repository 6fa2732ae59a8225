/**
 * Stands in for cli-highlight in the bundle (see rolldown.config.js): marked-terminal imports it
 * at load time, but the slides render code blocks themselves (markdown-lines.ts) and never ask
 * for highlighting, so loading highlight.js's 190 languages would only slow the start.
 */
export function highlight(code: string): string {
  return code;
}
