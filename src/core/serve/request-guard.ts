/**
 * Who may talk to `zombie-lab serve`: pure checks of one request's method, path, Host, Origin and
 * token, so the server (engine/serve/http-server.ts) only routes what passed. The lab's only
 * actions are run and stop of its own demo, and even those are refused to a page of another site.
 */

export interface GuardPolicy {
  /** The `host:port` spellings a browser may put in Host (loopback names, or the bound host). */
  hosts: ReadonlySet<string>;
  /** Required on every request when the server listens beyond loopback; null on loopback. */
  token: string | null;
  /** Longest request target accepted (path and query). */
  maxUrlLength: number;
}

export interface RequestFacts {
  method: string;
  /** The request target as sent (`/lanes?token=…`). */
  url: string;
  host: string | undefined;
  origin: string | undefined;
}

export type Route = 'deck' | 'lanes' | 'events' | 'run' | 'stop' | 'asset';

export type Verdict = { ok: true; route: Route; path: string; query: URLSearchParams } | { ok: false; status: number; reason: string };

const GET_ROUTES: Record<string, Route> = { '/': 'deck', '/lanes': 'lanes', '/events': 'events' };
const POST_ROUTES: Record<string, Route> = { '/run': 'run', '/stop': 'stop' };

/**
 * The Host spellings of a server on `port` known by `names` (the bound address, or for 0.0.0.0 the
 * machine's addresses and name): loopback is reachable as 127.0.0.1, localhost and [::1].
 */
export function allowedHosts(names: string[], port: number): Set<string> {
  const all = new Set(names.map((n) => (n.includes(':') ? `[${n}]` : n)));
  if (names.some(isLoopback)) for (const n of ['127.0.0.1', 'localhost', '[::1]']) all.add(n);
  return new Set([...all].map((n) => `${n}:${port}`.toLowerCase()));
}

/** 0.0.0.0 and :: listen on every address of the machine. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Compares without stopping at the first difference, so timing tells nothing about the token. */
export function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export function checkRequest(req: RequestFacts, policy: GuardPolicy): Verdict {
  if (req.url.length > policy.maxUrlLength) return { ok: false, status: 414, reason: `request target longer than ${policy.maxUrlLength} characters` };
  const host = (req.host ?? '').toLowerCase();
  // DNS rebinding: a page of evil.example whose name now points here still sends Host: evil.example.
  if (!policy.hosts.has(host)) return { ok: false, status: 421, reason: `Host "${clip(req.host ?? '(none)')}" is not this server (expected ${[...policy.hosts].join(' or ')})` };
  let url: URL;
  try {
    url = new URL(req.url, `http://${host}`);
  } catch {
    return { ok: false, status: 400, reason: 'request target is not a URL path' };
  }
  if (policy.token !== null && !sameSecret(url.searchParams.get('token') ?? '', policy.token)) {
    return { ok: false, status: 403, reason: 'missing or wrong token (use the URL serve printed)' };
  }
  // A browser names the page that sent a request; only our own pages may act or listen. Tools
  // such as curl send no Origin and are not a page of another site.
  if (req.origin !== undefined && !policy.hosts.has(originHost(req.origin))) {
    return { ok: false, status: 403, reason: `Origin "${clip(req.origin)}" is not this server` };
  }
  const path = url.pathname;
  if (req.method === 'GET' || req.method === 'HEAD') {
    const route = GET_ROUTES[path] ?? (/^\/assets\/[a-z0-9.-]+$/.test(path) ? 'asset' : undefined);
    if (route) return { ok: true, route, path, query: url.searchParams };
    return { ok: false, status: POST_ROUTES[path] ? 405 : 404, reason: POST_ROUTES[path] ? `${path} takes POST` : `no page ${clip(path)}` };
  }
  if (req.method === 'POST') {
    const route = POST_ROUTES[path];
    if (route) return { ok: true, route, path, query: url.searchParams };
    return { ok: false, status: GET_ROUTES[path] ? 405 : 404, reason: GET_ROUTES[path] ? `${path} takes GET` : `no action ${clip(path)}` };
  }
  return { ok: false, status: 405, reason: `method ${clip(req.method)} is not used here` };
}

/** `http://127.0.0.1:8080` → `127.0.0.1:8080`; anything else (`null`, another scheme) matches no host. */
function originHost(origin: string): string {
  const m = /^http:\/\/([^/]+)$/i.exec(origin);
  return m?.[1]?.toLowerCase() ?? '';
}

/** For log lines: what a client sent, never more than a line's worth, without control characters. */
export function clip(s: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
