/**
 * Which engine to talk to, decided the way the Docker CLI decides it (docker/cli
 * cli/command/cli.go resolveContextName, cli/context/store): DOCKER_HOST, then DOCKER_CONTEXT,
 * then `currentContext` in config.json, then the default socket. Where nothing was chosen and the
 * default socket does not answer, the well-known sockets of the desktop engines are tried.
 * Pure: the caller reads the files and the environment.
 */
import type { Lang } from './lang.js';
import { endpointFixText, type EndpointFix } from './problem-text.js';
import { createHash } from 'node:crypto';

export const DEFAULT_SOCKET = '/var/run/docker.sock';
export const DEFAULT_CONTEXT = 'default';

/** Why this endpoint: said next to it everywhere ("context colima", "DOCKER_HOST"). */
export type EndpointReason =
  | { kind: 'DOCKER_HOST' }
  | { kind: 'DOCKER_CONTEXT'; context: string }
  | { kind: 'current-context'; context: string; configFile: string }
  | { kind: 'default' }
  | { kind: 'well-known'; name: string };

export interface TlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

export interface Endpoint {
  /** As the Docker CLI writes it: unix:///path, tcp://host:port, ssh://user@host, npipe://… */
  host: string;
  reason: EndpointReason;
  /** TLS material (file paths): DOCKER_CERT_PATH with DOCKER_TLS_VERIFY, or a context's TLS store. */
  tls?: TlsFiles;
  /** Verify the server's certificate (DOCKER_TLS_VERIFY, or a context without SkipTLSVerify). */
  tlsVerify?: boolean;
}

/** Where the Docker CLI keeps its config: DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: Record<string, string | undefined>, home: string): string {
  return env.DOCKER_CONFIG && env.DOCKER_CONFIG !== '' ? env.DOCKER_CONFIG : `${home}/.docker`;
}

/** The context store keys a context by the SHA-256 of its name (contexts/meta/<digest>/meta.json). */
export function contextDigest(name: string): string {
  return createHash('sha256').update(name).digest('hex');
}

export type ContextChoice = { context: null; reason: { kind: 'DOCKER_HOST' } | { kind: 'default' } } | { context: string; reason: EndpointReason };

/** The Docker CLI's order: DOCKER_HOST wins (default context), then DOCKER_CONTEXT, then config.json's currentContext. */
export function chooseContext(env: Record<string, string | undefined>, currentContext: string | undefined, configFile: string): ContextChoice {
  if (env.DOCKER_HOST) return { context: null, reason: { kind: 'DOCKER_HOST' } };
  const fromEnv = env.DOCKER_CONTEXT;
  if (fromEnv && fromEnv !== DEFAULT_CONTEXT) return { context: fromEnv, reason: { kind: 'DOCKER_CONTEXT', context: fromEnv } };
  if (fromEnv === DEFAULT_CONTEXT) return { context: null, reason: { kind: 'default' } };
  if (currentContext && currentContext !== DEFAULT_CONTEXT) return { context: currentContext, reason: { kind: 'current-context', context: currentContext, configFile } };
  return { context: null, reason: { kind: 'default' } };
}

/** A context's meta.json, as `docker context create` writes it. */
export interface ContextMeta {
  name: string;
  host: string;
  skipTlsVerify: boolean;
}

export function parseContextMeta(text: string): ContextMeta | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'meta.json is not JSON' };
  }
  const m = raw as { Name?: unknown; Endpoints?: { docker?: { Host?: unknown; SkipTLSVerify?: unknown } } };
  const ep = m.Endpoints?.docker;
  if (typeof m.Name !== 'string') return { error: 'meta.json has no Name' };
  if (!ep || typeof ep.Host !== 'string' || ep.Host === '') return { error: `context ${m.Name} has no docker endpoint` };
  return { name: m.Name, host: ep.Host, skipTlsVerify: ep.SkipTLSVerify === true };
}

/** The endpoint of the default context: DOCKER_HOST (with DOCKER_TLS_VERIFY / DOCKER_CERT_PATH), else the default socket. */
export function defaultEndpoint(env: Record<string, string | undefined>, home: string): Endpoint {
  const host = env.DOCKER_HOST ? normaliseHost(env.DOCKER_HOST) : `unix://${DEFAULT_SOCKET}`;
  const reason: EndpointReason = env.DOCKER_HOST ? { kind: 'DOCKER_HOST' } : { kind: 'default' };
  // Like the Docker CLI: DOCKER_TLS_VERIFY (verify the server) or DOCKER_TLS (do not) turn TLS on,
  // with the certificates in DOCKER_CERT_PATH (default ~/.docker).
  if (env.DOCKER_HOST && (env.DOCKER_TLS_VERIFY || env.DOCKER_TLS) && !isSocketHost(host)) {
    const dir = env.DOCKER_CERT_PATH || dockerConfigDir(env, home);
    return { host, reason, tls: { ca: `${dir}/ca.pem`, cert: `${dir}/cert.pem`, key: `${dir}/key.pem` }, tlsVerify: Boolean(env.DOCKER_TLS_VERIFY) };
  }
  return { host, reason };
}

/** `host:2375` and `tcp://host:2375` alike (the CLI accepts both); the rest is left as written. */
export function normaliseHost(host: string): string {
  return host.includes('://') ? host : `tcp://${host}`;
}

export function isSocketHost(host: string): boolean {
  return host.startsWith('unix://') || host.startsWith('npipe://');
}

/**
 * How long a ping may go unanswered before the engine counts as hung. A socket on this machine
 * (Docker Desktop's too) answers in milliseconds, so one second of silence is a hang; an engine
 * over tcp:// or ssh:// is another machine, maybe a VM under emulation, whose pings take seconds
 * under load: there a hang is six seconds of silence. A refused connection is a loss at once either way.
 */
export function hungAfterMs(host: string): number {
  return isSocketHost(normaliseHost(host)) ? 1000 : 6000;
}

/**
 * Sockets of engines a learner may have, tried in this order when nothing was chosen and the
 * default socket does not answer. Each is where that product puts it by default.
 */
export function wellKnownSockets(env: Record<string, string | undefined>, home: string, uid: number | null): { name: string; path: string }[] {
  const runtimeDir = env.XDG_RUNTIME_DIR || (uid !== null ? `/run/user/${uid}` : null);
  const out = [
    { name: 'Docker Desktop', path: `${home}/.docker/run/docker.sock` },
    { name: 'Docker Desktop (Linux)', path: `${home}/.docker/desktop/docker.sock` },
    { name: 'Colima', path: `${home}/.colima/default/docker.sock` },
    { name: 'Colima', path: `${home}/.colima/docker.sock` },
    { name: 'Rancher Desktop', path: `${home}/.rd/docker.sock` },
    { name: 'OrbStack', path: `${home}/.orbstack/run/docker.sock` },
  ];
  if (runtimeDir) out.push({ name: 'rootless Docker', path: `${runtimeDir}/docker.sock` });
  out.push({ name: 'Podman', path: '/run/podman/podman.sock' });
  if (runtimeDir) out.push({ name: 'Podman (rootless)', path: `${runtimeDir}/podman/podman.sock` });
  return out;
}

/** Why that endpoint, per language: one table, as every other text the learner reads. */
const REASON_WORDS: Record<Lang, { context: (name: string) => string; fromEnv: string; currentIn: (file: string) => string; defaultSocket: string; wellKnown: (name: string) => string }> = {
  en: {
    context: (name) => `context ${name}`,
    fromEnv: 'from DOCKER_CONTEXT',
    currentIn: (file) => `the current one in ${file}`,
    defaultSocket: 'the default socket',
    wellKnown: (name) => `${name}'s socket: nothing was chosen and the default socket does not answer`,
  },
  de: {
    context: (name) => `Kontext ${name}`,
    fromEnv: 'aus DOCKER_CONTEXT',
    currentIn: (file) => `der aktuelle in ${file}`,
    defaultSocket: 'der Standard-Socket',
    wellKnown: (name) => `Socket von ${name}: nichts wurde gewählt, und der Standard-Socket antwortet nicht`,
  },
};

/** "unix:///var/run/docker.sock (the default socket)", "tcp://…:2376 (context colima)", in the learner's language. */
export function describeReason(reason: EndpointReason, lang: Lang = 'en'): string {
  const w = REASON_WORDS[lang];
  switch (reason.kind) {
    case 'DOCKER_HOST':
      return 'DOCKER_HOST';
    case 'DOCKER_CONTEXT':
      return `${w.context(reason.context)}, ${w.fromEnv}`;
    case 'current-context':
      return `${w.context(reason.context)}, ${w.currentIn(reason.configFile)}`;
    case 'default':
      return w.defaultSocket;
    case 'well-known':
      return w.wellKnown(reason.name);
  }
}

export function describeEndpoint(ep: Endpoint, lang: Lang = 'en'): string {
  return `${ep.host} (${describeReason(ep.reason, lang)}${ep.tls ? ', TLS' : ''})`;
}

/** Which fix applies when the endpoint does not answer (worded in core/problem-text.ts). */
export function endpointFixKey(ep: Endpoint): EndpointFix {
  switch (ep.reason.kind) {
    case 'DOCKER_HOST':
      return { kind: 'DOCKER_HOST' };
    case 'DOCKER_CONTEXT':
    case 'current-context':
      return { kind: 'context', context: ep.reason.context };
    default:
      return { kind: 'default' };
  }
}

/** How to point the lab elsewhere, phrased for the way this endpoint was chosen (English, for the CLI). */
export function endpointFix(ep: Endpoint): string {
  return endpointFixText('en', endpointFixKey(ep));
}

/** dockerode / docker-modem options for an endpoint; TLS material is passed in as read. */
export type ModemOptions =
  | { socketPath: string }
  | { protocol: 'http' | 'https'; host: string; port: number; ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer; rejectUnauthorized?: boolean }
  | { protocol: 'ssh'; host: string; port: number; username?: string; sshOptions: { agent?: string } };

export function modemOptions(ep: Endpoint, tlsData: { ca?: Buffer; cert?: Buffer; key?: Buffer } = {}, env: Record<string, string | undefined> = {}): ModemOptions {
  if (ep.host.startsWith('unix://')) return { socketPath: ep.host.slice('unix://'.length) || DEFAULT_SOCKET };
  if (ep.host.startsWith('npipe://')) return { socketPath: ep.host.slice('npipe://'.length) || '//./pipe/docker_engine' };
  const url = new URL(ep.host);
  if (url.protocol === 'ssh:') {
    return {
      protocol: 'ssh',
      host: url.hostname,
      port: url.port ? Number(url.port) : 22,
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      sshOptions: env.SSH_AUTH_SOCK ? { agent: env.SSH_AUTH_SOCK } : {},
    };
  }
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') throw new RangeError(`unsupported engine address ${ep.host} (use unix://, tcp:// or ssh://)`);
  // The CLI uses TLS whenever it has TLS material or was told to verify; port 2376 is TLS by convention.
  const tls = ep.tls !== undefined || ep.tlsVerify === true || url.port === '2376' || url.protocol === 'https:';
  const port = url.port ? Number(url.port) : tls ? 2376 : 2375;
  if (!tls) return { protocol: 'http', host: url.hostname, port };
  return {
    protocol: 'https',
    host: url.hostname,
    port,
    ...(tlsData.ca ? { ca: tlsData.ca } : {}),
    ...(tlsData.cert ? { cert: tlsData.cert } : {}),
    ...(tlsData.key ? { key: tlsData.key } : {}),
    ...(ep.tlsVerify === false ? { rejectUnauthorized: false } : {}),
  };
}
