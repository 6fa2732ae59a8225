/**
 * `ssh://user@host` engines, as the Docker CLI reaches them: each API connection is a channel that
 * runs `docker system dial-stdio` on the far side and carries the API over its stdio. Our own
 * http.Agent, so docker-modem needs no ssh:// URL (its url.parse of one prints a Node
 * deprecation warning on every request).
 *
 * Channels share SSH sessions: a handshake per API request (docker-modem's way) made a scorecard
 * over ssh:// five times slower than over a socket. A session carries at most MAX_CHANNELS at once,
 * below OpenSSH's MaxSessions (10 by default); more open a second session. An idle session's socket
 * is unref'd, so it never keeps a finished command alive.
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
  open: number;
  dead: boolean;
}

type Callback = (err: Error | null, stream?: Duplex) => void;

export class SshDialAgent extends Agent {
  private readonly sessions: Session[] = [];

  constructor(
    private readonly target: SshTarget,
    opts: AgentOptions = {},
  ) {
    super(opts);
  }

  override createConnection(_options: unknown, callback: Callback): Duplex | undefined {
    const session = this.sessions.find((s) => !s.dead && s.open < MAX_CHANNELS) ?? this.newSession();
    // Counted before the session is ready, so a burst of requests spreads over sessions.
    session.open++;
    session.sock.ref();
    const release = () => {
      session.open--;
      if (session.open === 0) session.sock.unref();
    };
    session.ready.then(
      () => {
        session.client.exec('docker system dial-stdio', (err, stream) => {
          if (err) {
            release();
            return callback(err);
          }
          stream.once('close', release);
          callback(null, stream as unknown as Duplex);
        });
      },
      (err: Error) => {
        release();
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
    const session: Session = { client, sock, open: 0, dead: false, ready: Promise.resolve() };
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
