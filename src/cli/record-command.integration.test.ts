import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRecording } from '../core/recording.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { dockerForTests } from '../test-support/docker-for-tests.js';
import { runRecord } from './record-command.js';

const conn = await dockerForTests();
const prefix = `app-rec${randomBytes(3).toString('hex')}`;
let dir = '';

async function ours(): Promise<string[]> {
  const list = await conn!.docker.listContainers({ all: true, filters: { label: ['zombie-lab'] } });
  return list.filter((c) => (c.Labels['zombie-lab'] ?? '').startsWith(`${prefix}-`)).map((c) => c.Id);
}

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  if (conn) for (const id of await ours()) await conn.docker.getContainer(id).remove({ force: true }).catch(() => undefined);
});

describe.skipIf(!conn)('zombie-lab record on the real engine', () => {
  it('writes a recording the replay accepts, with all three lanes, their stops and results, and leaves nothing', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'zl-rec-'));
    const out = path.join(dir, 'run.json');
    expect(await runRecord({ out, durationS: 2, runIdPrefix: prefix })).toBe(0);
    const rec = parseRecording(await readFile(out, 'utf8'), out);
    const types = rec.events.map((e) => e.event.type);
    expect(types.at(-1)).toBe('done');
    const stopped = rec.events.flatMap((e) => (e.event.type === 'lane' && e.event.state.kind === 'stopped' ? [[e.event.mode, e.event.state.exitCode]] : []));
    expect(Object.fromEntries(stopped)).toEqual({ 'no-init': 137, 'dumb-init': 143, init: 143 });
    const noInitPeak = Math.max(...rec.events.flatMap((e) => (e.event.type === 'sample' && e.event.mode === 'no-init' ? [e.event.sample.zombies] : [0])));
    expect(noInitPeak).toBeGreaterThan(0);
    // Timestamps only go forward.
    for (let i = 1; i < rec.events.length; i++) expect(rec.events[i]!.at).toBeGreaterThanOrEqual(rec.events[i - 1]!.at);
    expect(await ours()).toEqual([]);
  });

  it('SIGTERM mid-run: exit 143 like every other command, nothing recorded, nothing left', async () => {
    dir ||= await mkdtemp(path.join(tmpdir(), 'zl-rec-'));
    const out = path.join(dir, 'term.json');
    const entry = path.join(PACKAGE_ROOT, 'dist', 'cli', 'record-command.js');
    const js = `import(${JSON.stringify(entry)}).then((m) => m.runRecord({ out: ${JSON.stringify(out)}, durationS: 60, runIdPrefix: ${JSON.stringify(prefix)} })).then((c) => process.exit(c))`;
    const child = spawn(process.execPath, ['-e', js], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    const code = await new Promise<number | null>((resolve) => {
      child.stderr.on('data', (b: Buffer) => {
        err += b.toString();
        // Once a lane runs, its containers exist: the signal must remove them.
        if (/no-init running/.test(err) && !child.killed) child.kill('SIGTERM');
      });
      child.on('exit', (c) => resolve(c));
    });
    expect(code, err).toBe(143);
    expect(err).toContain('interrupted, nothing recorded');
    expect(existsSync(out)).toBe(false);
    expect(await ours()).toEqual([]);
  });
});
