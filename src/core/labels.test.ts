import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('container and image labels', () => {
  it('are written as literals only in core/labels.ts (the sweep and clean find what carries them)', () => {
    const literal = /['"`](?:LABEL )?zombie-lab\.[a-z-]+/;
    const offenders = sources(SRC)
      .filter((f) => path.relative(SRC, f) !== path.join('core', 'labels.ts'))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (literal.test(line) ? [`${path.relative(SRC, f)}:${i + 1}: ${line.trim()}`] : [])));
    expect(offenders).toEqual([]);
  });
});
