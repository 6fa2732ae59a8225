import type { HasLogs } from './engine-api.js';

/**
 * Plain text of a container's logs so far, stdout and stderr together. The multiplexing headers
 * stay in: callers search the text, and latin1 keeps every byte one character.
 */
export async function logsOf(container: HasLogs): Promise<string> {
  const buf: unknown = await container.logs({ stdout: true, stderr: true, follow: false });
  return Buffer.isBuffer(buf) ? buf.toString('latin1') : String(buf);
}
