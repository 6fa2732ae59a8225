/**
 * `zombie-lab serve`'s HTTP server (node:http, server-sent events): the deck, the lanes page,
 * the run's events and the two actions, run and stop. Every request is checked first
 * (core/serve/request-guard.ts); a bad one gets a 4xx and one line in the log, never a crash.
 */
import { createReadStream } from 'node:fs';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { allowedHosts, checkRequest, clip, isWildcard, type GuardPolicy } from '../../core/serve/request-guard.js';
import { deckPage } from '../../core/serve/deck-page.js';
import { lanesPage } from '../../core/serve/lanes-page.js';
import { withToken } from '../../core/serve/html.js';
import type { Lang } from '../../core/lang.js';
import type { Deck } from '../../core/slides/types.js';
import type { Asset } from './assets.js';
import type { HubMessage, RunHub } from './run-hub.js';

export interface ServerOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  token: string | null;
  lang: Lang;
  decks: Record<Lang, Deck>;
  hub: RunHub;
  assets: Record<string, Asset>;
  /** One line per refused request or failure. */
  log: (line: string) => void;
  /** Event-stream viewers at once (a classroom, with room to spare). */
  maxViewers?: number;
  /** Largest request body accepted (the actions take none). */
  maxBodyBytes?: number;
}

export interface RunningServer {
  /** The URL to open, with the token when one is needed. */
  url: string;
  port: number;
  close(): Promise<void>;
}

const KEEPALIVE_MS = 15_000;

const BASE_CSP = "default-src 'self'; img-src 'self' data:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'";

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const maxViewers = o.maxViewers ?? 200;
  const maxBody = o.maxBodyBytes ?? 1024;
  const viewers = new Set<http.ServerResponse>();
  let policy: GuardPolicy = { hosts: new Set(), token: o.token, maxUrlLength: 2048 };

  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, status: number, reason: string) => {
    o.log(`serve: ${status} ${clip(req.method ?? '?')} ${clip((req.url ?? '').replace(/token=[^&]*/, 'token=…'))} from ${req.socket.remoteAddress ?? '?'}: ${reason}`);
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
    res.end(`${status}: ${reason}\n`);
  };

  const page = (res: http.ServerResponse, html: string, frameAncestors: string) => {
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // reveal.js's speaker view writes its own inline script into the window it opens.
      'Content-Security-Policy': `${BASE_CSP}; script-src 'self' 'unsafe-inline'; frame-src 'self'; frame-ancestors ${frameAncestors}`,
      'X-Content-Type-Options': 'nosniff',
      // The token is in our URLs: it must not travel to links the slides point to.
      'Referrer-Policy': 'no-referrer',
    });
    res.end(html);
  };

  const events = (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (viewers.size >= maxViewers) return refuse(req, res, 503, `already ${maxViewers} viewers; try again later`);
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Accel-Buffering': 'no', 'Referrer-Policy': 'no-referrer' });
    res.socket?.setNoDelay(true);
    res.write('retry: 1000\n\n');
    viewers.add(res);
    const send = (m: HubMessage) => {
      // A viewer that stops reading (a sleeping laptop) is let go rather than buffered without end.
      if (res.writableLength > 4 * 1024 * 1024) return void res.destroy();
      res.write(m.kind === 'run' ? `event: run\ndata: ${m.data}\n\n` : `data: ${m.data}\n\n`);
    };
    const leave = o.hub.join(send);
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    res.on('close', () => {
      clearInterval(keepalive);
      leave();
      viewers.delete(res);
    });
  };

  const action = (req: http.IncomingMessage, res: http.ServerResponse, route: 'run' | 'stop') => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) return refuse(req, res, 413, `request body over ${maxBody} bytes`);
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody && !refused) {
        refused = true;
        refuse(req, res, 413, `request body over ${maxBody} bytes`);
      }
    });
    req.on('end', () => {
      if (refused) return;
      const result = route === 'run' ? o.hub.start() : o.hub.stop();
      const status = result === 'busy' || result === 'follows' ? 409 : 200;
      if (result === 'busy') o.log('serve: 409 POST /run: a run is going; stop it first');
      if (result === 'follows') o.log(`serve: 409 POST /${route}: serve follows the terminal app; run and stop there (r, s)`);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(`${JSON.stringify({ result })}\n`);
    });
  };

  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const v = checkRequest({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host, origin: req.headers.origin }, policy);
    if (!v.ok) return refuse(req, res, v.status, v.reason);
    const lang = v.query.get('lang') === 'de' ? 'de' : v.query.get('lang') === 'en' ? 'en' : o.lang;
    switch (v.route) {
      case 'deck':
        return page(res, deckPage(o.decks[lang], o.token), "'self'");
      case 'lanes':
        // Made to be embedded: any deck may frame it (run and stop still answer only its own page).
        return page(res, lanesPage({ lang, token: o.token, reveal: v.query.get('reveal') === '1', embedded: v.query.get('embed') === '1' }), '*');
      case 'events':
        return events(req, res);
      case 'run':
      case 'stop':
        return action(req, res, v.route);
      case 'asset': {
        const a = o.assets[v.path.slice('/assets/'.length)];
        if (!a) return refuse(req, res, 404, `no asset ${clip(v.path)}`);
        const stream = createReadStream(a.file);
        stream.once('open', () => {
          res.writeHead(200, { 'Content-Type': a.type, 'Cache-Control': 'max-age=300', 'X-Content-Type-Options': 'nosniff' });
          stream.pipe(res);
        });
        stream.once('error', (err) => refuse(req, res, 500, `cannot read ${a.file}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
        return;
      }
    }
  };

  const server = http.createServer({ maxHeaderSize: 8192, requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000 }, (req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      refuse(req, res, 500, `internal error: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
  });
  // Connections at once: the viewers, their page loads, and a margin; beyond it the kernel queues.
  server.maxConnections = maxViewers + 64;
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    o.log(`serve: ${status} from ${socket.remoteAddress ?? '?'}: ${err.code ?? 'bad request'}`);
    if (socket.writable) socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const names = isWildcard(o.host) ? machineNames() : [o.host];
  policy = { ...policy, hosts: allowedHosts(names, port) };
  // For 0.0.0.0 the URL names an address others can reach (the first that is not loopback).
  const first = isWildcard(o.host) ? (names.find((n) => !n.startsWith('127.') && n !== '::1' && !n.includes(':')) ?? '127.0.0.1') : o.host;
  const shown = first.includes(':') ? `[${first}]` : first;
  return {
    url: `http://${shown}:${port}${withToken('/', o.token)}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const v of viewers) v.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Every address of this machine, and its name: how a classroom's browsers may spell our Host. */
function machineNames(): string[] {
  const addrs = Object.values(networkInterfaces()).flatMap((l) => (l ?? []).map((a) => a.address));
  return [...addrs, hostname(), 'localhost'];
}
