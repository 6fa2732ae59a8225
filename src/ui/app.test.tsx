import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { uiText } from '../core/i18n.js';
import { keyHelp } from '../core/keymap.js';
import { helpBoxProblems } from '../test-support/help-screen.js';
import { problemOf } from '../core/problem-text.js';
import type { RunEvent } from '../core/run-events.js';
import { makeTheme } from '../core/theme.js';
import { App, type AppProps } from './app.js';
import { DemoRunner } from './demo-runner.js';
import type { Slide } from '../core/slides/types.js';
import { syntheticRun } from '../bench/synthetic-run.js';
import { scriptedSource } from '../test-support/scripted-source.js';
import { plain, setSize } from '../test-support/ink-frames.js';

const slide = (title: string, body: string, widgets: Slide['widgets'] = []): Slide => ({ file: 'slides/en/x.md', line: 1, section: null, title, body, notes: 'SPEAKER NOTE', widgets });
const SLIDES: Slide[] = [
  slide('Title slide', 'first body'),
  slide('Demo slide', '```\ndocker run --rm -ti zombie\ndocker run --rm -ti --init zombie python3 /root/fork.py\n```', [{ kind: 'lanes' }]),
  slide('Last slide', 'the end'),
];
const RIGHT = '\x1b[C';
const ESC = '\x1b';

function start(opts: { events?: RunEvent[]; onStop?: RunEvent[]; replay?: boolean; noColor?: boolean; columns?: number; rows?: number; lanes?: boolean; listContainers?: AppProps['listContainers']; lang?: AppProps['lang'] } = {}) {
  const runner = new DemoRunner(scriptedSource(opts.events ?? [], opts.onStop ?? []), 20);
  const onQuit = vi.fn();
  const r = render(<App slides={SLIDES} runner={runner} replay={opts.replay ?? false} theme={makeTheme('default', opts.noColor ?? false)} onQuit={onQuit} {...(opts.listContainers ? { listContainers: opts.listContainers } : {})} {...(opts.lang ? { lang: opts.lang } : {})} />);
  setSize(r.stdout, opts.columns ?? 120, opts.rows ?? 40);
  // The lanes beside every slide (p), as most of these tests look at them on slide 1.
  if (opts.lanes !== false) r.stdin.write('p');
  const raw = (): string => r.lastFrame() ?? '';
  const frame = (): string => plain(raw());
  const waitFor = (text: string | RegExp) =>
    vi.waitFor(() => (typeof text === 'string' ? expect(frame()).toContain(text) : expect(frame()).toMatch(text)), { timeout: 3000, interval: 10 });
  return { ...r, runner, onQuit, frame, raw, waitFor };
}

afterEach(() => {
  cleanup();
});

describe('slide navigation', () => {
  it('goes forward, back, to the last and the first slide, and counts x/N', async () => {
    const app = start();
    await app.waitFor('slide 1/3');
    expect(app.frame()).toContain('Title slide');
    app.stdin.write('l');
    await app.waitFor('slide 2/3');
    expect(app.frame()).toContain('Demo slide');
    app.stdin.write(RIGHT);
    await app.waitFor('Last slide');
    app.stdin.write(' ');
    await app.waitFor('slide 3/3');
    app.stdin.write('gg');
    await app.waitFor('slide 1/3');
    app.stdin.write('G');
    await app.waitFor('slide 3/3');
    app.stdin.write('h');
    await app.waitFor('slide 2/3');
  });
  it('takes keys that arrive together (typed fast, or during start-up) one by one', async () => {
    const app = start();
    await app.waitFor('slide 1/3');
    app.stdin.write('ll');
    await app.waitFor('slide 3/3');
    app.stdin.write('hgg?');
    await app.waitFor('Keys (press ? or Esc to close)');
    expect(app.frame()).toContain('slide 1/3');
  });
  it('shows the demo slide\'s docker run commands with the live lane summary, never the speaker notes', async () => {
    const app = start({ columns: 160, events: syntheticRun(1) });
    app.stdin.write('l');
    await app.waitFor('docker run --rm -ti --init zombie python3 /root/fork.py');
    app.stdin.write('r');
    await app.waitFor(/\* 1 no init\s+ zombies +10 +running/);
    expect(app.frame()).toMatch(/\+ 3 docker --init\s+ zombies +0 +running/);
    expect(app.frame()).not.toContain('SPEAKER NOTE');
  });
});

describe('lane states', () => {
  const problem = { message: 'cannot reach the engine', fix: 'start dockerd' };
  it('idle lanes ask for r; each state kind shows its words', async () => {
    const now = Date.now();
    const app = start({
      events: [
        { type: 'lane', mode: 'no-init', state: { kind: 'stopping', since: now, deadline: now + 8000, timeoutS: 10 } },
        { type: 'lane', mode: 'dumb-init', state: { kind: 'stopped', stopMs: 120, exitCode: 143 } },
        { type: 'lane', mode: 'init', state: { kind: 'error', problem } },
      ],
    });
    await app.waitFor('idle · press r');
    app.stdin.write('r');
    await app.waitFor('stopped in 0.12 s · exit 143');
    // A countdown: below the 8 s it started from (the test may be slow, so no exact figure).
    const left = Number(/stopping · SIGKILL in (\d+\.\d) s \(timeout 10 s\)/.exec(app.frame())?.[1]);
    expect(left).toBeGreaterThan(2);
    expect(left).toBeLessThanOrEqual(8);
    expect(app.frame()).toContain('ERROR: cannot reach the engine');
    expect(app.frame()).toContain('fix: start dockerd');
  });
  it('shows building, starting and running, zombie counts and PID 1', async () => {
    const now = Date.now();
    const app = start({
      events: [
        { type: 'lane', mode: 'no-init', state: { kind: 'building', detail: 'step 2/4' } },
        { type: 'lane', mode: 'dumb-init', state: { kind: 'starting' } },
        { type: 'lane', mode: 'init', state: { kind: 'running', startedAt: now - 3000 } },
        { type: 'pid1', mode: 'init', name: 'docker-init' },
        { type: 'sample', mode: 'init', sample: { t: 100, zombies: 4, live: 3, pidsUsed: 7, pidsLimit: 64, forkFailures: 2, costUs: 1 } },
      ],
    });
    app.stdin.write('r');
    await app.waitFor('PID 1: docker-init');
    expect(app.frame()).toContain('building image: step 2/4');
    expect(app.frame()).toContain('starting');
    const elapsed = Number(/running (\d+) s/.exec(app.frame())?.[1]);
    expect(elapsed).toBeGreaterThanOrEqual(3);
    expect(elapsed).toBeLessThan(10);
    expect(app.frame()).toContain('zombies 4  peak 4');
    expect(app.frame()).toContain('7/64  fork failures 2');
  });
  it('s stops the run: the source gets the stop and its events show', async () => {
    const app = start({
      events: syntheticRun(2),
      onStop: [{ type: 'lane', mode: 'init', state: { kind: 'stopped', stopMs: 90, exitCode: 143 } }],
    });
    app.stdin.write('r');
    await app.waitFor('zombies 20');
    app.stdin.write('s');
    await app.waitFor('stopped in 0.09 s · exit 143');
  });
  it('a source that throws puts the problem on screen and keeps the slides working', async () => {
    const runner = new DemoRunner(
      // eslint-disable-next-line require-yield
      async function* broken() {
        throw Object.assign(new Error('boom'), { problem: { message: 'engine went away', fix: 'restart Docker' } });
      },
      20,
    );
    const r = render(<App slides={SLIDES} runner={runner} replay={false} theme={makeTheme('default', true)} />);
    setSize(r.stdout, 120, 40);
    r.stdin.write('p');
    r.stdin.write('r');
    await vi.waitFor(() => expect(plain(r.lastFrame() ?? '')).toContain('ERROR: engine went away · fix: restart Docker'), { timeout: 3000 });
    r.stdin.write('l');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('slide 2/3'), { timeout: 3000 });
  });
});

describe('focus and process tree', () => {
  it('1 focuses the no-init lane with its tree, zombies marked; Esc goes back', async () => {
    const tree = [
      { pid: 10, ppid: 1, comm: 'python3', state: 'S' },
      { pid: 11, ppid: 10, comm: 'python3', state: 'Z' },
    ];
    const app = start({ events: [{ type: 'sample', mode: 'no-init', sample: { t: 0, zombies: 1, live: 1, pidsUsed: 2, pidsLimit: 8, forkFailures: 0, costUs: 1 }, tree }] });
    app.stdin.write('r');
    await app.waitFor('zombies 1');
    app.stdin.write('1');
    await app.waitFor('process tree · 2 processes, 1 zombies (Z)');
    expect(app.frame()).toContain('└─ 11 python3 <defunct> Z');
    expect(app.frame()).not.toContain('dumb-init  ');
    app.stdin.write(ESC);
    await app.waitFor('o 2 dumb-init');
    expect(app.frame()).not.toContain('process tree');
  });
});

describe('your containers (i)', () => {
  it('lists the running containers with a PID 1 verdict each, read on demand, and Esc closes it', async () => {
    let calls = 0;
    const app = start({
      listContainers: async () => {
        calls++;
        return {
          rows: [
            { name: 'web', image: 'shop/web', verdict: 'app python3 · 37 zombies · drops SIGTERM (137 after 10 s)', problems: 2 },
            { name: 'worker', image: 'shop/worker', verdict: 'init docker-init · 0 zombies · ends on SIGTERM', problems: 0 },
          ],
          hidden: 0,
        };
      },
    });
    await app.waitFor('slide 1/3');
    expect(calls).toBe(0);
    app.stdin.write('i');
    await app.waitFor('Your containers: PID 1 of each');
    await app.waitFor(/✗ web +app python3 · 37 zombies · drops SIGTERM \(137 after 10 s\)/);
    expect(app.frame()).toMatch(/✓ worker +init docker-init · 0 zombies · ends on SIGTERM/);
    expect(calls).toBe(1);
    app.stdin.write(ESC);
    await vi.waitFor(() => expect(app.frame()).not.toContain('Your containers'), { timeout: 3000, interval: 10 });
    expect(app.frame()).toContain('Title slide');
  });

  it('at 80x24 a long list scrolls under the selection (j k arrows), Enter shows the selected one in detail, keys do not reach the slides', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      name: `svc-${String(i + 1).padStart(2, '0')}`,
      image: `shop/img-${i + 1}`,
      verdict: 'app python3 · 2 zombies · drops SIGTERM (137 after 10 s)',
      problems: 1,
      findings: [{ message: `python3 is PID 1 of svc-${i + 1} and reaps nothing`, fix: ['run it with --init'] }],
    }));
    const app = start({ columns: 80, rows: 24, lanes: false, listContainers: async () => ({ rows, hidden: 3 }) });
    await app.waitFor('slide 1/3');
    app.stdin.write('i');
    await app.waitFor('3 of the lab\'s own not shown');
    const first = app.frame();
    expect(first).toMatch(/› ✗ svc-01/);
    expect(first).toContain('↓');
    expect(first).not.toContain('svc-40');
    // The hint line comes from the list's key table.
    expect(first).toContain('Esc close');
    expect(first).toContain('Enter details');
    // Down to the last row: the list scrolls, the selection stays in view.
    for (let i = 0; i < 39; i++) app.stdin.write(i % 2 ? 'j' : '\u001B[B');
    await app.waitFor(/› ✗ svc-40/);
    expect(app.frame()).not.toMatch(/svc-01/);
    expect(app.frame()).toMatch(/↑ \d+ more/);
    app.stdin.write('k');
    await app.waitFor(/› ✗ svc-39/);
    app.stdin.write('\r');
    await app.waitFor('python3 is PID 1 of svc-39 and reaps nothing');
    expect(app.frame()).toContain('image: shop/img-39');
    expect(app.frame()).toContain('fix: run it with --init');
    expect(app.frame()).toContain('more: zombie-lab inspect svc-39');
    // Esc closes the details first, then the list; the slide never moved.
    app.stdin.write(ESC);
    await vi.waitFor(() => expect(app.frame()).not.toContain('reaps nothing'), { timeout: 3000, interval: 10 });
    expect(app.frame()).toMatch(/› ✗ svc-39 +app python3/);
    expect(app.frame()).toMatch(/ {3}✗ svc-40 +app python3/);
    app.stdin.write(ESC);
    await vi.waitFor(() => expect(app.frame()).not.toContain('Your containers'), { timeout: 3000, interval: 10 });
    expect(app.frame()).toContain('slide 1/3');
  });

  it('says how far it got while the containers are read', async () => {
    let finish: (v: { rows: never[]; hidden: number }) => void = () => undefined;
    const app = start({
      listContainers: (_signal, progress) => {
        progress(0, 5);
        progress(2, 5);
        return new Promise((res) => (finish = res));
      },
    });
    await app.waitFor('slide 1/3');
    app.stdin.write('i');
    await app.waitFor('reading the running containers… 2 of 5');
    finish({ rows: [], hidden: 0 });
    await app.waitFor('no running containers on this engine');
  });

  it('says why there is no list in a replay', async () => {
    const app = start({ replay: true });
    await app.waitFor('slide 1/3');
    app.stdin.write('i');
    await app.waitFor('cannot list them: this is a replay: no engine to ask');
    app.stdin.write('i');
    await vi.waitFor(() => expect(app.frame()).not.toContain('cannot list them'), { timeout: 3000, interval: 10 });
  });
});

describe('help overlay', () => {
  it('? lists every key binding and Esc closes it', async () => {
    const app = start();
    app.stdin.write('?');
    await app.waitFor('Keys (press ? or Esc to close)');
    for (const k of keyHelp('en')) expect(app.frame()).toContain(k.what);
    app.stdin.write(ESC);
    await app.waitFor('Title slide');
    expect(app.frame()).not.toContain('Keys (press');
  });

  // Row 1 of issue 22: at 80x24 the title lost its first letter, the columns ran into each other, key `1` was missing.
  for (const lang of ['en', 'de'] as const) {
    for (const [columns, rows] of [
      [80, 24],
      [100, 30],
    ] as const) {
      it(`${lang} at ${columns}x${rows}: whole title, every key row once and readable, within the frame`, async () => {
        const app = start({ columns, rows, lang, lanes: false });
        app.stdin.write('?');
        await app.waitFor(uiText(lang).helpTitle);
        expect(helpBoxProblems(app.frame(), uiText(lang).helpTitle, keyHelp(lang))).toEqual([]);
        expect(app.frame().split('\n').length).toBeLessThanOrEqual(rows - 1);
      });
    }
  }
});

describe('terminal size', () => {
  it('keeps the frame one line shorter than the terminal', async () => {
    const app = start({ columns: 100, rows: 30 });
    await app.waitFor('slide 1/3');
    await vi.waitFor(() => expect(app.frame().split('\n')).toHaveLength(29), { timeout: 3000 });
    setSize(app.stdout, 140, 45);
    await vi.waitFor(() => expect(app.frame().split('\n')).toHaveLength(44), { timeout: 3000 });
    for (const line of app.frame().split('\n')) expect(plain(line).length).toBeLessThanOrEqual(140);
  });
  it('says how big the terminal must be when it is too small, and recovers on resize', async () => {
    const app = start();
    await app.waitFor('slide 1/3');
    setSize(app.stdout, 70, 20);
    await app.waitFor('Terminal too small: 70x20. zombie-lab needs at least 80x24.');
    setSize(app.stdout, 100, 30);
    await app.waitFor('slide 1/3');
  });
});

describe('replay labelling', () => {
  it('shows REPLAY in every view: main, focused, help, and too small', async () => {
    const app = start({ replay: true });
    await app.waitFor('REPLAY · slide 1/3');
    expect(app.frame()).toContain(' REPLAY ');
    app.stdin.write('2');
    await app.waitFor('process tree');
    expect(app.frame()).toContain('REPLAY');
    app.stdin.write('?');
    await app.waitFor('Keys (press');
    expect(app.frame()).toContain('REPLAY');
    setSize(app.stdout, 60, 20);
    await app.waitFor('Terminal too small');
    expect(app.frame()).toContain('REPLAY');
  });
  it('names where the zombies come from, whole, on the header line of a 120-column terminal', async () => {
    const detail = "the pids cgroup (pids.current minus the threads it lists) every tick, cross-checked against this host's /proc";
    const app = start({ events: [{ type: 'source', source: 'cgroup', detail }, ...syntheticRun(1)] });
    app.stdin.write('r');
    await app.waitFor('zombies 10');
    const header = app.frame().split('\n').find((l) => l.includes(' LIVE ')) ?? '';
    expect(header).toContain('zombies: pids cgroup, 10×/s, checked against /proc');
    expect(header).not.toContain('…');
  });

  it('a live app never says REPLAY', async () => {
    const app = start({ events: syntheticRun(1) });
    app.stdin.write('r');
    await app.waitFor('zombies 10');
    expect(app.frame()).toContain(' LIVE ');
    expect(app.frame()).not.toContain('REPLAY');
  });
});

describe('connecting', () => {
  it('shows the slides at once while the engine is looked for, then says REPLAY when it falls back', async () => {
    let resolve: (s: ReturnType<typeof scriptedSource>) => void = () => {};
    const runner = new DemoRunner(new Promise((r) => (resolve = r)), 20);
    const theme = makeTheme('default', true);
    const r = render(<App slides={SLIDES} runner={runner} replay={false} connecting theme={theme} />);
    setSize(r.stdout, 120, 40);
    r.stdin.write('p');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('looking for a Docker engine'), { timeout: 3000 });
    expect(r.lastFrame()).toContain('Title slide');
    // r pressed while connecting waits for the source instead of failing.
    r.stdin.write('r');
    resolve(scriptedSource(syntheticRun(1)));
    r.rerender(<App slides={SLIDES} runner={runner} replay connecting={false} notice="no engine, replaying" theme={theme} />);
    await vi.waitFor(() => expect(r.lastFrame()).toContain('REPLAY · slide 1/3'), { timeout: 3000 });
    await vi.waitFor(() => expect(r.lastFrame()).toContain('zombies 10'), { timeout: 3000 });
  });
});

describe('colour', () => {
  // SGR colour parameters: 30-37, 90-97 foreground, 40-47, 100-107 background, 38;/48; extended.
  // eslint-disable-next-line no-control-regex
  const COLOUR = /\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;
  it('the default theme does colour the lanes (so the next test can fail)', async () => {
    const app = start({ events: syntheticRun(1) });
    app.stdin.write('r');
    await app.waitFor('zombies 10');
    expect(app.raw()).toMatch(COLOUR);
  });
  it('projector colours: no text in grey, no dark blue, nothing dim, on every screen of a run, its help and its stop, in both themes', async () => {
    // SGR 90 grey text, 34/44 dark blue text or background, 2 dim (faint), 100 grey background.
    // eslint-disable-next-line no-control-regex
    const WEAK = /\x1b\[(?:[0-9;]*;)?(?:90|34|44|2|100)(?:;[0-9;]*)?m/;
    for (const theme of ['default', 'high-contrast'] as const) {
      const runner = new DemoRunner(scriptedSource(syntheticRun(2), [{ type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 10140, exitCode: 137 } }]), 20);
      const r = render(<App slides={SLIDES} runner={runner} replay={false} theme={makeTheme(theme, false)} />);
      setSize(r.stdout, 100, 30);
      const raw = () => r.lastFrame() ?? '';
      const seen: string[] = [];
      const shot = async (want: string) => {
        await vi.waitFor(() => expect(plain(raw())).toContain(want), { timeout: 3000, interval: 10 });
        seen.push(raw());
      };
      await shot('slide 1/3');
      r.stdin.write('l');
      await shot('slide 2/3');
      r.stdin.write('r');
      await shot('zombies 20');
      r.stdin.write('?');
      await shot('Keys');
      r.stdin.write(ESC);
      await vi.waitFor(() => expect(plain(raw())).not.toContain('Keys ('), { timeout: 3000, interval: 10 });
      r.stdin.write('s');
      await shot('137');
      for (const f of seen) expect(f, theme).not.toMatch(WEAK);
      expect(seen.join('')).toMatch(COLOUR);
      r.unmount();
    }
  }, 20_000);
  it('with NO_COLOR there is no colour code at all, and the lanes still differ by glyph', async () => {
    const app = start({ events: syntheticRun(1), noColor: true });
    app.stdin.write('r');
    await app.waitFor('zombies 10');
    expect(app.raw()).not.toMatch(COLOUR);
    expect(plain(app.frame())).toMatch(/\* 1 no init/);
    expect(plain(app.frame())).toMatch(/o 2 dumb-init/);
    expect(plain(app.frame())).toMatch(/\+ 3 docker --init/);
    // The plots differ by dot pattern too: dotted for dumb-init, dashed for docker --init.
    expect(plain(app.frame())).toMatch(/┤⡀{3,}o/);
    expect(plain(app.frame())).toMatch(/┤⣀⣀ /);
  });
});

describe('handout export', () => {
  it('e before any run says there is nothing yet; after a run it hands over the SVG and says where it went', async () => {
    const runner = new DemoRunner(scriptedSource(syntheticRun(2)), 20);
    const onExport = vi.fn(async (_svg: string) => '/tmp/handout.svg');
    const r = render(<App slides={SLIDES} runner={runner} replay={false} theme={makeTheme('default', true)} onExport={onExport} />);
    setSize(r.stdout, 120, 40);
    r.stdin.write('p');
    r.stdin.write('e');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('nothing to export yet'), { timeout: 3000 });
    expect(onExport).not.toHaveBeenCalled();
    r.stdin.write('r');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('zombies 20'), { timeout: 3000 });
    r.stdin.write('e');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('handout saved: /tmp/handout.svg'), { timeout: 3000 });
    const svg = onExport.mock.calls[0]?.[0] ?? '';
    expect(svg).toContain('<svg');
    expect(svg.match(/class="series /g)).toHaveLength(3);
  });
});

describe('quit', () => {
  it('q shuts the runner down (the run is aborted) and then calls onQuit', async () => {
    const app = start({ events: syntheticRun(1) });
    app.stdin.write('r');
    await app.waitFor('zombies 10');
    expect(app.runner.running).toBe(true);
    app.stdin.write('q');
    await vi.waitFor(() => expect(app.onQuit).toHaveBeenCalledOnce(), { timeout: 3000 });
    expect(app.runner.running).toBe(false);
  });
});

describe('engine-side words under --lang de', () => {
  it('a lost engine: cause and fix in German in the caption and on every lane; English with en', async () => {
    const lost = problemOf({ id: 'engine-lost', endpoint: 'unix:///var/run/docker.sock', why: { silentS: 1 } });
    const events: RunEvent[] = [...syntheticRun(1), { type: 'problem', problem: lost, engineLost: true }, ...['no-init', 'dumb-init', 'init'].map((m) => ({ type: 'lane', mode: m, state: { kind: 'error', problem: lost } }) as RunEvent)];
    const de = start({ events, lang: 'de' });
    await de.waitFor('Folie 1/3');
    de.stdin.write('r');
    await de.waitFor('antwortet nicht mehr');
    await de.waitFor('Docker wieder starten');
    expect(de.frame()).not.toMatch(/stopped answering|start Docker again/);
    cleanup();
    const en = start({ events });
    en.stdin.write('r');
    await en.waitFor(/stopped\s+(│\s+)?answering/);
  });

  it('build notes and a failed start come in German', async () => {
    const refused = problemOf({ id: 'engine-refused', doing: { id: 'start-container', mode: 'init' }, status: 500, detail: 'no such image' });
    const app = start({
      lang: 'de',
      events: [
        { type: 'lane', mode: 'no-init', state: { kind: 'building', detail: 'checking images', note: { id: 'checking' } } },
        { type: 'build-progress', image: 'base', line: 'building x the offline way: asked for the offline way', note: { id: 'way', tag: 'zombie-lab-base:1', way: 'offline', why: { id: 'asked' } } },
        { type: 'lane', mode: 'init', state: { kind: 'error', problem: refused } },
      ],
    });
    app.stdin.write('r');
    await app.waitFor('baue zombie-lab-base:1 offline: so verlangt');
    await app.waitFor(/verweigerte den Start des Containers\s+(│\s+)?init/);
    expect(app.frame()).not.toMatch(/checking images|the offline way|refused/);
  });

  it('the containers list in German, its verdicts from their facts', async () => {
    const app = start({
      lang: 'de',
      listContainers: async () => ({
        rows: [
          { name: 'web', image: 'shop/web', verdict: 'app python3 · 37 zombies · drops SIGTERM (137 after 10 s)', problems: 2, facts: { kind: 'app', program: 'python3', zombies: 37, signal: 'SIGTERM', endsOnSignal: false, timeoutS: 10 } },
        ],
        hidden: 3,
      }),
    });
    await app.waitFor('Folie 1/3');
    app.stdin.write('i');
    await app.waitFor('Deine Container: PID 1 von jedem');
    await app.waitFor(/✗ web +Programm python3 · 37 Zombies · verwirft SIGTERM \(137 nach 10 s\)/);
    expect(app.frame()).toContain('3 eigene des Labs nicht gezeigt');
    expect(app.frame()).toContain('Enter Einzelheiten');
  });

  it('the SVG handout is worded in German', async () => {
    const runner = new DemoRunner(scriptedSource(syntheticRun(2)), 20);
    const onExport = vi.fn(async (_svg: string) => '/tmp/handout.svg');
    const r = render(<App slides={SLIDES} runner={runner} replay={false} theme={makeTheme('default', true)} onExport={onExport} lang="de" />);
    setSize(r.stdout, 120, 40);
    r.stdin.write('p');
    r.stdin.write('r');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('Zombies 20'), { timeout: 3000 });
    r.stdin.write('e');
    await vi.waitFor(() => expect(r.lastFrame()).toContain('Handout gespeichert: /tmp/handout.svg'), { timeout: 3000 });
    const svg = onExport.mock.calls[0]?.[0] ?? '';
    expect(svg).toContain('Zombies über die Zeit');
    expect(svg).toContain('Zeit (s)');
    expect(svg).toContain('ohne Init (*)');
    expect(svg).not.toMatch(/time \(s\)|zombie processes|Zombies over time/);
  });
});
