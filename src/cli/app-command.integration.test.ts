import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

describe('the presenter app without a terminal', () => {
  it('does not start when stdin and stdout are piped: one line pointing to compare, exit 2', async () => {
    // Built by the global test setup.
    const r = await runCli([], { timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('zombie-lab compare');
    // Never the alternate screen on a pipe.
    expect(r.stderr).not.toContain('\x1b[?1049h');
  });
});
