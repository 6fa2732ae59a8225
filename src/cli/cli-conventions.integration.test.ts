/** CLI conventions a classroom script relies on: --version, help <command>, one-line usage errors with exit 2. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const cli = async (...args: string[]) => {
  const r = await runCli(args, { env: { NO_COLOR: '1' } });
  return { code: r.code, out: r.stdout, err: r.stderr };
};

describe('CLI conventions', () => {
  it('--version prints the package version on stdout', async () => {
    const r = await cli('--version');
    expect(r.code).toBe(0);
    expect(r.out.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
  it('help <command> shows that command’s help', async () => {
    const r = await cli('help', 'compare');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: zombie-lab compare');
  });
  it('an unknown command, an unknown option and a bad value: one line on stderr, exit 2 each', async () => {
    const badChoices = [['--theme', 'neon'], ['--lang', 'fr'], ['lab', '--lang', 'fr'], ['lint', '--format', 'xml']];
    for (const args of [['frobnicate'], ['compare', '--bogus'], ['--bogus'], ['compare', '--duration', 'xyz'], ...badChoices]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect((await cli('frobnicate')).err).toContain('unknown command "frobnicate"');
    // Commander's .choices() names what is allowed.
    expect((await cli('--theme', 'neon')).err).toContain('default, high-contrast');
  });
});
