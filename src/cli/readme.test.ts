/**
 * The README reads in the order a newcomer needs (issue 22 row 16): how to start (the two
 * commands), what the app shows, and only then the engines table and the rest. And the exit-code
 * rule the CLI keeps (src/cli/exit-codes.integration.test.ts) is written there.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../engine/package-paths.js';

const readme = readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8');
const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);

describe('README', () => {
  it('starts with the two commands, then the app, then prerequisites and the engines table', () => {
    expect(headings.slice(0, 4)).toEqual(['The two commands', 'The presenter app', 'Prerequisites', 'Engines']);
    // The engines table is after the app's description, not before how to start.
    expect(readme.indexOf('| engine | works |')).toBeGreaterThan(readme.indexOf('## The presenter app'));
  });
  it('writes down the exit codes: 0, 1, 2 and the interrupted ones', () => {
    const section = readme.slice(readme.indexOf('### Exit codes'));
    for (const code of ['| 0 |', '| 1 |', '| 2 |', '| 130, 143, 129 |']) expect(section).toContain(code);
  });
});
