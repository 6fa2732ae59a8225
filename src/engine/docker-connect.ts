/**
 * Connects to the engine the Docker CLI would use (see core/engine-endpoint.ts for the order:
 * DOCKER_HOST, DOCKER_CONTEXT, config.json's current context, the default socket, then the
 * well-known sockets of the desktop engines), pings first, and turns the common failures into a
 * LabError with the fix. Every command names the endpoint and why it was chosen.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import {
  chooseContext,
  contextDigest,
  defaultEndpoint,
  describeEndpoint,
  dockerConfigDir,
  endpointFix,
  endpointFixKey,
  isSocketHost,
  modemOptions,
  parseContextMeta,
  wellKnownSockets,
  type Endpoint,
} from '../core/engine-endpoint.js';
import { hintFor } from '../core/engine-error-hints.js';
import type { Doing } from '../core/problem-text.js';
import { LabError } from './lab-error.js';
import type { SshTarget } from './ssh-agent.js';
import { withTimeout } from './timeout.js';

export const MIN_API_VERSION = '1.30'; // HostConfig.Init, PidsLimit, wait condition=next-exit

export interface Connection {
  docker: Docker;
  /** The address, as the Docker CLI writes it (unix:///…, tcp://…, ssh://…). */
  endpoint: string;
  /** How it was found, with the reason: "unix:///… (context colima, from DOCKER_CONTEXT)". */
  described: string;
  found: Endpoint;
  version: string;
  apiVersion: string;
}

interface Where {
  env: NodeJS.ProcessEnv;
  home: string;
}

const here = (): Where => ({ env: process.env, home: process.env.HOME || homedir() });

function readCurrentContext(configFile: string): string | undefined {
  try {
    const cfg = JSON.parse(readFileSync(configFile, 'utf8')) as { currentContext?: unknown };
    return typeof cfg.currentContext === 'string' ? cfg.currentContext : undefined;
  } catch {
    return undefined; // no config.json, or one the CLI would also warn about and ignore
  }
}

/** The endpoint the Docker CLI would use here, read from the environment and the context store. */
export function resolveEndpoint(where: Where = here()): Endpoint {
  const configDir = dockerConfigDir(where.env, where.home);
  const configFile = path.join(configDir, 'config.json');
  const choice = chooseContext(where.env, readCurrentContext(configFile), configFile);
  if (choice.context === null) return defaultEndpoint(where.env, where.home);
  const name = choice.context;
  const digest = contextDigest(name);
  const metaFile = path.join(configDir, 'contexts', 'meta', digest, 'meta.json');
  let text: string;
  try {
    text = readFileSync(metaFile, 'utf8');
  } catch {
    const from = choice.reason.kind === 'DOCKER_CONTEXT' ? 'DOCKER_CONTEXT' : configFile;
    throw new LabError(
      `the docker context "${name}" (from ${from}) does not exist in ${path.join(configDir, 'contexts')}`,
      `list the contexts with: docker context ls; then docker context use NAME (or unset DOCKER_CONTEXT)`,
    );
  }
  const meta = parseContextMeta(text);
  if ('error' in meta) throw new LabError(`the docker context "${name}" cannot be read: ${meta.error} (${metaFile})`, `recreate it: docker context rm ${name}; docker context create ${name} --docker host=…`);
  const tlsDir = path.join(configDir, 'contexts', 'tls', digest, 'docker');
  const ep: Endpoint = { host: meta.host, reason: choice.reason };
  if (!isSocketHost(meta.host)) {
    const files = { ca: path.join(tlsDir, 'ca.pem'), cert: path.join(tlsDir, 'cert.pem'), key: path.join(tlsDir, 'key.pem') };
    const present = Object.fromEntries(Object.entries(files).filter(([, f]) => existsSync(f)));
    if (Object.keys(present).length > 0) ep.tls = present;
    ep.tlsVerify = !meta.skipTlsVerify;
    if (!ep.tls && !meta.skipTlsVerify) delete ep.tlsVerify; // plain tcp:// context
  }
  return ep;
}

/** A key file for ssh:// where no agent runs: ZOMBIE_LAB_SSH_KEY, else the usual unencrypted ones in ~/.ssh. */
function sshKey(env: NodeJS.ProcessEnv): Buffer | null {
  const home = env.HOME || homedir();
  const files = env.ZOMBIE_LAB_SSH_KEY ? [env.ZOMBIE_LAB_SSH_KEY] : env.SSH_AUTH_SOCK ? [] : ['id_ed25519', 'id_ecdsa', 'id_rsa'].map((f) => path.join(home, '.ssh', f));
  for (const f of files) {
    try {
      return readFileSync(f);
    } catch {
      // not there: the next
    }
  }
  return null;
}

function readTls(ep: Endpoint): { ca?: Buffer; cert?: Buffer; key?: Buffer } {
  const out: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {};
  for (const k of ['ca', 'cert', 'key'] as const) {
    const file = ep.tls?.[k];
    if (!file) continue;
    try {
      out[k] = readFileSync(file);
    } catch (err) {
      throw new LabError(
        `cannot read the TLS file ${file} for ${describeEndpoint(ep)}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
        ep.reason.kind === 'DOCKER_HOST' ? 'set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY' : 'recreate the context with its TLS files (docker context create … --docker host=…,ca=…,cert=…,key=…)',
      );
    }
  }
  return out;
}

/** A dockerode client for an endpoint, with options passed explicitly (docker-modem reads no environment then). */
export async function clientFor(ep: Endpoint, env: NodeJS.ProcessEnv = process.env): Promise<Docker> {
  try {
    const opts = modemOptions(ep, readTls(ep), env);
    if ('protocol' in opts && opts.protocol === 'ssh') {
      // Loaded only for ssh://: ssh2 is large, and most engines are a socket away.
      const { SshDialAgent } = await import('./ssh-agent.js');
      const target: SshTarget = { host: opts.host, port: opts.port, ...(opts.username ? { username: opts.username } : {}), ...(opts.sshOptions.agent ? { agent: opts.sshOptions.agent } : {}) };
      const key = sshKey(env);
      if (key) target.privateKey = key;
      // The host and port only shape the request URL: every byte goes through the SSH session.
      return new Docker({ protocol: 'http', host: 'localhost', port: 80, agent: new SshDialAgent(target) } as Docker.DockerOptions);
    }
    return new Docker(opts as Docker.DockerOptions);
  } catch (err) {
    if (err instanceof LabError) throw err;
    throw new LabError(`cannot use the engine address ${ep.host}: ${err instanceof Error ? err.message : String(err)}`, endpointFix(ep));
  }
}

export function apiAtLeast(have: string, need: string): boolean {
  const [a1 = 0, a2 = 0] = have.split('.').map(Number);
  const [b1 = 0, b2 = 0] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** Turns a connection failure into cause + fix. Exported so doctor and the app say the same. */
export function explainConnectError(err: unknown, ep: Endpoint | string): LabError {
  if (err instanceof LabError) return err;
  const endpoint: Endpoint = typeof ep === 'string' ? { host: ep, reason: { kind: 'default' } } : ep;
  const shown = typeof ep === 'string' ? ep : describeEndpoint(endpoint);
  const code = (err as { code?: string } | null)?.code;
  const socket = endpoint.host.startsWith('unix://') ? endpoint.host.slice('unix://'.length) : null;
  if (code === 'EACCES' || code === 'EPERM') {
    return LabError.of({ id: 'socket-permission', socket: socket ?? endpoint.host }, { cause: err });
  }
  if (code === 'ENOENT' || code === 'ECONNREFUSED') {
    return LabError.of({ id: 'no-engine', shown, fix: endpointFixKey(endpoint) }, { cause: err });
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND') {
    return LabError.of({ id: 'engine-timeout', shown, code, fix: endpointFixKey(endpoint) }, { cause: err });
  }
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  if (/HTTP request to an HTTPS server/i.test(detail ?? '')) {
    return new LabError(`the engine at ${shown} speaks TLS, but no TLS was asked for`, 'set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem (or use a docker context with TLS)', { cause: err });
  }
  if (/certificate|self[- ]signed|SSL|TLS/i.test(detail ?? '')) {
    return new LabError(`the TLS handshake with ${shown} failed: ${detail}`, 'check the certificates (DOCKER_CERT_PATH, or the context\'s ca/cert/key) belong to that engine', { cause: err });
  }
  return LabError.of({ id: 'engine-talk', shown, detail: detail ?? '', fix: endpointFixKey(endpoint) }, { cause: err });
}

/** The endpoint of the last successful connection, for messages about failures later in a run. */
let connected: Connection | null = null;

async function ping(ep: Endpoint, timeoutMs: number): Promise<Connection> {
  const docker = await clientFor(ep);
  await withTimeout(docker.ping(), timeoutMs, `ping ${ep.host}`);
  const version = await withTimeout(docker.version(), timeoutMs, `version ${ep.host}`);
  return { docker, endpoint: ep.host, described: describeEndpoint(ep), found: ep, version: version.Version, apiVersion: version.ApiVersion };
}

/** Is there a socket file here at all (so a fallback that cannot answer costs no connect attempt)? */
function isSocketFile(file: string): boolean {
  try {
    return statSync(file).isSocket();
  } catch {
    return false;
  }
}

export async function connectDocker(opts: { timeoutMs?: number; where?: Where } = {}): Promise<Connection> {
  const where = opts.where ?? here();
  const ep = resolveEndpoint(where);
  const timeoutMs = opts.timeoutMs ?? 5000;
  let conn: Connection;
  try {
    conn = await ping(ep, timeoutMs);
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    // Nothing was chosen and the default socket is not there: look where the desktop engines put theirs.
    if (ep.reason.kind !== 'default' || (code !== 'ENOENT' && code !== 'ECONNREFUSED')) throw explainConnectError(err, ep);
    const candidates = wellKnownSockets(where.env, where.home, process.getuid?.() ?? null).filter((c) => isSocketFile(c.path));
    let found: Connection | null = null;
    for (const c of candidates) {
      try {
        found = await ping({ host: `unix://${c.path}`, reason: { kind: 'well-known', name: c.name } }, timeoutMs);
        break;
      } catch {
        // that one does not answer either: try the next
      }
    }
    if (!found) {
      const e = explainConnectError(err, ep);
      if (candidates.length === 0) throw e;
      throw new LabError(`${e.problem.message}, nor at ${candidates.map((c) => `${c.path} (${c.name})`).join(', ')}`, e.problem.fix, { cause: err });
    }
    conn = found;
  }
  if (!apiAtLeast(conn.apiVersion, MIN_API_VERSION)) {
    throw LabError.of({ id: 'api-too-old', shown: conn.described, api: conn.apiVersion, min: MIN_API_VERSION });
  }
  connected = conn;
  return conn;
}

/** For failures after connecting: the engine died or refused something mid-run. */
export function explainEngineError(err: unknown, doing: Doing, endpoint = connected?.described ?? 'the engine'): LabError {
  if (err instanceof LabError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ECONNRESET' || code === 'EPIPE') {
    return LabError.of({ id: 'engine-gone', endpoint, doing }, { cause: err });
  }
  const status = (err as { statusCode?: number } | null)?.statusCode;
  const raw = (err as { json?: { message?: string } } | null)?.json?.message ?? (err instanceof Error ? err.message : String(err));
  const detail = (raw.split('\n')[0] ?? '').replace(/^\(HTTP code \d+\)\s*/, '');
  const hint = hintFor(detail);
  if (hint) return LabError.of({ id: 'engine-refused-known', hint: hint.id, install: hint.install, doing, detail }, { cause: err });
  return LabError.of({ id: 'engine-refused', doing, status: status ?? null, detail }, { cause: err });
}
