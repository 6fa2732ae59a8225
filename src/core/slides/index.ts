/** Public surface of the slide core: types, parser, deck builder, diagrams, language choice. */
export type { Deck, Lang, ParseResult, Slide, SlideError, Widget } from './types.js';
export { LANGS } from './types.js';
export { parseSlideFile } from './parse.js';
export { buildDeck, formatSlideErrors, type DeckResult, type SlideSource } from './deck.js';
export { FrontmatterSchema, type Frontmatter } from './frontmatter.js';
export { isTreeName, treeDiagram, TREE_NAMES, type TreeName } from './diagrams.js';
export { langFromLocale, type LocaleEnv } from './lang.js';
