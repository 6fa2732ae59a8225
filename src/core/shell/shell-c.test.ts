import { describe, expect, it } from 'vitest';
import { SHELL_CASES } from './shell-cases.js';
import { pid1OfShellC, withExec } from './shell-c.js';
import type { ShellKind } from './shell-kind.js';

const SHELLS: ShellKind[] = ['dash', 'bash', 'ash'];

describe('pid1OfShellC: the measured cases', () => {
  for (const c of SHELL_CASES) {
    for (const shell of SHELLS) {
      it(`${shell} -c '${c.script}' ${c.expect[shell]}`, () => {
        const v = pid1OfShellC(shell, c.script.replaceAll('APP', () => 'cat /proc/$$/comm'));
        expect(v.stays ? 'stays' : 'execs').toBe(c.expect[shell]);
        if (!v.stays) expect(v.program).toBe('cat');
      });
    }
  }
});

describe('pid1OfShellC: programs and fixes', () => {
  it('names the exec\'d program, through exec and assignments', () => {
    expect(pid1OfShellC('ash', 'cd /app && java $JAVA_OPTS -jar app.jar').program).toBe('java');
    expect(pid1OfShellC('dash', 'exec gunicorn app:app').program).toBe('gunicorn');
    expect(pid1OfShellC('dash', 'exec "$@"').program).toBe('$@');
  });

  it('puts exec before the command the shell waits for, keeping quotes and variables', () => {
    const v = pid1OfShellC('dash', 'cd /app && A=1 java $JAVA_OPTS -jar "my app.jar"');
    expect(withExec(v)).toBe('cd /app && A=1 exec java $JAVA_OPTS -jar "my app.jar"');
    expect(withExec(pid1OfShellC('dash', 'nginx -g "daemon off;"'))).toBe('exec nginx -g "daemon off;"');
  });

  it('offers no exec where exec cannot keep the behaviour', () => {
    expect(withExec(pid1OfShellC('dash', 'app | tee log'))).toBeNull();
    expect(withExec(pid1OfShellC('bash', 'trap "cleanup" TERM; app'))).toBeNull();
    expect(withExec(pid1OfShellC('dash', 'while true; do app; done'))).toBeNull();
    expect(withExec(pid1OfShellC('dash', 'app || true'))).toBeNull();
    expect(withExec(pid1OfShellC('dash', 'sleep infinity'))).toBeNull();
  });

  it('an empty or builtin-only script lasts no time', () => {
    expect(pid1OfShellC('dash', '').endsAtOnce).toBe(true);
    expect(pid1OfShellC('dash', 'echo hello').endsAtOnce).toBe(true);
  });
});
