/**
 * Connects to the engine the way the Docker CLI does (DOCKER_HOST unix/tcp/ssh, else the
 * default socket), pings first, and turns the common failures into a LabError with the fix.
 */
import Docker from 'dockerode';
import { hintFor } from './engines/error-hints.js';
import { LabError } from './lab-error.js';

export const MIN_API_VERSION = '1.30'; // HostConfig.Init, PidsLimit, wait condition=next-exit
const DEFAULT_SOCKET = '/var/run/docker.sock';

export interface Connection {
  docker: Docker;
  endpoint: string;
  version: string;
  apiVersion: string;
}

export function engineEndpoint(env: NodeJS.ProcessEnv = process.env): string {
  return env.DOCKER_HOST && env.DOCKER_HOST.length > 0 ? env.DOCKER_HOST : `unix://${DEFAULT_SOCKET}`;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export function apiAtLeast(have: string, need: string): boolean {
  const [a1 = 0, a2 = 0] = have.split('.').map(Number);
  const [b1 = 0, b2 = 0] = need.split('.').map(Number);
  return a1 > b1 || (a1 === b1 && a2 >= b2);
}

/** Turns a connection failure into cause + fix. Exported so doctor and the app say the same. */
export function explainConnectError(err: unknown, endpoint: string): LabError {
  const code = (err as { code?: string } | null)?.code;
  const socket = endpoint.startsWith('unix://') ? endpoint.slice('unix://'.length) : null;
  if (code === 'EACCES' || code === 'EPERM') {
    return new LabError(
      `permission denied on the Docker socket ${socket ?? endpoint}`,
      'add your user to the docker group (sudo usermod -aG docker $USER), then log out and in again (or run: newgrp docker)',
      { cause: err },
    );
  }
  if (code === 'ENOENT' || code === 'ECONNREFUSED') {
    return new LabError(
      `no Docker engine answers at ${endpoint}`,
      'start Docker (Docker Desktop, or: sudo systemctl start docker; on Debian/Ubuntu as root: scripts/setup-docker.sh), or point DOCKER_HOST at a running engine',
      { cause: err },
    );
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND') {
    return new LabError(
      `the Docker engine at ${endpoint} did not answer (${code})`,
      'check that the engine is running and DOCKER_HOST is right; the slides work without it',
      { cause: err },
    );
  }
  const detail = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return new LabError(`cannot talk to the Docker engine at ${endpoint}: ${detail}`, 'check DOCKER_HOST and that the engine runs (docker version)', {
    cause: err,
  });
}

export async function connectDocker(opts: { timeoutMs?: number } = {}): Promise<Connection> {
  const endpoint = engineEndpoint();
  let docker: Docker;
  try {
    // With no options docker-modem reads DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH itself.
    docker = new Docker();
  } catch (err) {
    throw explainConnectError(err, endpoint);
  }
  const timeoutMs = opts.timeoutMs ?? 5000;
  let version: Docker.DockerVersion;
  try {
    await withTimeout(docker.ping(), timeoutMs, 'ping');
    version = await withTimeout(docker.version(), timeoutMs, 'version');
  } catch (err) {
    throw explainConnectError(err, endpoint);
  }
  if (!apiAtLeast(version.ApiVersion, MIN_API_VERSION)) {
    throw new LabError(
      `the Docker engine at ${endpoint} speaks API ${version.ApiVersion}, the lab needs ${MIN_API_VERSION} or newer`,
      'update Docker to version 17.06 or newer',
    );
  }
  return { docker, endpoint, version: version.Version, apiVersion: version.ApiVersion };
}

/** For failures after connecting: the engine died or refused something mid-run. */
export function explainEngineError(err: unknown, doing: string, endpoint = engineEndpoint()): LabError {
  if (err instanceof LabError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'ECONNREFUSED' || code === 'ENOENT' || code === 'ECONNRESET' || code === 'EPIPE') {
    return new LabError(`the Docker engine at ${endpoint} stopped answering while ${doing}`, 'start Docker again, then run the demo again', { cause: err });
  }
  const status = (err as { statusCode?: number } | null)?.statusCode;
  const raw = (err as { json?: { message?: string } } | null)?.json?.message ?? (err instanceof Error ? err.message : String(err));
  const detail = (raw.split('\n')[0] ?? '').replace(/^\(HTTP code \d+\)\s*/, '');
  const hint = hintFor(detail);
  if (hint) return new LabError(`${hint.what} (the engine refused ${doing}: ${detail})`, hint.fix, { cause: err });
  return new LabError(
    `the Docker engine refused ${doing}${status ? ` (HTTP ${status})` : ''}: ${detail}`,
    'run: zombie-lab doctor, which checks the engine, images and permissions one by one',
    { cause: err },
  );
}
