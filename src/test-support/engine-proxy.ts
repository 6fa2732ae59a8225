/**
 * A stand-in for an engine that goes away: a unix socket that passes every connection on to the
 * real engine until `cut()`, which destroys them all and from then on accepts and drops each new
 * one at once — what a client sees when a remote engine's service dies behind a port forward
 * (qemu's hostfwd, an SSH tunnel): "socket hang up", ECONNRESET, EPIPE.
 */
import { rmSync } from 'node:fs';
import net from 'node:net';

export interface EngineProxy {
  /** DOCKER_HOST for the CLI under test. */
  host: string;
  cut(): void;
  close(): Promise<void>;
}

export async function engineProxy(socketPath: string, engineSocket = '/var/run/docker.sock'): Promise<EngineProxy> {
  rmSync(socketPath, { force: true });
  let cut = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy();
      return;
    }
    const engine = net.connect(engineSocket);
    for (const [a, b] of [
      [client, engine],
      [engine, client],
    ] as const) {
      open.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => {
        b.destroy();
        open.delete(a);
      });
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
  return {
    host: `unix://${socketPath}`,
    cut() {
      cut = true;
      for (const s of open) s.destroy();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
