/**
 * The ssh:// agent against a real SSH server on loopback (ssh2's own server): each exec channel of
 * `docker system dial-stdio` is answered by a small HTTP responder, as the far side's Docker CLI
 * would relay the engine. What it must hold: requests share SSH sessions (one handshake, not one per
 * request), a channel carries the next request (no dial-stdio per request), and a burst wider
 * than a session's channel budget opens a second session.
 */
import { once } from 'node:events';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server, utils } from 'ssh2';
import { SshDialAgent } from './ssh-agent.js';

/**
 * An ed25519 pair ssh2 can read back: its generator strips a public key's leading zero bytes, so
 * about one pair in 256 is malformed (mscdex/ssh2#1513, #1390); such a pair is drawn again.
 */
function keyPair(): { private: string; public: string } {
  for (;;) {
    const kp = utils.generateKeyPairSync('ed25519');
    if (!(utils.parseKey(kp.private) instanceof Error) && !(utils.parseKey(kp.public) instanceof Error)) return kp;
  }
}

const host = keyPair();
const user = keyPair();
let server: Server;
let port = 0;
let sessions = 0;
let maxOpenPerSession = 0;
let execs = 0;

beforeAll(async () => {
  server = new Server({ hostKeys: [host.private] }, (client) => {
    sessions++;
    let open = 0;
    client.on('authentication', (ctx) => (ctx.method === 'publickey' ? ctx.accept() : ctx.reject(['publickey'])));
    client.on('session', (accept) => {
      const session = accept();
      session.on('exec', (acceptExec, _reject, info) => {
        const stream = acceptExec();
        if (info.command !== 'docker system dial-stdio') return stream.exit(127), stream.end();
        open++;
        execs++;
        maxOpenPerSession = Math.max(maxOpenPerSession, open);
        stream.once('close', () => open--);
        // An HTTP response per request (a GET: its head is all of it), after a short hold so concurrent
        // requests overlap; the connection stays open for the next one, as dockerd keeps it.
        stream.on('data', () => {
          setTimeout(() => stream.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK'), 50);
        });
      });
    });
    client.on('error', () => undefined);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(agent: SshDialAgent): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request({ host: 'localhost', port: 80, path: '/_ping', agent }, (res) => {
      let text = '';
      res.on('data', (c) => (text += String(c)));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('SshDialAgent', () => {
  it('carries ten requests in a row over one SSH session and one dial-stdio', async () => {
    sessions = 0;
    execs = 0;
    const agent = new SshDialAgent({ host: '127.0.0.1', port, username: 'root', privateKey: Buffer.from(user.private) });
    try {
      for (let i = 0; i < 10; i++) expect(await get(agent)).toBe('OK');
      expect(sessions).toBe(1);
      expect(execs).toBe(1);
    } finally {
      agent.destroy();
    }
  });

  it('spreads a burst of twelve over two sessions, never more than eight channels on one', async () => {
    sessions = 0;
    maxOpenPerSession = 0;
    const agent = new SshDialAgent({ host: '127.0.0.1', port, username: 'root', privateKey: Buffer.from(user.private) });
    try {
      const answers = await Promise.all(Array.from({ length: 12 }, () => get(agent)));
      expect(answers).toEqual(Array(12).fill('OK'));
      expect(sessions).toBe(2);
      expect(maxOpenPerSession).toBeLessThanOrEqual(8);
    } finally {
      agent.destroy();
    }
  });

  it('fails the request, not the process, when the server refuses the key', async () => {
    const stranger = keyPair();
    const refusing = new Server({ hostKeys: [host.private] }, (client) => {
      client.on('authentication', (ctx) => ctx.reject(['publickey']));
      client.on('error', () => undefined);
    });
    refusing.listen(0, '127.0.0.1');
    await once(refusing, 'listening');
    try {
      const agent = new SshDialAgent({ host: '127.0.0.1', port: (refusing.address() as AddressInfo).port, username: 'root', privateKey: Buffer.from(stranger.private) });
      await expect(get(agent)).rejects.toThrow(/authentication/i);
      agent.destroy();
    } finally {
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });
});
