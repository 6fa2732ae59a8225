import { describe, expect, it } from 'vitest';
import { buildDeck, formatSlideErrors } from './deck.js';

describe('buildDeck', () => {
  it('orders files by name and concatenates their slides', () => {
    const result = buildDeck('de', [
      { file: 'slides/de/02-b.md', text: '## B1\n---\n## B2' },
      { file: 'slides/de/01-a.md', text: '## A' },
    ]);
    expect(result.ok && result.deck.slides.map((s) => s.title)).toEqual(['A', 'B1', 'B2']);
    expect(result.ok && result.deck.lang).toBe('de');
  });

  it('collects the errors of every file', () => {
    const result = buildDeck('en', [
      { file: 'slides/en/01-a.md', text: '## A\n::: nope' },
      { file: 'slides/en/02-b.md', text: 'no title' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatSlideErrors(result.errors).split('\n')).toEqual([
      'slides/en/01-a.md:2: unknown directive "::: nope": use `::: lanes` or `::: tree <name>`',
      'slides/en/02-b.md:1: a slide must start with a Markdown heading like `## Title`',
    ]);
  });

  it('refuses a deck without slides', () => {
    const result = buildDeck('en', []);
    expect(!result.ok && formatSlideErrors(result.errors)).toBe('slides/en: no slides found: add Markdown files like 01-intro.md');
  });
});
