/**
 * `zombie-lab lint`, the shipped binary: text, JSON and SARIF, exit codes, the folder walk, and bad
 * input — a binary or non-UTF-8 file, a YAML alias bomb, a valid file with many aliases, a YAML that
 * is neither compose nor Kubernetes, a 16 MB file — each said in one line while the other files are
 * still linted. (The rules themselves: src/engine/lint-corpus.test.ts and lint-real-world.test.ts.)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { imageTags } from '../engine/images.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { runCli } from '../test-support/run-cli.js';

const ROOT = path.join(PACKAGE_ROOT, 'test', 'lint-corpus');
const cli = (args: string[], cwd = ROOT) => runCli(['lint', ...args], { cwd, timeoutMs: 60_000 });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'zl-lint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('zombie-lab lint, the binary', () => {
  it('text: file:line, rule, reason, fix and the lab; exit 1 on findings, 0 on a clean file', async () => {
    const r = await cli(['shell-form/Dockerfile']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^shell-form\/Dockerfile:3: error shell-form-cmd: shell-form CMD: PID 1 is \/bin\/sh \(Debian's dash\) -c/m);
    expect(r.stdout).toMatch(/^ {2}fix: CMD \["python3", "\/app.py"\]/m);
    expect(r.stdout).toMatch(/^ {2}learn: zombie-lab lab signals/m);
    expect((await cli(['good/Dockerfile', 'multi-stage/Dockerfile', 'alpine-shell-form/Dockerfile'])).code).toBe(0);
    // Notes alone do not fail a build.
    expect((await cli(['bash-c/Dockerfile'])).code).toBe(0);
  });

  it('speaks German with --lang de or a German locale: messages, fixes and labs, while rule ids and levels in JSON and SARIF stay', async () => {
    const r = await cli(['shell-form/Dockerfile', '--lang', 'de']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^shell-form\/Dockerfile:3: Fehler shell-form-cmd: CMD in Shell-Form: PID 1 ist \/bin\/sh \(Debians dash\) -c "python3 \/app.py", und Debians dash macht nie exec auf den Befehl von -c: die Shell bleibt PID 1 und verwirft SIGTERM/m);
    expect(r.stdout).toMatch(/^ {2}Lösung: CMD \["python3", "\/app.py"\] \(Exec-Form: die App ist PID 1 und bekommt das Stopp-Signal\)$/m);
    expect(r.stdout).toMatch(/^ {2}Lab: zombie-lab lab signals \(03: PID 1 und SIGTERM\)$/m);
    expect(r.stdout).toMatch(/^1 Befund \(1 Fehler oder Warnung, 0 Hinweise\) in 1 Datei$/m);
    const env = { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    const j = JSON.parse((await runCli(['lint', 'compose', '--format', 'json'], { cwd: ROOT, env })).stdout) as { lang: string; findings: { rule: string; level: string; message: string; fix: string }[] };
    expect(j.lang).toBe('de');
    expect(j.findings.map((f) => [f.rule, f.level])).toEqual([['compose-sh-c', 'warning'], ['compose-no-pids-limit', 'note']]);
    expect(j.findings[0]!.message).toMatch(/^Service "web": sh -c auf einem Image, dessen \/bin\/sh lint nicht sieht/);
    const s = JSON.parse((await cli(['debian-quoted/Dockerfile', '--format', 'sarif', '--lang', 'de'])).stdout) as { runs: { language: string; results: { ruleId: string; message: { text: string } }[] }[] };
    expect(s.runs[0]!.language).toBe('de');
    expect(s.runs[0]!.results.map((x) => x.ruleId)).toEqual(['shell-form-cmd']);
    expect(s.runs[0]!.results[0]!.message.text).toContain('. Lösung: CMD ["nginx", "-g", "daemon off;"]');
    // Bad input in German too: a path that is not there, with its fix (exit 2, a usage error).
    const missing = await cli(['nope/Dockerfile', '--lang', 'de']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^zombie-lab lint: nope\/Dockerfile: keine solche Datei und kein solcher Ordner \(Lösung: nenne ein Dockerfile/m);
    // English stays the default where the locale says nothing else.
    expect((await runCli(['lint', 'shell-form/Dockerfile'], { cwd: ROOT, env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } })).stdout).toMatch(/^shell-form\/Dockerfile:3: error shell-form-cmd: shell-form CMD/m);
  });

  it('JSON with what was not judged, and SARIF 2.1.0 with fixes', async () => {
    const j = JSON.parse((await cli(['compose', '--format', 'json'])).stdout) as { files: string[]; findings: { rule: string }[]; unjudged: { what: string }[]; exitCode: number };
    expect(j.files).toEqual(['compose/compose.yaml']);
    expect(j.exitCode).toBe(1);
    // worker has init: true and cron execs its app: nothing there lint could not judge.
    expect(j.unjudged).toEqual([]);
    const k = JSON.parse((await cli(['k8s-args', '--format', 'json'])).stdout) as { unjudged: { what: string; why: string }[] };
    expect(k.unjudged).toEqual([]);
    const s = JSON.parse((await cli(['debian-quoted/Dockerfile', '--format', 'sarif'])).stdout) as {
      version: string;
      runs: { results: { ruleId: string; level: string; fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[] }[] }[];
    };
    expect(s.version).toBe('2.1.0');
    const res = s.runs[0]!.results;
    expect(res.map((x) => [x.ruleId, x.level])).toEqual([['shell-form-cmd', 'error']]);
    expect(res[0]!.fixes?.[0]?.artifactChanges[0]?.replacements[0]?.insertedContent.text).toBe('CMD ["nginx", "-g", "daemon off;"]\n');
  });

  it('a folder judges scripts only through the Dockerfile that runs them: a hook script is never told to exec', async () => {
    const r = await cli([]);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/30-tune-worker-processes|script\/no-exec\.sh|trap-wait/);
    expect(r.stdout).toMatch(/^entrypoint-cmd\/entry\.sh:5: error entrypoint-script-no-exec/m);
  });

  it('usage errors exit 2 with one line naming the fix', async () => {
    const missing = await cli(['nope/Dockerfile']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/nope\/Dockerfile: no such file or folder \(fix: /);
    expect((await cli(['good', '--format', 'xml'])).code).toBe(2);
  });
});

describe('images on the engine', () => {
  it('a service that runs its image as it is: judged from the image when the engine has it (never pulled), else said to be unknown', async () => {
    const dir = path.join(tmp, 'image');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    // The lab's zombie image, by the tag the test setup made sure of (its CMD is python3 /root/fork.py).
    const { zombie } = await imageTags();
    writeFileSync(path.join(dir, 'compose.yaml'), `services:\n  demo:\n    image: ${zombie}\n    pids_limit: 64\n`);
    const seen = await cli(['.'], dir);
    expect(seen.stderr).toContain(`read from this engine's images (not pulled): ${zombie}`);
    expect(seen.stdout).toContain(`compose.yaml:2: note compose-no-init: service "demo" (image ${zombie} read from this engine): PID 1 will be python3`);
    const blind = await runCli(['lint', '.'], { cwd: dir, env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' }, unset: ['DOCKER_CONTEXT'] });
    expect(blind.stdout).toContain(`compose.yaml:2: not judged: service "demo" runs ${zombie}'s own ENTRYPOINT/CMD, which lint cannot see`);
    expect(blind.code).toBe(0);
  });
});

describe('bad input: one line each, nothing hidden', () => {
  it('a binary named Dockerfile, a non-UTF-8 script and a YAML that is no compose file are each one line; the good file is still linted', async () => {
    const dir = path.join(tmp, 'bad');
    rmSync(dir, { recursive: true, force: true });
    writeFileSync(path.join(tmp, 'x'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, 'entrypoint.sh'), Buffer.from([0x23, 0x21, 0x2f, 0x62, 0x69, 0x6e, 0x2f, 0x73, 0x68, 0x0a, 0xff, 0xfe, 0x0a]));
    writeFileSync(path.join(dir, 'settings.yml'), 'log_level: debug\nworkers: 4\n');
    writeFileSync(path.join(dir, 'Dockerfile.app'), 'FROM python:3.12-slim\nCMD python3 app.py\n');
    const r = await cli(['Dockerfile', 'entrypoint.sh', 'settings.yml', 'Dockerfile.app'], dir);
    expect(r.stderr).toMatch(/^zombie-lab lint: Dockerfile: not a text file/m);
    expect(r.stderr).toMatch(/^zombie-lab lint: entrypoint\.sh: not a text file \(not UTF-8\)/m);
    expect(r.stderr).toMatch(/^zombie-lab lint: settings\.yml: not a Dockerfile, compose file, Kubernetes manifest or shell script/m);
    expect(r.stderr.trim().split('\n')).toHaveLength(3);
    expect(r.stdout).toMatch(/^Dockerfile\.app:2: error shell-form-cmd/m);
    expect(r.stdout).not.toMatch(/\x7fELF|\uFFFD/);
    expect(r.code).toBe(1);
  });

  it('a compose file with hundreds of aliases lints; an alias bomb is refused in one line and the rest still lint', async () => {
    const dir = path.join(tmp, 'yaml');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    const services = Array.from({ length: 300 }, (_, i) => `  s${i}:\n    <<: *common\n    environment: *env`).join('\n');
    writeFileSync(path.join(dir, 'compose.yaml'), `x-env: &env\n  A: "1"\nx-common: &common\n  image: python:3.12-slim\n  command: ["sh", "-c", "python3 app.py"]\n  pids_limit: 10\nservices:\n${services}\n`);
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let k = 1; k < 9; k++) lines.push(`${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(9).fill(`*${String.fromCharCode(96 + k)}`).join(',')}]`);
    writeFileSync(path.join(dir, 'bomb.yaml'), `${lines.join('\n')}\nservices:\n  x:\n    command: *i\n`);
    const r = await cli(['.'], dir);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^zombie-lab lint: bomb\.yaml: more than 10000 alias expansions/)]);
    expect(r.stdout.match(/compose-sh-c/g)).toHaveLength(300);
  });

  it('a 16 MB Dockerfile is linted in bounded time and memory, a larger file is refused in one line', async () => {
    const big = path.join(tmp, 'Dockerfile.big');
    const line = `RUN echo ${'x'.repeat(1000)}\n`;
    writeFileSync(big, `FROM debian:12\n${line.repeat(Math.floor((15.5 * 1048576) / line.length))}CMD ["python3", "app.py"]\n`);
    const r = await cli([big], tmp);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no-init/);
    writeFileSync(big, line.repeat(Math.ceil((17 * 1048576) / line.length)));
    const r2 = await cli([big], tmp);
    expect(r2.stderr).toMatch(/too large to lint \(17\.0 MB/);
  });
});
