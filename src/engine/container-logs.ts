import type Docker from 'dockerode';

/**
 * Plain text of a container's logs so far, stdout and stderr together. The multiplexing headers
 * stay in: callers search the text, and latin1 keeps every byte one character.
 */
export async function logsOf(container: Pick<Docker.Container, 'logs'>): Promise<string> {
  const buf = (await container.logs({ stdout: true, stderr: true, follow: false })) as unknown;
  return Buffer.isBuffer(buf) ? buf.toString('latin1') : String(buf);
}
