/**
 * Whether a shell script starts something in the background (`cmd &`) that it does not wait for:
 * when the shell exits, that child lives on and is adopted by PID 1 — the exec probe that leaks
 * zombies (kubernetes#110070). Read from the parsed tree, not with a pattern (`&&` is not `&`). Pure.
 */
import { parseShell, type ParsedShell } from './syntax.js';

/** The source text of each backgrounded statement, in order. */
function backgrounded(p: ParsedShell): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const n = node as { background?: unknown; command?: { pos: number; end: number } };
    if (n.background === true && n.command) found.push(p.text(n.command).trim());
    for (const v of Object.values(node)) walk(v);
  };
  walk(p.script);
  return found;
}

/** True when a bare `wait` (every child) ends the script's own commands after the last `&`. */
function waitsForAll(source: string): boolean {
  return /(^|[;\n&|]\s*)wait\s*(;|\n|$)/.test(source);
}

/** What the script leaves running in the background when it ends, or null when nothing. */
export function leftInBackground(script: string): string | null {
  const p = parseShell(script);
  const bg = backgrounded(p);
  if (bg.length === 0 || waitsForAll(script)) return null;
  return bg[0] ?? null;
}
