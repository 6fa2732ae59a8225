import { describe, expect, it } from 'vitest';
import { parseAnswers, yesNo } from './answers.js';
import { parseRunFlags } from './run-flags.js';

describe('docker-run-flags.txt', () => {
  it('understands --init, --entrypoint and -e, with comments and quotes', () => {
    const r = parseRunFlags('f', '# comment\n--init\n--entrypoint=tini\n-e TINI_KILL_PROCESS_GROUP=1\n--env "A=b c"  # trailing\n');
    expect(r).toEqual({ ok: true, flags: { init: true, entrypoint: ['tini'], env: { TINI_KILL_PROCESS_GROUP: '1', A: 'b c' } } });
  });

  it('refuses anything that would change the safety limits, naming the line', () => {
    const r = parseRunFlags('ws/docker-run-flags.txt', '--init\n--pids-limit 0\n-e NOVALUE\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.file}:${e.line}`)).toEqual(['ws/docker-run-flags.txt:2', 'ws/docker-run-flags.txt:3']);
    expect(r.errors[0]?.message).toMatch(/is not supported here: use --init/);
  });
});

describe('answers.txt', () => {
  it('reads key: value lines, skipping ? and comments', () => {
    const a = parseAnswers('# q\npid_max: 32768\nbash-c-pid1: ?\nForwards-To-Group: dumb-init, tini # mine\n');
    expect([...a.entries()]).toEqual([
      ['pid_max', '32768'],
      ['forwards-to-group', 'dumb-init, tini'],
    ]);
    expect([yesNo('Nein'), yesNo('yes'), yesNo('maybe'), yesNo(undefined)]).toEqual([false, true, null, null]);
  });
});
