import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deck, Slide } from '../core/slides/types.js';
import { BUNDLED_SLIDES_ROOT, defaultLang, loadDeck, SlideDeckError } from './slides-loader.js';

const SLIDES = BUNDLED_SLIDES_ROOT;

describe('the real decks', () => {
  let de: Deck;
  let en: Deck;
  beforeEach(async () => {
    de = await loadDeck(SLIDES, 'de');
    en = await loadDeck(SLIDES, 'en');
  });

  it('parse without errors, with the same number of slides and the same widgets per slide', () => {
    expect(de.lang).toBe('de');
    expect(en.lang).toBe('en');
    expect(de.slides.length).toBe(18);
    expect(en.slides.length).toBe(de.slides.length);
    expect(en.slides.map((s) => s.widgets)).toEqual(de.slides.map((s) => s.widgets));
    // Sections group the same slides in both languages.
    const groups = (d: Deck) => d.slides.map((s) => d.slides.findIndex((t) => t.section !== null && t.section === s.section));
    expect(groups(en)).toEqual(groups(de));
  });

  it('has speaker notes on every slide, never on the projected body', () => {
    for (const slide of [...de.slides, ...en.slides]) {
      expect(slide.notes, `${slide.file}:${slide.line}`).not.toBe('');
      expect(slide.body).not.toMatch(/^Note:/m);
    }
  });

  it('keeps every slide and section of the original talk, in order, with the added ones', () => {
    const titled = (title: string): Slide => {
      const slide = de.slides.find((s) => s.title === title);
      if (!slide) throw new Error(`missing slide "${title}"`);
      return slide;
    };
    // The original talk's slides, in its order and its sections; a slide added anywhere (its
    // Markdown alone) keeps this true, one lost, moved or renamed does not.
    const original: [title: string, section: string | null][] = [
      ['Init-System im Docker-Container', null],
      ['Prozesse in Linux', 'Prozesse in Linux'],
      ['Prozess terminiert', 'Prozesse in Linux'],
      ['Warten auf Kindprozess („Reaping“)', 'Prozesse in Linux'],
      ['Prozesse adoptieren', 'Prozesse in Linux'],
      ['Docker', 'Docker'],
      ['Shell-Form: `CMD python3 app.py`', 'Docker'],
      ['Zombie-Prozess', 'Docker'],
      ['Init-Prozess für Container', 'Init-Prozess für Container'],
      ['s6-overlay', 'Init-Prozess für Container'],
      ['Kubernetes: der Pod', 'Init-Prozess für Container'],
      ['tl;dr', null],
      ['Quellen', null],
    ];
    const deck = de.slides.map((s): [string, string | null] => [s.title, s.section]);
    expect(deck.filter(([t]) => original.some(([o]) => o === t))).toEqual(original);
    // The slide this lab adds: the live demo, inside the Docker section.
    expect(titled('Demo: examples/zombie').section).toBe('Docker');
    expect(titled('Init-System im Docker-Container').body).toContain('oder „how to reap zombies“');
    expect(de.slides.slice(1, 5).map((s) => s.widgets)).toEqual(
      ['processes', 'terminated', 'reaping', 'adoption'].map((name) => [{ kind: 'tree', name }]),
    );
    const docker = titled('Docker').body;
    expect(docker).toContain('Der Entrypoint-Prozess im Container hat PID 1');
    expect(docker).toContain('„PID-1-Pflichten“ nicht wahr');
    expect(docker).toContain('Zombie-Prozesse können entstehen');
    const zombie = titled('Zombie-Prozess').body;
    for (const text of ['Prozess ist beendet', 'kein *wait()*', 'belegt aber eine PID', '*/proc/sys/kernel/pid_max*: standardmäßig 32768']) {
      expect(zombie).toContain(text);
    }
    const demo = titled('Demo: examples/zombie');
    expect(demo.widgets).toEqual([{ kind: 'lanes' }]);
    for (const line of [
      'docker run --rm -ti zombie-lab/zombie',
      'docker run --rm -ti --entrypoint dumb-init zombie-lab/zombie python3 /root/fork.py',
      'docker run --rm -ti --init zombie-lab/zombie python3 /root/fork.py',
    ]) {
      expect(demo.body.split('\n')).toContain(line);
    }
    const inits = titled('Init-Prozess für Container').body;
    for (const link of [
      '[tini](https://github.com/krallin/tini)',
      '[dumb-init](https://github.com/Yelp/dumb-init)',
      '[docker --init ...](https://docs.docker.com/engine/reference/run/#specify-an-init-process)',
      '[s6-overlay](https://github.com/just-containers/s6-overlay)',
    ]) {
      expect(inits).toContain(link);
    }
    const s6 = titled('s6-overlay').body;
    for (const text of [
      'http://skarnet.org/software/s6/overview.html',
      'Stage 1: Prepare',
      'Stage 2: Execute/Start (Aufbau von v2)',
      'v3: Dienste in /etc/s6-overlay/s6-rc.d',
      '/etc/fix-attrs.d',
      '/etc/cont-init.d',
      'Copy & supervise /etc/services.d',
      'Stage 3: Shutdown stage (SIGTERM, SIGKILL)',
    ]) {
      expect(s6).toContain(text);
    }
    expect(titled('tl;dr').body).toMatch(/langlaufenden Containern.*eigener Init-Prozess ein\s+gutes Muster/s);
    expect(titled('Quellen').body).toContain('https://blog.phusion.nl/2015/01/20/docker-and-the-pid-1-zombie-reaping-problem/');
  });

  it('keeps the links and commands identical in the English deck', () => {
    const urls = (d: Deck) => d.slides.flatMap((s) => s.body.match(/https?:\/\/[^\s)]+/g) ?? []);
    const commands = (d: Deck) => d.slides.flatMap((s) => s.body.split('\n').filter((l) => l.startsWith('docker run')));
    expect(urls(en)).toEqual(urls(de));
    expect(urls(de)).toHaveLength(6);
    expect(commands(en)).toEqual(commands(de));
  });
});

describe('loadDeck errors', () => {
  let root: string;
  beforeEach(async () => {
    root = join(await mkdtemp(join(tmpdir(), 'zombie-lab-slides-')), 'slides');
    await mkdir(join(root, 'de'), { recursive: true });
  });
  afterEach(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('throws one `slides/de/<file>:<line>: problem` line per problem, across files', async () => {
    await writeFile(join(root, 'de', '01-a.md'), '## A\n\n::: tree nope\n');
    await writeFile(join(root, 'de', '02-x.md'), '---\nsection: X\n---\n## X\ntext\n---\n\nno heading\n');
    await writeFile(join(root, 'de', 'notes.txt'), 'not a slide file, ignored');
    const error = await loadDeck(root, 'de').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlideDeckError);
    const lines = (error as SlideDeckError).message.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^slides\/de\/01-a\.md:3: unknown tree diagram "nope"/);
    expect(lines[1]).toMatch(/^slides\/de\/02-x\.md:8: a slide must start with a Markdown heading/);
  });

  it('names a missing language folder in one line', async () => {
    await expect(loadDeck(root, 'en')).rejects.toThrow(/^slides\/en: folder not found at .*slides\/en: check the slides path$/);
  });

  it('refuses a folder without slide files', async () => {
    await expect(loadDeck(root, 'de')).rejects.toThrow('slides/de: no slides found');
  });
});

describe('defaultLang', () => {
  it('reads the locale from the given environment', () => {
    expect(defaultLang({ LANG: 'de_DE.UTF-8' })).toBe('de');
    expect(defaultLang({ LC_ALL: 'en_US.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('en');
  });
});
