import { describe, expect, it } from 'vitest';
import { parseCommaList } from './comma-list.js';

const isColour = (w: string): w is 'red' | 'green' => w === 'red' || w === 'green';

describe('parseCommaList', () => {
  it('trims, drops empty words and keeps each word once, in the order given', () => {
    expect(parseCommaList(' green, red,,green ,red', isColour)).toEqual({ known: ['green', 'red'], unknown: [] });
  });
  it('names each unknown word once', () => {
    expect(parseCommaList('red,blue,blue,pink', isColour)).toEqual({ known: ['red'], unknown: ['blue', 'pink'] });
  });
  it('gives nothing for an empty text', () => {
    expect(parseCommaList(' , ', isColour)).toEqual({ known: [], unknown: [] });
  });
});
