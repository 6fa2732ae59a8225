/**
 * Follows a build/import stream from the engine, reporting each line, and fails with the
 * failing step's message when the engine reports an error object inside the stream.
 */
import type { BuildTarget } from '../core/problem-text.js';
import { classifyBuildMessage, stepOf, type BuildMessage } from '../core/build-output.js';
import type { EngineStream } from './engine-api.js';
import { LabError } from './lab-error.js';

export async function followBuild(
  stream: EngineStream<NodeJS.ReadableStream>,
  what: BuildTarget,
  onLine: (line: string) => void,
  signal?: AbortSignal,
): Promise<{ imageId: string | null }> {
  let step: string | null = null;
  let imageId: string | null = null;
  let failure: string | null = null;
  let buf = '';
  const handle = (raw: string) => {
    if (!raw.trim()) return;
    let msg: BuildMessage;
    try {
      msg = JSON.parse(raw) as BuildMessage;
    } catch {
      onLine(raw);
      return;
    }
    const c = classifyBuildMessage(msg);
    if (c.kind === 'error') failure ??= c.text;
    else if (c.kind === 'id') imageId = c.id;
    else if (c.kind === 'line') {
      for (const l of c.text.split('\n')) {
        step = stepOf(l) ?? step;
        onLine(l);
      }
    }
  };
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      stream.destroy?.();
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer | string) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        handle(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
    stream.on('end', () => {
      handle(buf);
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    stream.on('error', (err) => {
      signal?.removeEventListener('abort', onAbort);
      reject(err);
    });
  });
  if (failure) {
    throw LabError.of({ id: 'build-failed', what, step: step || null, failure });
  }
  return { imageId };
}
