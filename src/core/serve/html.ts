/** Escaping for the pages `serve` writes: text into HTML, and JSON into a <script type="application/json">. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON that cannot end its script element early (`</script>`) nor start a comment. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** The query every URL of a page carries: the token when the server needs one. */
export function withToken(path: string, token: string | null): string {
  if (token === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/**
 * The head every page of `serve` opens with: its language, title, style sheets, the page's config
 * as JSON (read by its script) and its scripts, deferred, in order. `asset` gives an asset's URL.
 */
export function pageHead(o: { lang: string; title: string; styles: string[]; config: unknown; scripts: string[]; asset: (name: string) => string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>zombie-lab · ${escapeHtml(o.title)}</title>
${o.styles.map((s) => `<link rel="stylesheet" href="${o.asset(s)}">`).join('\n')}
<script type="application/json" id="zl-config">${jsonForScript(o.config)}</script>
${o.scripts.map((s) => `<script src="${o.asset(s)}" defer></script>`).join('\n')}
</head>`;
}
