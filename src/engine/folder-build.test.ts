import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BuildsImages } from './engine-api.js';
import { buildFolder } from './folder-build.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ht-fb-'));
  await writeFile(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An engine that answers a build with these JSON messages and keeps what it was asked. */
function fakeEngine(messages: object[]) {
  const asked: { context: Buffer; opts: Docker.ImageBuildOptions }[] = [];
  const docker: BuildsImages = {
    buildImage: async (context, opts) => {
      const chunks: Buffer[] = [];
      for await (const c of context as AsyncIterable<Buffer>) chunks.push(c);
      asked.push({ context: Buffer.concat(chunks), opts });
      return Readable.from(messages.map((m) => `${JSON.stringify(m)}\n`));
    },
  };
  return { docker, asked };
}

describe('buildFolder', () => {
  it('sends the folder as a tar with the tags, labels, build args and extra parameters, never pulling', async () => {
    const { docker, asked } = fakeEngine([{ stream: 'Step 1/1 : FROM scratch\n' }, { aux: { ID: 'sha256:abc' } }]);
    const lines: string[] = [];
    await buildFolder(docker, dir, { tags: ['x:1'], what: { kind: 'yours' }, onLine: (l) => lines.push(l), labels: { a: 'b' }, buildargs: { BASE: 'base:1' }, params: { nocache: true } });
    expect(asked[0]?.opts).toMatchObject({ t: ['x:1'], labels: { a: 'b' }, buildargs: { BASE: 'base:1' }, nocache: true, pull: false, rm: true, forcerm: true });
    expect(asked[0]?.opts).not.toHaveProperty('abortSignal');
    expect(asked[0]?.context.toString('latin1')).toContain('FROM scratch');
    expect(lines.join('\n')).toContain('Step 1/1');
  });
  it('passes the abort signal to the engine', async () => {
    const { docker, asked } = fakeEngine([]);
    const signal = new AbortController().signal;
    await buildFolder(docker, dir, { tags: ['x:1'], what: { kind: 'yours' }, onLine: () => {}, labels: {}, signal });
    expect(asked[0]?.opts['abortSignal']).toBe(signal);
  });
  it('throws the failed step as a problem naming what was built', async () => {
    const { docker } = fakeEngine([{ stream: 'Step 2/3 : RUN false\n' }, { error: 'The command returned a non-zero code: 1' }]);
    await expect(buildFolder(docker, dir, { tags: ['x:1'], what: { kind: 'image', name: 'zombie' }, onLine: () => {}, labels: {} })).rejects.toMatchObject({
      problem: { message: expect.stringContaining('zombie') },
    });
  });
});
