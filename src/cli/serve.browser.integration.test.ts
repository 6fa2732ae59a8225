/**
 * `zombie-lab serve` in a real browser (Debian's chromium, driven by playwright-core; no browser
 * download), on the shared engine: the deck loads with no network, the lanes climb for no init
 * and stay at 0 under the inits, stop shows 137 and 143, and a reveal.js page of another origin
 * that embeds /lanes starts and stops the demo with its slide. Every event the run sent is held
 * to docs/serve-events.schema.json. ZOMBIE_LAB_WRITE_PICTURES=1 also writes docs/pictures/serve-*.png.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABEL_OWNER_PID } from '../core/labels.js';
import { CLI_ENTRY, PACKAGE_ROOT } from '../engine/package-paths.js';
import { dockerForTests, dockerRequired, waitFor } from '../test-support/docker-for-tests.js';
import { readEvents, type SseClient } from '../engine/serve/event-reader.js';

const CHROMIUM = '/usr/bin/chromium';
const PICTURES = process.env.ZOMBIE_LAB_WRITE_PICTURES === '1' ? path.join(PACKAGE_ROOT, 'docs', 'pictures') : null;
const docker = await dockerForTests();
if (!existsSync(CHROMIUM)) {
  if (dockerRequired) throw new Error(`no browser at ${CHROMIUM}: run scripts/setup-browser.sh (apt-get install chromium)`);
  console.warn(`skipping the browser tests: no ${CHROMIUM} (scripts/setup-browser.sh installs it)`);
}
const ready = docker !== null && existsSync(CHROMIUM);

let serve: ChildProcess;
let base = '';
let stderr = '';
let browser: Browser;
let context: BrowserContext;
let events: SseClient;
/** Requests the pages tried to send anywhere but the lab's server (there must be none). */
const offsite: string[] = [];
let embedder: http.Server | null = null;

type Lane = { zombies: number; state: string; exit: string | null; text: string };
/** Runs in the page (as source text: this project's types have no DOM): each lane's shown numbers. */
const READ_LANES = `(() => {
  const out = {};
  for (const el of document.querySelectorAll('.lane')) {
    out[el.dataset.mode] = {
      zombies: Number(el.querySelector('[data-role="zombies"]').dataset.value),
      state: el.dataset.state || '',
      exit: el.dataset.exit || null,
      text: el.innerText,
    };
  }
  return out;
})()`;
async function lanes(frame: Page | Frame): Promise<Record<string, Lane>> {
  return frame.evaluate<Record<string, Lane>>(READ_LANES);
}

/** The run's phase as the server said it last. */
function phase(): string | undefined {
  const runs = events.messages.filter((m) => m.event === 'run');
  return (runs.at(-1)?.data as { phase?: string } | undefined)?.phase;
}

/** A test that failed mid-run leaves it going: the next one first stops it (one run for the room). */
async function settle(): Promise<void> {
  if (phase() === 'running') await fetch(`${base}/stop`, { method: 'POST' });
  await untilEnded('the previous run to end');
}

/** The number of the run the server said it runs last. */
function lastRun(): number | undefined {
  const runs = events.messages.filter((m) => m.event === 'run');
  return (runs.at(-1)?.data as { run?: number } | undefined)?.run;
}

async function untilEnded(what: string): Promise<void> {
  await waitFor(() => (phase() === 'ended' || phase() === 'idle' ? true : undefined), 60_000, what);
}

/**
 * Polls the lanes until no init has piled up `atLeast` zombies; the inits' highest count on
 * the way is returned (the lesson: it stays 0, but for a child caught between its exit and its
 * reaping on one tick; at most 2, as in src/engine/demo.integration.test.ts).
 */
async function climb(frame: Page | Frame, atLeast: number): Promise<{ noInit: number; initsMax: number }> {
  // The page still shows the last run until the new one's first message: count only the new one.
  const run = await waitFor(() => (phase() === 'running' ? lastRun() : undefined), 30_000, 'a run to start');
  await frame.waitForSelector(`body[data-run="${run}"]`);
  let initsMax = 0;
  const noInit = await waitFor(
    async () => {
      const l = await lanes(frame);
      initsMax = Math.max(initsMax, l['dumb-init']?.zombies ?? 0, l.init?.zombies ?? 0);
      const z = l['no-init']?.zombies ?? 0;
      return z >= atLeast ? z : undefined;
    },
    90_000,
    `no init to reach ${atLeast} zombies`,
  );
  return { noInit, initsMax };
}

async function exits(frame: Page | Frame): Promise<Record<string, string | null>> {
  return waitFor(
    async () => {
      const l = await lanes(frame);
      const e = { 'no-init': l['no-init']?.exit ?? null, 'dumb-init': l['dumb-init']?.exit ?? null, init: l.init?.exit ?? null };
      return Object.values(e).every((x) => x !== null) ? e : undefined;
    },
    60_000,
    'every lane to show its exit code',
  );
}

beforeAll(async () => {
  if (!ready) return;
  serve = spawn(process.execPath, [CLI_ENTRY, 'serve', '--port', '0', '--lang', 'en'], { cwd: PACKAGE_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  serve.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  serve.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  base = await waitFor(() => /^(http:\/\/127\.0\.0\.1:\d+)\/\n/m.exec(stdout)?.[1], 30_000, `serve to print its URL (stderr: ${stderr})`);
  events = readEvents(`${base}/events`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  // No network: anything not from the lab (or the test's embedding page) is refused and noted.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('http://127.0.0.1:') || url.startsWith('data:')) return route.continue();
    offsite.push(url);
    return route.abort();
  });
}, 120_000);

afterAll(async () => {
  if (!ready) return;
  await browser?.close();
  events?.close();
  embedder?.close();
  if (serve.exitCode === null) {
    const exited = new Promise<number | null>((r) => serve.once('exit', (code) => r(code)));
    serve.kill('SIGTERM');
    expect(await exited).toBe(143);
  }
  // Every container the server made is gone (found by the label naming its owner process).
  const left = await docker?.docker.listContainers({ all: true, filters: { label: [`${LABEL_OWNER_PID}=${serve.pid}`] } });
  expect(left ?? []).toEqual([]);
}, 120_000);

describe.runIf(ready)('serve in a browser', () => {
  it('shows the deck offline: every slide a reveal.js section, speaker notes, the lanes on the demo slide, r and x run and stop', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.waitForSelector('body[data-ready="1"]');
    const count = await page.locator('.reveal .slides > section').count();
    expect(count).toBeGreaterThan(10);
    expect(await page.locator('.reveal .slides section aside.notes').count()).toBeGreaterThan(5);
    if (PICTURES) {
      mkdirSync(PICTURES, { recursive: true });
      await page.screenshot({ path: path.join(PICTURES, 'serve-deck.png') });
    }
    // d: the demo slide; reveal.js tells its iframe slide:start, and the lanes start the run.
    await page.keyboard.press('d');
    const frame = await waitFor(() => page.frames().find((f) => f.url().includes('/lanes')), 10_000, 'the lanes frame');
    await frame.waitForSelector('.lane');
    const { initsMax } = await climb(frame, 30);
    expect(initsMax).toBeLessThanOrEqual(2);
    if (PICTURES) await page.screenshot({ path: path.join(PICTURES, 'serve-deck-demo.png') });
    await page.keyboard.press('x');
    expect(await exits(frame)).toEqual({ 'no-init': '137', 'dumb-init': '143', init: '143' });
    await untilEnded('the deck run to end');
    await page.close();
  });

  it('the lanes page: run climbs for no init and not for the inits, stop ends in 137 and 143', async () => {
    await settle();
    const page = await context.newPage();
    await page.goto(`${base}/lanes`);
    await page.getByRole('button', { name: 'run' }).click();
    const { noInit, initsMax } = await climb(page, 40);
    expect(noInit).toBeGreaterThanOrEqual(40);
    expect(initsMax).toBeLessThanOrEqual(2);
    const l = await lanes(page);
    expect(l['no-init']?.text).toMatch(/zombies \d+/);
    expect(l['no-init']?.text).toContain('PID 1: python3');
    expect(l['dumb-init']?.text).toContain('PID 1: dumb-init');
    expect(l.init?.text).toContain('PID 1: docker-init');
    await page.getByRole('button', { name: 'stop' }).click();
    // While docker stop waits out no init's timeout, its lane counts down to SIGKILL.
    await waitFor(async () => ((await lanes(page))['no-init']?.text.match(/SIGKILL in \d+\.\d s/) ? true : undefined), 10_000, 'the SIGKILL countdown');
    if (PICTURES) {
      await waitFor(async () => {
        const l = await lanes(page);
        return l.init?.exit && l['dumb-init']?.exit && l['no-init']?.state === 'stopping' ? true : undefined;
      }, 10_000, 'the inits to stop while no init waits');
      await page.screenshot({ path: path.join(PICTURES, 'serve-lanes.png') });
    }
    expect(await exits(page)).toEqual({ 'no-init': '137', 'dumb-init': '143', init: '143' });
    const after = await lanes(page);
    expect(after['no-init']?.text).toContain('exit 137');
    expect(after.init?.text).toContain('exit 143');
    await untilEnded('the lanes run to end');
    await page.close();
  });

  it('embedded in a reveal.js page of another origin, slide:start starts the demo and slide:stop stops it', async () => {
    const deckHtml = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${base}/assets/reveal.css"><script src="${base}/assets/reveal.js"></script></head>
<body><div class="reveal"><div class="slides">
<section><h2>Before the demo</h2></section>
<section><h2>Demo</h2><iframe id="lab" src="${base}/lanes?reveal=1" width="1000" height="500"></iframe></section>
</div></div><script>Reveal.initialize({ hash: false }).then(() => { document.body.dataset.ready = '1'; });</script></body></html>`;
    await settle();
    embedder = http.createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(deckHtml));
    await new Promise<void>((r) => embedder?.listen(0, '127.0.0.1', r));
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${(embedder.address() as AddressInfo).port}/`);
    await page.waitForSelector('body[data-ready="1"]');
    const before = events.messages.filter((m) => m.event === 'run').length;
    await page.evaluate('Reveal.next()');
    const frame = await waitFor(() => page.frames().find((f) => f.url().includes('/lanes')), 10_000, 'the lanes frame');
    await waitFor(() => (phase() === 'running' && events.messages.filter((m) => m.event === 'run').length > before ? true : undefined), 30_000, 'slide:start to start a run');
    await climb(frame, 10);
    await page.evaluate('Reveal.prev()');
    await waitFor(() => (phase() === 'stopping' || phase() === 'ended' ? true : undefined), 10_000, 'slide:stop to stop the run');
    await untilEnded('the embedded run to end');
    const stopped = events.messages.flatMap((m) => {
      const d = m.data as { type?: string; mode?: string; state?: { kind: string; exitCode?: number } };
      return d.type === 'lane' && d.state?.kind === 'stopped' ? [`${d.mode}:${d.state.exitCode}`] : [];
    });
    expect(stopped.slice(-3).sort()).toEqual(['dumb-init:143', 'init:143', 'no-init:137']);
    await page.close();
  });

  it('sent only events that fit the schema, and the pages asked nothing of any network', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'docs', 'serve-events.schema.json'), 'utf8')) as object);
    expect(events.messages.length).toBeGreaterThan(100);
    for (const m of events.messages) expect(validate(m.data), `${JSON.stringify(m.data).slice(0, 160)}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    expect(offsite).toEqual([]);
    expect(stderr).not.toMatch(/internal error|Error:/);
  });
});
