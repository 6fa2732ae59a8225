import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../engine/package-paths.js';

// Built by the global test setup.
const APP_ENTRY = CLI_ENTRY;

describe('the presenter app without a terminal', () => {
  it('does not start when stdin and stdout are piped: one line pointing to compare, exit 2', () => {
    const r = spawnSync(process.execPath, [APP_ENTRY], { input: '', encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('zombie-lab compare');
    // Never the alternate screen on a pipe.
    expect(r.stderr).not.toContain('\x1b[?1049h');
  });
});
