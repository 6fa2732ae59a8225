/**
 * `ssh://user@host` engines, as the Docker CLI reaches them: an SSH session per connection that
 * runs `docker system dial-stdio` on the far side and carries the API over its stdio. Our own
 * http.Agent, so docker-modem needs no ssh:// URL (its url.parse of one prints a Node
 * deprecation warning on every request).
 */
import { Agent, type AgentOptions } from 'node:http';
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

export class SshDialAgent extends Agent {
  constructor(
    private readonly target: SshTarget,
    opts: AgentOptions = {},
  ) {
    super(opts);
  }

  override createConnection(_options: unknown, callback: (err: Error | null, stream?: Duplex) => void): Duplex | undefined {
    const conn = new Client();
    const fail = (err: Error) => {
      conn.end();
      callback(err);
    };
    conn
      .once('ready', () => {
        conn.exec('docker system dial-stdio', (err, stream) => {
          if (err) return fail(err);
          stream.once('close', () => conn.end());
          callback(null, stream as unknown as Duplex);
        });
      })
      .once('error', fail);
    const cfg: ConnectConfig = { host: this.target.host, port: this.target.port, readyTimeout: 10_000 };
    if (this.target.username) cfg.username = this.target.username;
    if (this.target.agent) cfg.agent = this.target.agent;
    if (this.target.privateKey) cfg.privateKey = this.target.privateKey;
    conn.connect(cfg);
    return undefined;
  }
}
