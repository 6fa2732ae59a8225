import { describe, expect, it } from 'vitest';
import { isZombie, parseProcStat, parseProcStatBytes } from './proc-stat.js';

const tail = '0 0 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 123456 1000 10 18446744073709551615';

describe('parseProcStat', () => {
  it('reads pid, name, state and parent of a plain line', () => {
    const s = parseProcStat(`42 (python3) S 1 ${tail}`);
    expect(s).toEqual({ pid: 42, comm: 'python3', state: 'S', ppid: 1, startTime: 123456 });
  });

  it('keeps spaces inside the command name', () => {
    const s = parseProcStat(`7 (tmux: server) Z 3 ${tail}`);
    expect(s?.comm).toBe('tmux: server');
    expect(s?.state).toBe('Z');
    expect(s?.ppid).toBe(3);
  });

  it('splits at the last parenthesis when the name contains ") Z ("', () => {
    // A hostile name that looks like the end of the name field followed by a zombie state.
    const s = parseProcStat(`99 (evil) Z (x) R 12 ${tail}`);
    expect(s?.comm).toBe('evil) Z (x');
    expect(s?.state).toBe('R');
    expect(s && isZombie(s)).toBe(false);
    expect(s?.ppid).toBe(12);
  });

  it('handles an empty name and a name of only parentheses', () => {
    expect(parseProcStat(`5 () Z 1 ${tail}`)?.comm).toBe('');
    expect(parseProcStat(`6 ())) S 1 ${tail}`)?.comm).toBe('))');
  });

  it('rejects lines that are not stat lines', () => {
    expect(parseProcStat('')).toBeNull();
    expect(parseProcStat('garbage')).toBeNull();
    expect(parseProcStat('(x) S 1')).toBeNull();
  });
});

describe('parseProcStatBytes agrees with parseProcStat', () => {
  const lines = [
    `42 (python3) S 1 ${tail}`,
    `7 (tmux: server) Z 3 ${tail}`,
    `99 (evil) Z (x) R 12 ${tail}`,
    `5 () Z 1 ${tail}`,
    `6 ())) S 1 ${tail}`,
    `8 (naïve ünïcode) S 1 ${tail}\n`,
    `9 (short) S 1`,
    '',
    'garbage',
    '(x) S 1',
  ];
  it.each(lines)('%s', (line) => {
    const b = Buffer.from(line, 'utf8');
    const padded = Buffer.concat([b, Buffer.from('junk after the end')]);
    expect(parseProcStatBytes(padded, b.length)).toEqual(parseProcStat(line));
  });
});
