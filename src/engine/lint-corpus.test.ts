/**
 * lint on test/lint-corpus, cases written to pin each rule and each trap (shell form per base
 * image, functions, case branches, trap + wait, hook scripts, heredocs, anchors, Lists): each folder
 * as `zombie-lab lint FOLDER` sees it, and each named file as `zombie-lab lint FILE` does. Every
 * finding carries a fix and the lab that teaches it; an edit, where given, is one instruction or line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintPaths } from './lint-files.js';
import { PACKAGE_ROOT } from './package-paths.js';

const ROOT = path.relative(process.cwd(), path.join(PACKAGE_ROOT, 'test', 'lint-corpus')) || '.';
const expected = JSON.parse(readFileSync(path.join(ROOT, 'expected.json'), 'utf8')) as { folders: Record<string, [string, number, string][]>; named: Record<string, [string, number, string][]> };

const got = (p: string) =>
  lintPaths([path.join(ROOT, p)]).findings.map((f) => {
    expect(f.fix.length).toBeGreaterThan(0);
    expect(f.lab).toMatch(/^zombie-lab lab /);
    if (f.edit) expect(f.edit.text).not.toMatch(/\n/);
    return [path.relative(ROOT, f.file), f.line, f.rule];
  });

describe('lint corpus', () => {
  it('every corpus folder has its expected findings listed', () => {
    const dirs = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => `${d.name}/`);
    expect(dirs.sort()).toEqual(Object.keys(expected.folders).sort());
  });
  it.each(Object.keys(expected.folders))('folder %s', (dir) => expect(got(dir)).toEqual(expected.folders[dir]));
  it.each(Object.keys(expected.named))('named %s', (file) => expect(got(file)).toEqual(expected.named[file]));
});

describe('the fixes lint writes', () => {
  const fixOf = (p: string) => lintPaths([path.join(ROOT, p)]).findings.map((f) => f.edit?.text ?? null);
  it('exec form keeps a quoted argument whole', () => expect(fixOf('debian-quoted/')).toEqual(['CMD ["nginx", "-g", "daemon off;"]']));
  it('a command that needs the shell keeps it and adds exec', () => expect(fixOf('variables/')).toEqual(['CMD exec java $JAVA_OPTS -jar /app.jar']));
  it('exec goes inside sh -c, never before a builtin or a pipeline', () => {
    expect(fixOf('json-sh-c/')).toEqual(['CMD ["sh", "-c", "exec python3 /app.py"]']);
    expect(fixOf('bash-c/')).toEqual([null, null]);
  });
  it('an entrypoint script gets exec on the line of the command it waits for', () => {
    expect(fixOf('entrypoint-cmd/')).toEqual(['exec python3 /app.py "$@"']);
    expect(fixOf('case-branches/entrypoint.sh')).toEqual(['    exec gunicorn app:app']);
  });
});
