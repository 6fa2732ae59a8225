import { describe, expect, it } from 'vitest';
import { uiText } from './i18n.js';
import { niceStep, renderSvgChart } from './svg-chart.js';

const pts = (n: number, f: (i: number) => number) => Array.from({ length: n }, (_, i) => ({ t: i * 100, zombies: f(i) }));
const results = [
  { mode: 'no-init' as const, pid1: 'python3', zombiesEnd: 99, zombiesPeak: 99, pidsUsedEnd: 101, pidsPeak: 101, pidsLimit: 256, forkFailures: 0, stopMs: 10_040, exitCode: 137 },
  { mode: 'init' as const, pid1: 'docker-init', zombiesEnd: 0, zombiesPeak: 0, pidsUsedEnd: 3, pidsPeak: 3, pidsLimit: 256, forkFailures: 0, stopMs: 120, exitCode: 143 },
];

describe('renderSvgChart', () => {
  const svg = renderSvgChart({ series: { 'no-init': pts(100, (i) => i), 'dumb-init': pts(100, () => 0), init: pts(100, () => 0) }, results, title: 'A & B' });

  it('is one standalone SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });
  it('draws one line per mode, told apart by dash pattern as well as colour', () => {
    expect(svg.match(/class="series /g)).toHaveLength(3);
    expect(svg).toContain('stroke-dasharray="8 4"');
    expect(svg).toContain('stroke-dasharray="2 3"');
  });
  it('has axes labels, a legend with PID 1 and the stop times, and an escaped title', () => {
    expect(svg).toContain('time (s)');
    expect(svg).toContain('zombie processes');
    expect(svg).toContain('no init (*) — PID 1: python3, peak 99 zombies, docker stop 10.04 s, exit 137');
    expect(svg).toContain('docker stop 0.12 s, exit 143');
    expect(svg).toContain('dumb-init (o)');
    expect(svg).toContain('A &amp; B');
  });
  it('scales the y-axis to a round number at or above the peak', () => {
    expect(svg).toContain('>100</text>');
    expect(svg).not.toContain('>120</text>');
  });
  it('marks when docker stop was sent, only when known', () => {
    const withStop = renderSvgChart({ series: { init: pts(100, () => 0) }, stopAt: 4_000 });
    expect(withStop).toContain('docker stop at 4.0 s');
    expect(withStop.match(/class="stop"/g)).toHaveLength(1);
    expect(svg).not.toContain('class="stop"');
  });
  it('leaves out modes without a series', () => {
    const one = renderSvgChart({ series: { init: pts(5, () => 0) } });
    expect(one).not.toContain('no init (*)');
    expect(one.match(/class="series /g)).toHaveLength(1);
    expect(one).toContain('class="series init"');
  });
});

describe('renderSvgChart: every lane visible, the limit named (issue 22 row 11)', () => {
  const pathYs = (svg: string, mode: string): number[] =>
    [...(new RegExp(`class="series ${mode}" d="([^"]+)"`).exec(svg)?.[1] ?? '').matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));

  it('draws docker --init a little above dumb-init when both lie at 0, says so, and their markers sit at other times', () => {
    const svg = renderSvgChart({ series: { 'no-init': pts(100, (i) => i), 'dumb-init': pts(100, () => 0), init: pts(100, () => 0) }, results });
    const dumb = pathYs(svg, 'dumb-init');
    const init = pathYs(svg, 'init');
    expect(dumb.length).toBe(100);
    expect(init.every((v, i) => Math.abs(dumb[i]! - v - 3) < 0.11)).toBe(true);
    expect(svg).toContain('docker --init (+) — PID 1: docker-init, peak 0 zombies, docker stop 0.12 s, exit 143 (drawn 3 px higher: it lies on dumb-init)');
    expect(svg).not.toMatch(/no init \(\*\)[^<]*drawn/);
    // dumb-init's circles and docker --init's squares: not one at the same time (x), the last point aside.
    const circles = new Set([...svg.matchAll(/<circle cx="([\d.]+)"/g)].map((m) => m[1]));
    const squares = [...svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="6"/g)].map((m) => (Number(m[1]) + 3).toFixed(1));
    const lastX = /<path class="series init" d="[^"]*L([\d.]+) [\d.]+"/.exec(svg)?.[1];
    expect(squares.length).toBeGreaterThan(10);
    // (82.0: the legend's own markers, one under the other.)
    expect(squares.filter((x) => x !== lastX && x !== '82.0' && circles.has(x))).toEqual([]);
  });

  it('lines apart from each other are drawn where they are', () => {
    const svg = renderSvgChart({ series: { 'no-init': pts(50, (i) => i * 2), 'dumb-init': pts(50, () => 0) } });
    expect(pathYs(svg, 'dumb-init').every((v) => v === pathYs(svg, 'dumb-init')[0])).toBe(true);
    expect(svg).not.toContain('drawn 3 px higher');
  });

  it('marks the plateau at the PID limit with a labelled line, in either language', () => {
    const limited = results.map((r) => ({ ...r, pidsLimit: 128 }));
    const series = { 'no-init': pts(100, (i) => Math.min(i * 3, 125)), init: pts(100, () => 0) };
    const svg = renderSvgChart({ series, results: limited });
    expect(svg.match(/<line class="pid-limit"/g)).toHaveLength(1);
    expect(svg).toContain('PID limit 128: no more processes, zombies included');
    const de = renderSvgChart({ series, results: limited, words: uiText('de').svg });
    expect(de).toContain('PID-Limit 128: keine Prozesse mehr, Zombies mitgezählt');
    // Far below the limit it is left out, so the lines keep the height of the plot.
    expect(renderSvgChart({ series: { 'no-init': pts(10, (i) => i) }, results })).not.toContain('pid-limit');
  });

  it('says "peak 1 zombie", and "Spitze 1 Zombie" in German', () => {
    const one = [{ ...results[1]!, zombiesPeak: 1 }];
    expect(renderSvgChart({ series: { init: pts(5, (i) => (i === 2 ? 1 : 0)) }, results: one })).toContain('peak 1 zombie, docker stop');
    expect(renderSvgChart({ series: { init: pts(5, () => 0) }, results: one, words: uiText('de').svg })).toContain('Spitze 1 Zombie, docker stop');
    expect(uiText('de').svg.legend({ ...results[0]! })).toContain('Spitze 99 Zombies,');
  });
});

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100)).toBe(20);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(0.2);
    expect(niceStep(3000)).toBe(1000);
  });
});
