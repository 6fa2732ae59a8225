/**
 * The package as a user gets it: `npm pack` (which builds first, in prepack), then
 * `npm install -g` of the tarball into a private prefix. Nothing of ours runs or is warned about on
 * install (the tarball's package.json has no prepare; dependencies' own install scripts, such as
 * ssh2's, are theirs), `zombie-lab --version` works from another folder, and every file the README
 * and the shipped docs link to is in the tarball.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { runCli } from '../test-support/run-cli.js';

const tmp = await mkdtemp(path.join(tmpdir(), 'zl-pack-'));
afterAll(() => rm(tmp, { recursive: true, force: true }));

const version = (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Relative link targets of a Markdown file, as paths inside the package. */
function linksOf(rel: string, text: string): string[] {
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => (m[1] as string).split('#')[0] as string)
    .filter((t) => t !== '' && !/^[a-z]+:/i.test(t))
    .map((t) => path.posix.normalize(path.posix.join(path.posix.dirname(rel), t)));
}

describe('the packed package, installed globally', () => {
  it('packs (building first), installs with no script or warning of ours, runs from any folder, and ships what the README links to', async () => {
    const packed = run('npm', ['pack', '--pack-destination', tmp], PACKAGE_ROOT);
    expect(packed.code, packed.err).toBe(0);
    const tgz = path.join(tmp, `zombie-lab-${version}.tgz`);
    expect(await readdir(tmp)).toContain(path.basename(tgz));
    // The checkout keeps its prepare (npm ci builds dist/ through it): postpack put it back.
    expect((JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.prepare).toBeDefined();

    const files = new Set(run('tar', ['tzf', tgz], tmp).out.split('\n').filter(Boolean).map((f) => f.replace(/^package\//, '')));
    const manifest = JSON.parse(run('tar', ['xzf', tgz, '-O', 'package/package.json'], tmp).out) as { scripts: Record<string, string>; bin: Record<string, string> };
    for (const s of ['preinstall', 'install', 'postinstall', 'prepare']) expect(manifest.scripts[s], `tarball's scripts.${s}`).toBeUndefined();
    expect(files.has(manifest.bin['zombie-lab'] as string)).toBe(true);
    const docs = ['README.md', ...[...files].filter((f) => /^docs\/[^/]+\.md$/.test(f))];
    const links = docs.flatMap((d) => linksOf(d, readFileSync(path.join(PACKAGE_ROOT, d), 'utf8')).map((target) => ({ from: d, target })));
    expect(links.filter((l) => l.from === 'README.md').length).toBeGreaterThan(5);
    expect(links.filter((l) => !files.has(l.target))).toEqual([]);

    const prefix = path.join(tmp, 'prefix');
    const inst = run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', tgz], tmp);
    expect(inst.code, inst.err).toBe(0);
    // npm 11 lists every install script not yet allowed; ours must not be among them.
    expect(`${inst.out}${inst.err}`).not.toMatch(/zombie-lab@/);
    expect(inst.err).not.toMatch(/\bprepare\b/);

    // The installed copy, not this checkout's bundle, from a folder of no package.
    const installed = { entry: path.join(prefix, 'bin', 'zombie-lab'), cwd: await mkdtemp(path.join(tmp, 'cwd-')), env: { NO_COLOR: '1' } };
    const v = await runCli(['--version'], installed);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe(version);
    expect(v.stderr).toBe('');
    const help = await runCli(['help', 'lint'], installed);
    expect(help.stdout).toContain('docs/lint.schema.json');
  }, 240_000);
});
