import { describe, expect, it } from 'vitest';
import { fg } from './text-color.js';

describe('fg', () => {
  it('gives the colour when there is one', () => {
    expect(fg('red')).toEqual({ color: 'red' });
  });
  it('leaves the prop out (not undefined) when there is none', () => {
    expect('color' in fg(undefined)).toBe(false);
  });
});
