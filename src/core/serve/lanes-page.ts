/**
 * The `/lanes` page: three lanes (zombies, PID usage against the limit, PID 1, state, plot) and
 * the run and stop buttons, as static HTML the browser script (web/lanes.js) fills from /events.
 * Made to sit in an <iframe> of any reveal.js deck; `reveal` makes it follow the deck's
 * slide:start / slide:stop messages.
 */
import { MODES } from '../modes.js';
import type { Lang } from '../lang.js';
import { escapeHtml, pageHead, withToken } from './html.js';
import { laneWords, type LaneWords } from './serve-text.js';

export interface LanesPageOptions {
  lang: Lang;
  token: string | null;
  /** Start on slide:start and stop on slide:stop from the parent deck (opt-in: `?reveal=1`). */
  reveal: boolean;
  /** Inside our own deck: no page margin, no title line. */
  embedded: boolean;
}

/** What web/lanes.js reads from the page. */
export interface LanesConfig {
  words: LaneWords;
  reveal: boolean;
  events: string;
  run: string;
  stop: string;
}

export function lanesConfig(o: LanesPageOptions): LanesConfig {
  return { words: laneWords(o.lang), reveal: o.reveal, events: withToken('/events', o.token), run: withToken('/run', o.token), stop: withToken('/stop', o.token) };
}

export function lanesPage(o: LanesPageOptions): string {
  const w = laneWords(o.lang);
  const asset = (name: string) => escapeHtml(withToken(`/assets/${name}`, o.token));
  const lanes = w.modes
    .map(
      (m) => `<section class="lane" data-mode="${m.id}" data-state="idle">
  <h2><span class="glyph" aria-hidden="true">${escapeHtml(MODES[m.id].glyph)}</span> ${escapeHtml(m.label)}</h2>
  <p class="numbers"><span data-role="zombies" data-value="0">${escapeHtml(w.zombies)} 0</span> <span data-role="peak">${escapeHtml(w.peak)} 0</span> <span data-role="pid1">${escapeHtml(w.pid1)}: ?</span></p>
  <p class="pids"><span class="bar"><span data-role="pids-bar"></span></span> <span data-role="pids">${escapeHtml(w.pids)} –/–</span></p>
  <p class="state" data-role="state">${escapeHtml(w.idle)}</p>
  <div class="plot" data-role="plot"></div>
</section>`,
    )
    .join('\n');
  return `${pageHead({ lang: o.lang, title: w.title, styles: ['uplot.css', 'lanes.css'], config: lanesConfig(o), scripts: ['uplot.js', 'lanes.js'], asset })}
<body class="${o.embedded ? 'embedded' : 'page'}">
<header>
  <span class="source" data-role="source">${escapeHtml(w.live)}</span>
  <span class="title">${escapeHtml(w.title)}</span>
  <span class="follows" data-role="follows" hidden>${escapeHtml(w.follows)}</span>
  <span class="actions"><button type="button" data-action="run">${escapeHtml(w.run)}</button> <button type="button" data-action="stop" disabled>${escapeHtml(w.stop)}</button></span>
</header>
<p class="problem" data-role="problem" hidden></p>
<main class="lanes">
${lanes}
</main>
</body>
</html>
`;
}
