/**
 * `ssh://user@host` engines, as the Docker CLI reaches them: each API connection is a channel that
 * runs `docker system dial-stdio` on the far side and carries the API over its stdio. Our own
 * http.Agent, so docker-modem needs no ssh:// URL (its url.parse of one prints a Node
 * deprecation warning on every request).
 *
 * Two costs made a command over ssh:// twenty times slower than over a socket (doctor: 81 s against
 * 4 s here): an SSH handshake per API request (docker-modem's way), and the far side starting a
 * `docker system dial-stdio` per request. So channels share SSH sessions — at most MAX_CHANNELS at
 * once, below OpenSSH's MaxSessions (10 by default); more open a second session — and the agent keeps
 * a channel alive between requests (HTTP keep-alive), as the Docker CLI does with its connections.
 * A session's socket is ref'd only while a request is in flight, so an idle one never keeps a
 * finished command alive.
 */
import { Agent, type AgentOptions } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { Client, type ConnectConfig } from 'ssh2';

export interface SshTarget {
  host: string;
  port: number;
  username?: string;
  /** SSH_AUTH_SOCK: keys come from the agent, as with the Docker CLI. */
  agent?: string;
  /** A private key, for tests and where no agent runs (ZOMBIE_LAB_SSH_KEY). */
  privateKey?: Buffer;
}

/** Below OpenSSH's default MaxSessions (10), so a server with defaults never refuses a channel. */
const MAX_CHANNELS = 8;

interface Session {
  client: Client;
  sock: Socket;
  ready: Promise<void>;
  /** Channels open on it, in use or kept alive: what counts against MAX_CHANNELS. */
  open: number;
  /** Channels carrying a request: while any does, the socket holds the process. */
  busy: number;
  dead: boolean;
}

type Callback = (err: Error | null, stream?: Duplex) => void;

export class SshDialAgent extends Agent {
  private readonly sessions: Session[] = [];

  constructor(
    private readonly target: SshTarget,
    opts: AgentOptions = {},
  ) {
    super({ keepAlive: true, ...opts });
  }

  override createConnection(_options: unknown, callback: Callback): Duplex | undefined {
    const session = this.sessions.find((s) => !s.dead && s.open < MAX_CHANNELS) ?? this.newSession();
    // Counted before the session is ready, so a burst of requests spreads over sessions.
    session.open++;
    const busy = holdWhileBusy(session);
    busy.ref();
    const closed = () => {
      busy.unref();
      session.open--;
    };
    session.ready.then(
      () => {
        session.client.exec('docker system dial-stdio', (err, stream) => {
          if (err) {
            closed();
            return callback(err);
          }
          stream.once('close', closed);
          callback(null, asSocket(stream, busy));
        });
      },
      (err: Error) => {
        closed();
        callback(err);
      },
    );
    return undefined;
  }

  /** Ends every SSH session as well as what http.Agent holds. */
  override destroy(): void {
    for (const s of this.sessions.splice(0)) {
      s.dead = true;
      s.client.end();
    }
    super.destroy();
  }

  private newSession(): Session {
    const client = new Client();
    const sock = connect({ host: this.target.host, port: this.target.port });
    const session: Session = { client, sock, open: 0, busy: 0, dead: false, ready: Promise.resolve() };
    sock.unref();
    const drop = () => {
      session.dead = true;
      const i = this.sessions.indexOf(session);
      if (i >= 0) this.sessions.splice(i, 1);
    };
    session.ready = new Promise<void>((resolve, reject) => {
      client.once('ready', resolve);
      // on, not once: a session that was ready can still fail (the link drops), and an error with no
      // listener would end the process.
      client.on('error', (err: Error) => {
        drop();
        client.end();
        reject(err);
      });
    });
    // A rejection nobody awaits yet (the first request holds its own handler) is not an unhandled one.
    session.ready.catch(() => undefined);
    client.once('close', drop);
    const cfg: ConnectConfig = { sock, readyTimeout: 10_000 };
    if (this.target.username) cfg.username = this.target.username;
    if (this.target.agent) cfg.agent = this.target.agent;
    if (this.target.privateKey) cfg.privateKey = this.target.privateKey;
    client.connect(cfg);
    this.sessions.push(session);
    return session;
  }
}

/** ref/unref of one channel, counted on its session: the socket is ref'd while any channel is busy. */
function holdWhileBusy(session: Session): { ref: () => void; unref: () => void } {
  let held = false;
  return {
    ref: () => {
      if (held) return;
      held = true;
      if (session.busy++ === 0) session.sock.ref();
    },
    unref: () => {
      if (!held) return;
      held = false;
      if (--session.busy === 0) session.sock.unref();
    },
  };
}

/**
 * What http.Agent's keep-alive asks of a socket, on a channel: ref/unref (it unrefs a kept channel and
 * refs it again for the next request), setTimeout, and the TCP-only calls as no-ops. The timeout runs
 * from the call, not from the last byte: the agent only clears it (0), and the lab's client sets no
 * request timeout; watching for bytes would need a 'data' listener, which could take them from http.
 */
function asSocket(stream: Duplex, busy: { ref: () => void; unref: () => void }): Duplex {
  let timer: NodeJS.Timeout | undefined;
  stream.once('close', () => timer && clearTimeout(timer));
  return Object.assign(stream, {
    timeout: 0,
    ref: () => (busy.ref(), stream),
    unref: () => (busy.unref(), stream),
    setKeepAlive: () => stream,
    setNoDelay: () => stream,
    setTimeout: (ms: number, cb?: () => void) => {
      if (timer) clearTimeout(timer);
      timer = ms > 0 ? setTimeout(() => stream.emit('timeout'), ms).unref() : undefined;
      Object.assign(stream, { timeout: ms });
      if (cb) stream.once('timeout', cb);
      return stream;
    },
  });
}
