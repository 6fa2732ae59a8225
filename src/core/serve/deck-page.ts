/**
 * The `/` page: the deck as reveal.js sections, from the same parsed slides as the terminal app
 * (core/slides/). Speaker notes become reveal.js notes (its speaker view, key `s`), the process
 * diagrams SVG, and `::: lanes` an <iframe> of /lanes that follows the slide (slide:start/stop).
 */
import { Marked } from 'marked';
import { stripClaims } from '../labs/claims-marker.js';
import { isTreeName, treeDiagram } from '../slides/diagrams.js';
import { lanesOn, type Deck, type Slide, type Widget } from '../slides/types.js';
import { escapeHtml, pageHead, withToken } from './html.js';
import { laneWords } from './serve-text.js';

/** Its own instance: options set here do not leak into other users of marked. */
const markdown = new Marked({ gfm: true, async: false });

function md(text: string): string {
  return markdown.parse(text, { async: false });
}

/** A box-drawing diagram as SVG text lines: crisp at any projector size, still selectable text. */
export function diagramSvg(lines: string[]): string {
  const width = Math.max(1, ...lines.map((l) => [...l].length));
  const rows = lines.map((l, i) => `<text x="0" y="${(i + 1) * 20}" xml:space="preserve">${escapeHtml(l)}</text>`).join('');
  return `<svg class="diagram" role="img" viewBox="0 -4 ${width * 9.6} ${lines.length * 20 + 8}" xmlns="http://www.w3.org/2000/svg" font-family="monospace" font-size="16">${rows}</svg>`;
}

function widgetHtml(w: Widget, deck: Deck, token: string | null): string {
  if (w.kind === 'tree') return isTreeName(w.name) ? diagramSvg(treeDiagram(w.name, deck.lang)) : '';
  // The browser's lanes run the demo only: a pods slide is shown without them (the terminal app runs the pods).
  if (w.pods) return '';
  const src = escapeHtml(withToken(`/lanes?reveal=1&embed=1&lang=${deck.lang}`, token));
  return `<iframe class="lanes" src="${src}" title="${escapeHtml(laneWords(deck.lang).title)}" data-lanes></iframe>`;
}

function sectionHtml(s: Slide, deck: Deck, token: string | null): string {
  const demo = lanesOn(s) === 'demo';
  const notes = s.notes.trim() ? `\n<aside class="notes">${md(s.notes.split('\n').map(stripClaims).join('\n'))}</aside>` : '';
  const attrs = [s.section ? ` data-section="${escapeHtml(s.section)}"` : '', demo ? ' data-demo' : ''].join('');
  const caption = s.section ? `<p class="section-name">${escapeHtml(s.section)}</p>\n` : '';
  return `<section${attrs}>
${caption}<h3>${escapeHtml(s.title)}</h3>
${md(s.body)}${s.widgets.map((w) => widgetHtml(w, deck, token)).join('\n')}${notes}
</section>`;
}

export function deckPage(deck: Deck, token: string | null): string {
  const asset = (name: string) => escapeHtml(withToken(`/assets/${name}`, token));
  const config = { run: withToken('/run', token), stop: withToken('/stop', token) };
  return `${pageHead({ lang: deck.lang, title: deck.slides[0]?.title ?? 'deck', styles: ['reveal.css', 'theme.css', 'deck.css'], config, scripts: ['reveal.js', 'notes.js', 'deck.js'], asset })}
<body>
<div class="reveal"><div class="slides">
${deck.slides.map((s) => sectionHtml(s, deck, token)).join('\n')}
</div></div>
</body>
</html>
`;
}
