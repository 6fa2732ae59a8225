/**
 * Every benchmark once, at its smallest (`--smoke`), so one that no longer completes (a screen it
 * waits for that changed, an option gone) fails here instead of rotting until someone measures.
 * It asserts that each completes and prints its table, never a timing.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { tmuxForTests } from '../test-support/tmux-session.js';

const conn = await dockerForTests();
const hasTmux = tmuxForTests();
const prefix = `bsmoke${randomBytes(3).toString('hex')}`;

async function ours(): Promise<string[]> {
  const list = await conn!.docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
  return list.filter((c) => (c.Labels['zombie-lab'] ?? '').startsWith(`${prefix}-`)).map((c) => c.Id);
}

afterAll(async () => {
  if (conn) for (const id of await ours()) await conn.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
});

function bench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'dist', 'bench', 'main.js'), ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ZOMBIE_LAB_RUN_PREFIX: prefix },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 8 * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.skipIf(!conn || !hasTmux)('npm run bench -- --smoke', () => {
  it('runs every benchmark to its end and prints a table for each, leaving no container', { timeout: 10 * 60_000 }, async () => {
    const r = await bench(['--smoke']);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code, r.stderr).toBe(0);
    const names = [...r.stderr.matchAll(/^bench (\w+)\.\.\.$/gm)].map((m) => m[1]);
    expect(names).toEqual(['sampler', 'render', 'wrap', 'serve', 'pods', 'startup']);
    // One Markdown table (a heading, then a header row and its rule) per benchmark.
    const tables = r.stdout.split(/^##? /m).slice(1);
    expect(tables).toHaveLength(names.length);
    for (const t of tables) expect(t).toMatch(/^\|.*\|\n\|[-:|]+\|\n\|/m);
    expect(await ours()).toEqual([]);
  });
});
