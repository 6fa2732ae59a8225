/**
 * The slide deck as the app sees it: parsed, validated, ready to render.
 * Pure types; the parser lives in parse.ts, the loader in src/engine/slides-loader.ts.
 */
import type { Lang } from '../lang.js';

export interface Deck {
  lang: Lang;
  slides: Slide[];
}

export interface Slide {
  /** Source file as shown in messages, e.g. `slides/de/02-prozesse.md`. */
  file: string;
  /** 1-based line of the slide's title heading in `file`. */
  line: number;
  /** From the file's frontmatter `section:`, or null when the file has none. */
  section: string | null;
  /** Text of the slide's leading Markdown heading, without the `#`s. */
  title: string;
  /** Markdown below the title, with speaker notes and directive lines removed. */
  body: string;
  /** Speaker notes (Markdown), '' when the slide has none. Never shown on the projected slide. */
  notes: string;
  /** Live widgets from `::: ...` directive lines, in source order. */
  widgets: Widget[];
}

/** `::: lanes` (the demo's lanes) or `::: lanes pods` (the same lanes running the pods of images/pods/). */
export type Widget = { kind: 'lanes'; pods?: true } | { kind: 'tree'; name: string };

/** Which run a slide's lanes show: the demo's, the pods', or none. */
export function lanesOn(slide: { widgets: readonly Widget[] } | undefined): 'demo' | 'pods' | null {
  const w = slide?.widgets.find((x) => x.kind === 'lanes');
  if (!w || w.kind !== 'lanes') return null;
  return w.pods ? 'pods' : 'demo';
}

/** One problem in a slide file, pointing at the 1-based source line. */
export interface SlideError {
  file: string;
  line: number;
  message: string;
}

export type ParseResult = { ok: true; slides: Slide[] } | { ok: false; errors: SlideError[] };
