/**
 * The pods slide at 80x24: `r` there asks the source for the pods, and their lanes show each
 * pod's name, PID 1, zombies with the probe's, the file, the emulation, then the stop's exit codes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import type { EventSource, RunOf } from '../core/event-source.js';
import { podLaneEvents } from '../core/pods/pod-lane-events.js';
import { initialState, reduce } from '../core/app-state.js';
import { uiText } from '../core/i18n.js';
import { problemOf } from '../core/problem-text.js';
import type { Slide } from '../core/slides/types.js';
import { makeTheme } from '../core/theme.js';
import { syntheticRun } from '../bench/synthetic-run.js';
import { plain, setSize } from '../test-support/ink-frames.js';
import { THREE_PODS, THREE_PODS_STOP } from '../test-support/pod-events.js';
import { cutCells } from '../test-support/screen-check.js';
import { scriptedSource } from '../test-support/scripted-source.js';
import { App } from './app.js';
import { DemoRunner } from './demo-runner.js';
import { LanesSummary } from './demo-commands.js';

const slide = (title: string, body: string, widgets: Slide['widgets'] = []): Slide => ({ file: 'slides/en/x.md', line: 1, section: null, title, body, notes: 'NOTE', widgets });
const SLIDES: Slide[] = [
  slide('Demo', 'docker run --rm -ti zombie', [{ kind: 'lanes' }]),
  slide('Pods', '`images/pods/*.yaml`:\n\n* `app-pid1`: the app is PID 1', [{ kind: 'lanes', pods: true }]),
];

afterEach(() => {
  cleanup();
});

/** The three pods' run on the lanes (emulated), as the live source gives it: running, then stopped on `s`. */
function podsSource(): EventSource {
  const map = podLaneEvents({ emulated: true });
  return scriptedSource(THREE_PODS.flatMap(map), THREE_PODS_STOP.flatMap(map));
}

/** The app at 80x24 on these slides, with its frame as plain text and a wait for text on it. */
function app(source: EventSource, pods?: { name: string; file: string }[]) {
  const r = render(<App slides={SLIDES} runner={new DemoRunner(source, 20)} replay={false} theme={makeTheme('default', false)} {...(pods ? { pods } : {})} />);
  setSize(r.stdout, 80, 24);
  const frame = () => plain(r.lastFrame() ?? '');
  const waitFor = (text: string | RegExp) => vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 3000, interval: 10 });
  return { r, frame, waitFor };
}

describe('the pods slide', () => {
  it('at 80x24: r runs the pods, whose lanes name pod, PID 1, zombies and the probe\'s, the emulation, then s stops them with their exit codes', async () => {
    const asked: (RunOf | undefined)[] = [];
    const pods = podsSource();
    const demo = scriptedSource(syntheticRun(1));
    const source: EventSource = (ctl) => {
      asked.push(ctl.runOf);
      return ctl.runOf === 'pods' ? pods(ctl) : demo(ctl);
    };
    const { r, frame, waitFor } = app(source);
    await waitFor('slide 1/2');
    r.stdin.write('l');
    await waitFor('slide 2/2');
    expect(frame()).toContain('r run pods');
    r.stdin.write('r');
    await waitFor('app-pid1');
    await waitFor('zombies 25 (probe 2) PID 1: python3');
    const running = frame();
    expect(asked).toEqual(['pods']);
    for (const text of ['1 app-pid1', '2 shared-pid-ns', 'PID 1: python3', 'images/pods/01-app-pid1.yaml', 'emulated']) expect(running).toContain(text);
    expect(cutCells(running, 80)).toEqual([]);
    r.stdin.write('s');
    await waitFor('exit 137');
    const stopped = frame();
    expect(stopped).toContain('exit 143');
    expect(cutCells(stopped, 80)).toEqual([]);
    // The demo slide's r is the demo again.
    r.stdin.write('h');
    await waitFor('slide 1/2');
    r.stdin.write('r');
    await vi.waitFor(() => expect(asked).toEqual(['pods', 'demo']), { timeout: 3000, interval: 10 });
    await waitFor('1 no init');
  });
});

describe('the lanes under the names of the slide they are on', () => {
  it('the pods slide names its idle lanes by the pods before r; back on the demo slide after a pods run, the demo names', async () => {
    const source: EventSource = podsSource();
    const labels = [
      { name: 'app-pid1', file: 'images/pods/01-app-pid1.yaml' },
      { name: 'shared-pid-ns', file: 'images/pods/02-shared-pid-ns.yaml' },
      { name: 'tini', file: 'images/pods/03-tini.yaml' },
    ];
    const { r, frame, waitFor } = app(source, labels);
    await waitFor('1 no init');
    r.stdin.write('l');
    await waitFor('slide 2/2');
    await waitFor('1 app-pid1');
    const idle = frame();
    for (const text of ['2 shared-pid-ns', '3 tini', 'images/pods/01-app-pid1.yaml']) expect(idle).toContain(text);
    expect(idle).not.toContain('no init');
    expect(idle).toContain('r runs the three pods side by side');
    r.stdin.write('r');
    await waitFor('zombies 25 (probe 2) PID 1: python3');
    expect(frame()).toContain('s stops the pods: SIGTERM, SIGKILL');
    r.stdin.write('h');
    await waitFor('slide 1/2');
    await waitFor('1 no init');
    expect(frame()).not.toContain('app-pid1');
  });

  it('the summary beside the slide, squeezed to keys and zombies, keys a pods run by its pods, never by the demo\'s modes', () => {
    const deck = reduce(reduce(initialState({ slideCount: 2, replay: false }), { type: 'slide-count', count: 2, demoSlide: 0, podsSlide: 1 }), {
      type: 'pod-labels',
      pods: [
        { name: 'app-pid1', file: 'images/pods/01-app-pid1.yaml' },
        { name: 'shared-pid-ns', file: 'images/pods/02-shared-pid-ns.yaml' },
        { name: 'tini', file: 'images/pods/03-tini.yaml' },
      ],
    });
    // The run failed at once (a recording without pods): the lanes' error states take rows of their own.
    const failed = reduce(reduce({ ...deck, slide: 1 }, { type: 'run' }), { type: 'event', event: { type: 'problem', problem: problemOf({ id: 'pods-need-engine' }) } });
    // Three rows for three lanes: no room for their states, only keys and zombies.
    const { lastFrame } = render(<LanesSummary state={failed} theme={makeTheme('default', true)} width={34} height={3} now={0} t={uiText('en')} />);
    const rows = plain(lastFrame() ?? '').split('\n');
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^ \* 1 app-pid1 +zombies 0$/);
    expect(rows[1]).toMatch(/^ o 2 shared-pid-ns +zombies 0$/);
    expect(rows[2]).toMatch(/^ \+ 3 tini +zombies 0$/);
  });

  it('on Podman (the pods played, not emulated), the plot caption names the stop that happened: podman stop with the grace period, not docker stop', async () => {
    const map = podLaneEvents({ emulated: false });
    const source = scriptedSource(THREE_PODS.flatMap(map), THREE_PODS_STOP.flatMap(map));
    const r = render(<App slides={SLIDES} runner={new DemoRunner(source, 20)} replay={false} theme={makeTheme('default', false)} />);
    setSize(r.stdout, 160, 48);
    const frame = () => plain(r.lastFrame() ?? '');
    const waitFor = (text: string | RegExp) => vi.waitFor(() => expect(frame()).toMatch(text), { timeout: 3000, interval: 10 });
    await waitFor('slide 1/2');
    r.stdin.write('l');
    await waitFor('slide 2/2');
    r.stdin.write('r');
    await waitFor('zombies 25 (probe 2)');
    r.stdin.write('s');
    await waitFor('exit 137');
    await waitFor('┊ podman stop (grace period)');
    expect(frame()).not.toContain('docker stop');
  });
});
