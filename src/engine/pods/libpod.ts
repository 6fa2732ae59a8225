/**
 * The few calls of Podman's own (libpod) API that pods need, made through dockerode's modem: the
 * same connection the rest of the lab uses (unix socket, TCP with TLS, ssh), its timeouts and its
 * errors, with no second HTTP client.
 */
import type Docker from 'dockerode';

interface DialOptions {
  path: string;
  method: 'GET' | 'POST' | 'DELETE';
  query?: Record<string, string | boolean | number>;
  body?: unknown;
  yaml?: string;
  statusCodes: Record<number, boolean | string>;
  signal?: AbortSignal;
}

/** docker-modem's instance, with the API version it was given (set at runtime, absent from its typings). */
type Modem = Docker['modem'] & { version?: string };

/** The libpod API version asked for: Podman 4.0's, which every call here has. */
const LIBPOD_VERSION = '/v4.0.0';

function dial<T>(docker: Docker, o: DialOptions): Promise<T> {
  const modem: Modem = docker.modem;
  return new Promise<T>((resolve, reject) => {
    const query = o.query ?? {};
    modem.dial(
      {
        // Podman 4.3 serves libpod paths only under a version (404 without); the modem adds its own when it has one.
        path: `${modem.version ? '' : LIBPOD_VERSION}${o.path}?`,
        method: o.method,
        // The modem builds the query from `_query` and sends `_body` as JSON, or the YAML as the body.
        options: o.yaml !== undefined ? query : { _query: query, ...(o.body !== undefined ? { _body: o.body } : {}) },
        ...(o.yaml !== undefined ? { file: Buffer.from(o.yaml), headers: { 'Content-Type': 'application/yaml' } } : {}),
        ...(o.method === 'POST' && o.body === undefined && o.yaml === undefined ? { allowEmpty: true } : {}),
        statusCodes: o.statusCodes,
        ...(o.signal ? { abortSignal: o.signal } : {}),
      },
      (err, data) => (err ? reject(err) : resolve(data as T)),
    );
  });
}

export interface PlayReport {
  Pods?: { ID: string; Containers?: string[]; InitContainers?: string[]; Logs?: string[]; ContainerErrors?: string[] }[];
}

/** `podman kube play` of one Pod document, its network none. Answers the pod's id and its containers' ids (infra not included). */
export function playKube(docker: Docker, yaml: string, signal?: AbortSignal): Promise<PlayReport> {
  return dial<PlayReport>(docker, {
    path: '/libpod/play/kube',
    method: 'POST',
    query: { network: 'none', start: true },
    yaml,
    statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
    ...(signal ? { signal } : {}),
  });
}

export interface PodInspect {
  Id: string;
  Name: string;
  InfraContainerID?: string;
  /** The namespaces its containers share: "pid" among them for shareProcessNamespace: true. */
  SharedNamespaces?: string[];
  Labels?: Record<string, string>;
  Containers?: { Id: string; Name: string; State: string }[];
}

export function inspectPod(docker: Docker, nameOrId: string): Promise<PodInspect> {
  return dial<PodInspect>(docker, { path: `/libpod/pods/${encodeURIComponent(nameOrId)}/json`, method: 'GET', statusCodes: { 200: true, 404: 'no such pod', 500: 'server error' } });
}

export interface PodListEntry {
  Id: string;
  Name: string;
  Labels?: Record<string, string>;
  Containers?: { Id: string; Names: string; Status: string }[];
}

/** The pods that carry this label (key, or key=value). */
export function listPods(docker: Docker, label: string): Promise<PodListEntry[]> {
  return dial<PodListEntry[]>(docker, {
    path: '/libpod/pods/json',
    method: 'GET',
    query: { filters: JSON.stringify({ label: [label] }) },
    statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
  }).then((r) => r ?? []);
}

/** Sets a running container's PID limit (kube play sets none: pids.max stays "max"). */
export function updatePidsLimit(docker: Docker, id: string, limit: number): Promise<unknown> {
  return dial(docker, {
    path: `/libpod/containers/${encodeURIComponent(id)}/update`,
    method: 'POST',
    body: { pids: { limit } },
    statusCodes: { 201: true, 200: true, 204: true, 400: 'bad parameter', 404: 'no such container', 500: 'server error' },
  });
}

/** Removes a pod and everything in it (containers, infra container); volumes of the pod's own with `force`. */
export function removePod(docker: Docker, nameOrId: string): Promise<unknown> {
  return dial(docker, {
    path: `/libpod/pods/${encodeURIComponent(nameOrId)}`,
    method: 'DELETE',
    query: { force: true },
    statusCodes: { 200: true, 404: 'no such pod', 500: 'server error' },
  });
}

/** Starts every container of a pod (its infra container first). */
export function startPod(docker: Docker, nameOrId: string): Promise<unknown> {
  return dial(docker, {
    path: `/libpod/pods/${encodeURIComponent(nameOrId)}/start`,
    method: 'POST',
    statusCodes: { 200: true, 304: true, 404: 'no such pod', 409: 'some containers did not start', 500: 'server error' },
  });
}

export interface LibpodContainerInspect {
  Id: string;
  Name: string;
  State: { Pid: number; ExitCode: number; Status: string; Running: boolean };
  HostConfig?: { PidsLimit?: number };
  IsInfra?: boolean;
}

export function inspectContainer(docker: Docker, id: string): Promise<LibpodContainerInspect> {
  return dial<LibpodContainerInspect>(docker, { path: `/libpod/containers/${encodeURIComponent(id)}/json`, method: 'GET', statusCodes: { 200: true, 404: 'no such container', 500: 'server error' } });
}
