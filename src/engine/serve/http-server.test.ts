/**
 * serve's HTTP server on loopback with a scripted run (no engine): what it serves, what it
 * refuses and how (plain HTTP requests, as an attacker's page or tool would send them), and the
 * event stream checked against docs/serve-events.schema.json.
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventSource } from '../../core/event-source.js';
import type { RunEvent } from '../../core/run-events.js';
import type { Lang } from '../../core/lang.js';
import type { Deck } from '../../core/slides/types.js';
import { readEvents, type SseMessage } from './event-reader.js';
import { scriptedSource } from '../../test-support/scripted-source.js';
import { waitFor } from '../../test-support/docker-for-tests.js';
import { PACKAGE_ROOT, RECORDINGS_DIR } from '../package-paths.js';
import { loadRecording, newestRecording } from '../replay-source.js';
import { BUNDLED_SLIDES_ROOT, loadDeck } from '../slides-loader.js';
import { serveAssets } from './assets.js';
import { startServer, type RunningServer } from './http-server.js';
import { RunHub } from './run-hub.js';

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
const validate = ajv.compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'docs', 'serve-events.schema.json'), 'utf8')) as object);
function expectValid(messages: SseMessage[]): void {
  for (const m of messages) {
    const ok = validate(m.data);
    expect(ok, `${JSON.stringify(m.data).slice(0, 200)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    expect(m.event === 'run').toBe(!('type' in (m.data as object)));
  }
}

const sample = (mode: 'no-init' | 'dumb-init' | 'init', t: number, zombies: number): RunEvent => ({
  type: 'sample',
  mode,
  sample: { t, zombies, live: 2, pidsUsed: zombies + 2, pidsLimit: 256, forkFailures: 0, costUs: 100 },
  tree: [{ pid: 1, ppid: 0, comm: 'python3', state: 'S' }],
});
const SCRIPT: RunEvent[] = [
  { type: 'source', source: 'cgroup', detail: 'test' },
  { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 1 } },
  { type: 'pid1', mode: 'no-init', name: 'python3' },
  sample('no-init', 100, 1),
  sample('dumb-init', 100, 0),
  sample('no-init', 200, 2),
];
const ON_STOP: RunEvent[] = [
  { type: 'lane', mode: 'no-init', state: { kind: 'stopping', since: 1, deadline: 10_001, timeoutS: 10 } },
  { type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 10_000, exitCode: 137 } },
  { type: 'lane', mode: 'dumb-init', state: { kind: 'stopped', stopMs: 60, exitCode: 143 } },
];

let decks: Record<Lang, Deck> | null = null;
const open: RunningServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function serve(opts: { token?: string | null; maxViewers?: number; source?: EventSource } = {}) {
  decks ??= { de: await loadDeck(BUNDLED_SLIDES_ROOT, 'de'), en: await loadDeck(BUNDLED_SLIDES_ROOT, 'en') };
  const log: string[] = [];
  const hub = new RunHub(opts.source ?? scriptedSource(SCRIPT, ON_STOP), 'live');
  const server = await startServer({
    host: '127.0.0.1',
    port: 0,
    token: opts.token ?? null,
    lang: 'en',
    decks,
    hub,
    assets: serveAssets(),
    log: (l) => log.push(l),
    ...(opts.maxViewers ? { maxViewers: opts.maxViewers } : {}),
  });
  open.push(server);
  const base = `http://127.0.0.1:${server.port}`;
  return { server, hub, log, base };
}

/** A request exactly as given (Host and all), which fetch would not let us forge. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('end', () => resolve(out));
    s.on('close', () => resolve(out));
    s.on('error', reject);
  });
}

describe('serve: pages and assets', () => {
  it('serves the deck, the lanes page and every asset the pages name, from the package alone', async () => {
    const { base, log } = await serve();
    const deck = await fetch(`${base}/`);
    expect(deck.status).toBe(200);
    expect(deck.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(deck.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await deck.text();
    expect(html.match(/<section[ >]/g)?.length).toBe(decks?.en.slides.length);
    const lanes = await fetch(`${base}/lanes?lang=de`);
    expect(lanes.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const lanesHtml = await lanes.text();
    expect(lanesHtml).toContain('data-action="run">starten<');
    const assets = new Set([...`${html}${lanesHtml}`.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]));
    expect(assets.size).toBe(10);
    for (const a of assets) {
      const r = await fetch(`${base}${a}`);
      expect(r.status, a).toBe(200);
      expect((await r.arrayBuffer()).byteLength, a).toBeGreaterThan(500);
    }
    // No page loads anything from a network (the slides' links to sources may point there).
    expect(`${html}${lanesHtml}`).not.toMatch(/src="https?:|<link[^>]*href="https?:/);
    expect(log).toEqual([]);
  });
});

describe('serve: refused requests', () => {
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, with a 4xx and one log line each, and starts nothing', async () => {
    const { base, server, hub, log } = await serve();
    expect(await raw(server.port, 'GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n')).toMatch(/^HTTP\/1.1 421/);
    const post = await fetch(`${base}/run`, { method: 'POST', headers: { Origin: 'http://evil.example' } });
    expect(post.status).toBe(403);
    const listen = await fetch(`${base}/events`, { headers: { Origin: 'http://evil.example' } });
    expect(listen.status).toBe(403);
    expect(hub.phase).toBe('idle');
    expect(log).toHaveLength(3);
    expect(log[0]).toMatch(/^serve: 421 GET \/ from 127\.0\.0\.1: Host "evil.example" is not this server/);
    expect(log[1]).toMatch(/^serve: 403 POST \/run .*Origin "http:\/\/evil.example"/);
  });

  it('with a token, refuses every request without it and serves those with it', async () => {
    const { base, log } = await serve({ token: 'T0K-en' });
    for (const p of ['/', '/lanes', '/events', '/assets/lanes.js']) expect((await fetch(`${base}${p}`)).status, p).toBe(403);
    expect((await fetch(`${base}/run`, { method: 'POST' })).status).toBe(403);
    expect((await fetch(`${base}/?token=wrong`)).status).toBe(403);
    const page = await fetch(`${base}/lanes?token=T0K-en`);
    expect(page.status).toBe(200);
    // Every URL the page uses carries the token, so the page works.
    for (const m of (await page.text()).matchAll(/(?:src|href)="(\/[^"]+)"/g)) expect((await fetch(`${base}${m[1]?.replace(/&amp;/g, '&')}`)).status).toBe(200);
    expect(log.every((l) => l.includes('token=…') || !l.includes('token='))).toBe(true);
  });

  it('refuses oversized requests, unknown paths and methods, and garbage, and keeps serving', async () => {
    const { base, server, hub } = await serve();
    expect((await fetch(`${base}/run`, { method: 'POST', body: 'x'.repeat(5000) })).status).toBe(413);
    expect(hub.phase).toBe('idle');
    expect((await fetch(`${base}/?${'a'.repeat(3000)}`)).status).toBe(414);
    expect(await raw(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`)).toMatch(/^HTTP\/1.1 431/);
    expect(await raw(server.port, 'NONSENSE\r\n\r\n')).toMatch(/^HTTP\/1.1 400/);
    expect((await fetch(`${base}/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${base}/assets/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${base}/assets/nothing.js`)).status).toBe(404);
    expect((await fetch(`${base}/run`)).status).toBe(405);
    expect((await fetch(`${base}/`, { method: 'PUT' })).status).toBe(405);
    expect((await fetch(`${base}/`)).status).toBe(200);
  });

  it('lets only so many viewers listen at once', async () => {
    const { base } = await serve({ maxViewers: 2 });
    const a = readEvents(`${base}/events`);
    const b = readEvents(`${base}/events`);
    expect([await a.status, await b.status]).toEqual([200, 200]);
    expect((await fetch(`${base}/events`)).status).toBe(503);
    a.close();
    await waitFor(async () => ((await fetch(`${base}/lanes`)).ok && readEvents(`${base}/events`).status.then((s) => (s === 200 ? true : undefined))) || undefined, 5000, 'a freed viewer place');
    b.close();
  });
});

describe('serve: the shared run', () => {
  it('runs once for every viewer, gives a late joiner the history, stops on request, and every message fits the schema', async () => {
    const { base, hub } = await serve();
    const early = readEvents(`${base}/events`);
    await early.status;
    expect((await fetch(`${base}/run`, { method: 'POST' })).status).toBe(200);
    // A second run while one goes is refused: the room shares one.
    const busy = await fetch(`${base}/run`, { method: 'POST' });
    expect(busy.status).toBe(409);
    await waitFor(() => (early.messages.filter((m) => m.event === 'message').length === SCRIPT.length ? true : undefined), 5000, 'the scripted events');
    const late = readEvents(`${base}/events`);
    // The first message the early viewer got is the idle state before the run.
    await waitFor(() => (late.messages.length === early.messages.length - 1 ? true : undefined), 5000, 'the late joiner history');
    expect(late.messages).toEqual(early.messages.slice(1));
    expect((await fetch(`${base}/stop`, { method: 'POST' })).status).toBe(200);
    await waitFor(() => ((late.messages.at(-1)?.data as { phase?: string }).phase === 'ended' ? true : undefined), 5000, 'the end of the run');
    expect(hub.phase).toBe('ended');
    const data = late.messages.map((m) => m.data as Record<string, unknown>);
    expect(data[0]).toEqual({ run: 1, phase: 'running', source: 'live' });
    expect(data.at(-1)).toEqual({ run: 1, phase: 'ended', source: 'live' });
    expect(data.filter((d) => d.type === 'lane' && (d.state as { kind: string }).kind === 'stopped').map((d) => (d.state as { exitCode: number }).exitCode)).toEqual([137, 143]);
    // The process tree stays on the server.
    expect(data.some((d) => d.type === 'sample' && 'tree' in d)).toBe(false);
    expectValid(early.messages);
    expectValid(late.messages);
    early.close();
    late.close();
  });

  it('sends a real recorded run as events that fit the schema (replay looks as live does)', async () => {
    const file = newestRecording(RECORDINGS_DIR);
    expect(file).not.toBeNull();
    const rec = await loadRecording(file ?? '');
    // The recording's events at once, in order: what a replay sends, without waiting its real time.
    const { base, hub } = await serve({ source: async function* () { yield* rec.events.map((e) => e.event); } });
    const viewer = readEvents(`${base}/events`);
    await viewer.status;
    await fetch(`${base}/run`, { method: 'POST' });
    await waitFor(() => ((viewer.messages.at(-1)?.data as { phase?: string }).phase === 'ended' ? true : undefined), 10_000, 'the replayed run');
    expect(hub.phase).toBe('ended');
    expect(viewer.messages.filter((m) => m.event === 'message'), JSON.stringify(viewer.messages.slice(0, 5))).toHaveLength(rec.events.length);
    expectValid(viewer.messages);
    viewer.close();
  });
});
