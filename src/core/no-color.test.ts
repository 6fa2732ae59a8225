import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { labTheme, noColorFromEnv } from './theme.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
  );

describe('NO_COLOR', () => {
  it('means plain text when set and not empty (the no-color.org convention)', () => {
    expect(noColorFromEnv({ NO_COLOR: '1' })).toBe(true);
    expect(noColorFromEnv({ NO_COLOR: '' })).toBe(false);
    expect(noColorFromEnv({})).toBe(false);
  });
  it("turns off the lab runner's dim with its colours", () => {
    expect(labTheme(false)).toMatchObject({ useDim: true, info: 'cyan', ok: 'green', error: 'red', accent: 'yellow' });
    expect(labTheme(true)).toMatchObject({ name: 'no-color', useDim: false, info: undefined, ok: undefined, error: undefined, accent: undefined });
  });
  it('is read only by noColorFromEnv (the app, the lab runner and the slides agree)', () => {
    // The tests' own terminal (test-support/colour-on.ts clears NO_COLOR) is not a reader.
    const product = sources(SRC).filter((f) => !f.startsWith(path.join(SRC, 'test-support') + path.sep));
    const readers = product.filter((f) => /\benv(?:\.NO_COLOR|\['NO_COLOR'\])/.test(readFileSync(f, 'utf8')));
    expect(readers.map((f) => path.relative(SRC, f))).toEqual([path.join('core', 'theme.ts')]);
  });
});
