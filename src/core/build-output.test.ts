import { describe, expect, it } from 'vitest';
import { classifyBuildMessage, committedLayerOf, isBuilderLine, plainLine, stepOf } from './build-output.js';

describe('classifyBuildMessage', () => {
  it('finds errors reported inside the stream', () => {
    expect(classifyBuildMessage({ errorDetail: { code: 127, message: 'The command returned a non-zero code: 127' }, error: 'x' })).toEqual({
      kind: 'error',
      text: 'The command returned a non-zero code: 127',
    });
    expect(classifyBuildMessage({ error: 'boom\n' })).toEqual({ kind: 'error', text: 'boom' });
  });
  it('passes ordinary output through and drops empty lines', () => {
    expect(classifyBuildMessage({ stream: 'Step 1/3 : FROM x\n' })).toEqual({ kind: 'line', text: 'Step 1/3 : FROM x' });
    expect(classifyBuildMessage({ stream: '\n' })).toEqual({ kind: 'none' });
    expect(classifyBuildMessage({ aux: { ID: 'sha256:abc' } })).toEqual({ kind: 'id', id: 'sha256:abc' });
  });
  it("takes an import's status line with the new image's id as the id (Docker and Podman both send it)", () => {
    const id = `sha256:${'ab'.repeat(32)}`;
    expect(classifyBuildMessage({ status: id })).toEqual({ kind: 'id', id });
    expect(classifyBuildMessage({ status: 'sha256:abc is not an id' })).toEqual({ kind: 'line', text: 'sha256:abc is not an id' });
  });
  it('recognises step lines', () => {
    expect(stepOf('Step 2/3 : RUN false')).toBe('Step 2/3 : RUN false');
    expect(stepOf(' ---> Running in 123')).toBeNull();
  });
});

describe('what a classic build says of itself', () => {
  it('finds the layers it committed, not the containers it ran', () => {
    expect(committedLayerOf(' ---> 1a2b3c4d5e6f')).toBe('1a2b3c4d5e6f');
    expect(committedLayerOf(' ---> Running in 1a2b3c4d5e6f')).toBeNull();
    expect(committedLayerOf('1a2b3c4d5e6f')).toBeNull();
  });

  it('tells its own lines from a RUN step\'s output', () => {
    for (const l of ['Step 3/4 : RUN python3 /bomb.py', ' ---> Running in 0123456789ab', 'Removing intermediate container 0123456789ab', 'Successfully built 0123456789ab', '  ']) expect(isBuilderLine(l), l).toBe(true);
    expect(isBuilderLine('BlockingIOError: [Errno 11] Resource temporarily unavailable')).toBe(false);
  });
});

describe('plainLine', () => {
  it('drops the colour codes of a coloured traceback, and leaves a reset alone as nothing', () => {
    expect(plainLine('\x1b[1;35mBlockingIOError\x1b[0m: \x1b[35m[Errno 11] Resource temporarily unavailable\x1b[0m')).toBe('BlockingIOError: [Errno 11] Resource temporarily unavailable');
    expect(plainLine('\x1b[0m')).toBe('');
  });
});
