import { describe, expect, it } from 'vitest';
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

describe('niceStep', () => {
  it('picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(100)).toBe(20);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(0.2);
    expect(niceStep(3000)).toBe(1000);
  });
});
