/** The languages the lab speaks: slides, labs and every word of both apps come in each. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
