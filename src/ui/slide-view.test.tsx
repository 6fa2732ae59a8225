import { fileURLToPath } from 'node:url';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { Slide } from '../core/slides/types.js';
import { stripAnsi } from '../core/text-wrap.js';
import { loadDeck } from '../engine/slides-loader.js';
import { SlideView } from './slide-view.js';


// eslint-disable-next-line no-control-regex -- looking for ANSI colour codes
const COLOUR_SGR = /\u001b\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

function slide(over: Partial<Slide> = {}): Slide {
  return {
    file: 'slides/de/01-test.md',
    line: 1,
    section: null,
    title: 'Zombie Prozess',
    body: '* Prozess ist beendet\n* Braucht kaum Ressourcen, aber belegt PID\n\nSiehe [tini](https://github.com/krallin/tini) und `docker --init`.\n\n```\ndocker run --rm -ti zombie\n```',
    notes: 'GEHEIME Sprechernotiz',
    widgets: [],
    ...over,
  };
}

function frameOf(element: React.JSX.Element): string {
  const { lastFrame, unmount } = render(element);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('SlideView', () => {
  it('shows the title and the body, but never the speaker notes', () => {
    const frame = stripAnsi(frameOf(<SlideView slide={slide()} width={80} height={24} noColor />));
    expect(frame.split('\n')[0]?.trim()).toBe('Zombie Prozess');
    expect(frame).toContain('━━━━━━━━━━━━━━');
    expect(frame).toContain('* Prozess ist beendet');
    expect(frame).toContain('docker run --rm -ti zombie');
    expect(frame).not.toContain('GEHEIME');
  });

  it('the sources slide at 80 columns: its long URL on one row, shortened, and the terminal gets the whole as an OSC 8 link', () => {
    const url = 'https://blog.phusion.nl/2015/01/20/docker-and-the-pid-1-zombie-reaping-problem/';
    for (const noColor of [true, false]) {
      const raw = frameOf(<SlideView slide={slide({ title: 'Sources', body: `${url}\n\n* pid_namespaces(7)` })} width={76} height={20} noColor={noColor} />);
      expect(raw).toContain(`\u001b]8;;${url}\u0007`);
      expect(stripAnsi(raw).split('\n').map((l) => l.trim())).toContain('blog.phusion.nl/2015/01/20/docker-and-the-pid-1-zombie-reaping-problem/');
    }
  });

  it('prints links with their URL, since a projector cannot click', () => {
    const frame = stripAnsi(frameOf(<SlideView slide={slide()} width={80} height={24} noColor />));
    expect(frame).toContain('tini (https://github.com/krallin/tini)');
  });

  it('draws the title in bold', () => {
    const frame = frameOf(<SlideView slide={slide()} width={80} height={24} />);
    expect(frame.split('\n')[0]).toContain('\u001b[1m');
  });

  it('uses colour normally and none at all with noColor', () => {
    const coloured = frameOf(<SlideView slide={slide({ widgets: [{ kind: 'tree', name: 'terminated' }] })} width={80} height={40} />);
    expect(coloured).toMatch(COLOUR_SGR);
    const plain = frameOf(<SlideView slide={slide({ widgets: [{ kind: 'tree', name: 'terminated' }] })} width={80} height={40} noColor />);
    expect(plain).not.toMatch(COLOUR_SGR);
    expect(stripAnsi(plain)).toContain('<defunct>');
  });

  it('honours NO_COLOR from the environment when noColor is not given', () => {
    process.env.NO_COLOR = '1';
    try {
      expect(frameOf(<SlideView slide={slide()} width={80} height={24} />)).not.toMatch(COLOUR_SGR);
    } finally {
      delete process.env.NO_COLOR;
    }
  });

  it('never exceeds its height and marks cut content with …', () => {
    const long = slide({ body: Array.from({ length: 40 }, (_, i) => `* Punkt ${i + 1}`).join('\n') });
    const rows = stripAnsi(frameOf(<SlideView slide={long} width={60} height={10} noColor />)).split('\n');
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows.at(-1)?.trim()).toBe('…');
    expect(rows.join('\n')).toContain('Punkt 1');
    expect(rows.join('\n')).not.toContain('Punkt 40');
  });

  it('wraps long lines to the width instead of running off the screen', () => {
    const wide = slide({ body: 'Bei langlaufenden Containern, in denen Subprozesse gestartet werden, ist ein dedizierter Init Prozess ein gutes Pattern.' });
    const rows = stripAnsi(frameOf(<SlideView slide={wide} width={30} height={20} noColor />)).split('\n');
    expect(rows.every((r) => r.trimEnd().length <= 30)).toBe(true);
    expect(rows.join(' ').replace(/\s+/g, ' ')).toContain('ein dedizierter Init Prozess ein gutes Pattern.');
  });

  it('draws tree diagrams inline, in the slide language', () => {
    const tree = slide({ body: '', widgets: [{ kind: 'tree', name: 'adoption' }] });
    const de = stripAnsi(frameOf(<SlideView slide={tree} width={100} height={24} noColor />));
    expect(de).toContain('└── [90] worker  ← Waise, von PID 1 adoptiert');
    const en = stripAnsi(frameOf(<SlideView slide={tree} width={100} height={24} noColor lang="en" />));
    expect(en).toContain('└── [90] worker  ← orphan, adopted by PID 1');
  });

  it('gives the lanes the rows left below the text, and nothing without renderLanes', () => {
    const demo = slide({ body: '```\ndocker run --rm -ti zombie\n```', widgets: [{ kind: 'lanes' }] });
    const calls: [number, number][] = [];
    const renderLanes = (w: number, h: number) => {
      calls.push([w, h]);
      return <Text>LANES {w}x{h}</Text>;
    };
    const frame = stripAnsi(frameOf(<SlideView slide={demo} width={70} height={20} noColor renderLanes={renderLanes} />));
    // Title, rule, blank, one code row, blank: 5 rows of text, 15 left for the lanes.
    expect(calls.at(-1)).toEqual([70, 15]);
    expect(frame).toContain('LANES 70x15');
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
    const without = stripAnsi(frameOf(<SlideView slide={demo} width={70} height={20} noColor />));
    expect(without).toContain('docker run --rm -ti zombie');
    expect(without).not.toContain('LANES');
  });

  it('cuts text, not the lanes, when the screen is short', () => {
    const demo = slide({ body: Array.from({ length: 20 }, (_, i) => `Zeile ${i}`).join('\n\n'), widgets: [{ kind: 'lanes' }] });
    let lanesHeight = 0;
    const frame = stripAnsi(
      frameOf(<SlideView slide={demo} width={60} height={12} noColor renderLanes={(_w, h) => ((lanesHeight = h), <Text>LANES</Text>)} />),
    );
    expect(lanesHeight).toBe(6);
    expect(frame).toContain('…');
    expect(frame).toContain('LANES');
  });
});

describe('SlideView with the real decks', () => {
  const root = fileURLToPath(new URL('../../slides', import.meta.url));
  for (const lang of ['de', 'en'] as const) {
    for (const [width, height] of [[80, 24], [60, 18]] as const) {
      it(`${lang}: every slide fits ${width}x${height} and shows its title`, async () => {
        const deck = await loadDeck(root, lang);
        for (const s of deck.slides) {
          const rows = stripAnsi(frameOf(<SlideView slide={s} width={width} height={height} noColor lang={lang} />)).split('\n');
          const where = `${s.file}:${s.line}`;
          expect(rows.length, where).toBeLessThanOrEqual(height);
          expect(rows.every((r) => r.trimEnd().length <= width), where).toBe(true);
          expect(rows.join(' ').replace(/\s+/g, ' '), where).toContain(s.title);
          expect(rows.join('\n'), where).not.toContain(s.notes.split('\n')[0] ?? '');
        }
      });
    }
  }
});
