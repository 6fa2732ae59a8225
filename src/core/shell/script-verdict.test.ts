import { describe, expect, it } from 'vitest';
import { scriptVerdict } from './script-verdict.js';

const problems = (s: string) => scriptVerdict(s).problems.map((p) => [p.line, p.why, p.fixedLine]);

describe('scriptVerdict', () => {
  it('exec "$@" at the end: no problem, and it execs the CMD', () => {
    const v = scriptVerdict('#!/bin/sh\nset -e\nchown app /data\nexec "$@"\n');
    expect(v.problems).toEqual([]);
    expect(v.execs.map((e) => e.program)).toEqual(['$@']);
  });

  it('follows a function to its last command (postgres, mysql: `_main "$@"`)', () => {
    const s = '#!/usr/bin/env bash\n_is_sourced() { [ "${#FUNCNAME[@]}" -ge 2 ]; }\n_main() {\n  if [ "$1" = postgres ]; then\n    exec gosu postgres "$BASH_SOURCE" "$@"\n  fi\n  exec "$@"\n}\nif ! _is_sourced; then\n  _main "$@"\nfi\n';
    expect(scriptVerdict(s).problems).toEqual([]);
    expect(scriptVerdict(s).execs.map((e) => e.program)).toEqual(['$@']);
  });

  it('every case branch execs or exits, then exit 0 (gitlab)', () => {
    const s = 'case ${1} in\n  app:start)\n    migrate\n    exec /usr/bin/supervisord -nc /etc/supervisor/supervisord.conf\n    ;;\n  app:init)\n    migrate\n    ;;\n  app:help)\n    echo help\n    ;;\n  *)\n    exec "$@"\n    ;;\nesac\nexit 0\n';
    expect(problems(s)).toEqual([]);
  });

  it('the app run without exec: the line, and the line with exec', () => {
    expect(problems('#!/bin/sh\ncd /app\n  A=1 java -jar app.jar\n')).toEqual([[3, 'command', '  A=1 exec java -jar app.jar']]);
    expect(problems('#!/bin/sh\n"$@"\n')).toEqual([[2, 'command', 'exec "$@"']]);
    expect(problems('#!/bin/sh\nnode server.js\necho "server ended"\nexit $?\n')).toEqual([[2, 'command', 'exec node server.js']]);
  });

  it('app || exit 1: the shell waits for the app', () => {
    expect(problems('#!/bin/sh\nnode server.js || exit 1\n').map((p) => p[1])).toEqual(['command']);
  });

  it('trap + wait forwards SIGTERM; wait without a trap does not', () => {
    expect(scriptVerdict("#!/bin/bash\ntrap 'kill -TERM $child' TERM\napp &\nchild=$!\nwait \"$child\"\n").problems).toEqual([]);
    expect(scriptVerdict("#!/bin/bash\ntrap 'kill -TERM $child' TERM\napp &\nchild=$!\nwait \"$child\"\n").forwards).toBe(true);
    expect(problems('#!/bin/bash\napp &\nwait\n')).toEqual([[3, 'wait', null]]);
  });

  it('keep-alives, pipelines and loops have no one-word fix', () => {
    expect(problems('#!/bin/sh\nsleep infinity\n')).toEqual([[2, 'keepalive', null]]);
    expect(problems('#!/bin/sh\napp | tee /log\n')).toEqual([[2, 'pipeline', null]]);
    expect(problems('#!/bin/sh\nwhile true; do app; sleep 1; done\n')).toEqual([[2, 'loop', null]]);
  });

  it('an if without else that falls through ends the container: nothing stays', () => {
    expect(problems('if [ -n "$X" ]; then\n  exec app\nfi\n')).toEqual([]);
  });

  it('a case branch that runs the app without exec is a problem, a help branch is not', () => {
    expect(problems('case "$1" in\n  web) gunicorn app ;;\n  help) usage ;;\n  *) exec "$@" ;;\nesac\n')).toEqual([[2, 'command', '  web) exec gunicorn app ;;']]);
  });

  it('eval and sourced files are unknown, not judged', () => {
    expect(scriptVerdict('#!/bin/sh\n. /opt/run.sh\n').unknown).toMatch(/cannot see/);
    expect(scriptVerdict('#!/bin/sh\n. /opt/run.sh\n').problems).toEqual([]);
  });
});
