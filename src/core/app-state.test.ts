import { describe, expect, it } from 'vitest';
import { initialState, lanesShown, MAX_POINTS, PENDING_MS, pressKey, readyList, reduce, sharedYMax, type AppMsg, type AppState } from './app-state.js';
import type { Sample } from './sample.js';

const start = (): AppState => initialState({ slideCount: 3, replay: false });
const run = (s: AppState, ...msgs: AppMsg[]): AppState => msgs.reduce(reduce, s);
const sample = (t: number, zombies: number, extra: Partial<Sample> = {}): Sample => ({
  t,
  zombies,
  live: 2,
  pidsUsed: zombies + 2,
  pidsLimit: 64,
  forkFailures: 0,
  costUs: 10,
  ...extra,
});

describe('slide navigation', () => {
  it('moves within the deck and stops at both ends', () => {
    let s = start();
    s = run(s, { type: 'prev-slide' });
    expect(s.slide).toBe(0);
    s = run(s, { type: 'next-slide' }, { type: 'next-slide' }, { type: 'next-slide' });
    expect(s.slide).toBe(2);
    s = run(s, { type: 'first-slide' });
    expect(s.slide).toBe(0);
    s = run(s, { type: 'last-slide' });
    expect(s.slide).toBe(2);
  });
  it('keeps the slide in range when the deck shrinks', () => {
    const s = run(start(), { type: 'last-slide' }, { type: 'slide-count', count: 2 });
    expect(s.slide).toBe(1);
    expect(s.slideCount).toBe(2);
  });
});

describe('digit keys (issue 22 rows 2 and 3)', () => {
  // A 14-slide deck whose demo slide is slide 6 (index 5), standing on it.
  const onDemo = (): AppState => run(initialState({ slideCount: 14, replay: false }), { type: 'slide-count', count: 14, demoSlide: 5 }, { type: 'demo-slide' });
  const keys = (s: AppState, ...presses: [string, number][]): AppState => presses.reduce((st, [name, at]) => reduce(st, { type: 'key', name, at }), s);

  it('a digit focuses its lane, and a lane digit typed after the count lapsed focuses that lane, not slide 23', () => {
    let s = keys(onDemo(), ['2', 1000]);
    expect(s.focus).toBe('dumb-init');
    s = keys(s, ['3', 1000 + PENDING_MS + 1]);
    expect(s.focus).toBe('init');
    expect(s.count).toBe('3');
  });
  it('a lane digit inside a pending count still focuses its lane', () => {
    const s = keys(onDemo(), ['2', 1000], ['3', 1500]);
    expect(s.focus).toBe('init');
    expect(s.count).toBe('23');
  });
  it('a pending count expires after PENDING_MS: the hint line gets its keys back, and G means the last slide again', () => {
    let s = keys(onDemo(), ['2', 1000]);
    expect(s.count).toBe('2');
    s = reduce(s, { type: 'pending-expired', at: 1000 + PENDING_MS - 1 });
    expect(s.count).toBe('2');
    s = reduce(s, { type: 'pending-expired', at: 1000 + PENDING_MS });
    expect(s).toMatchObject({ count: '', pending: null, focus: 'dumb-init' });
    s = keys(s, ['G', 1000 + PENDING_MS + 10]);
    expect(s.slide).toBe(13);
  });
  it('even with no expiry message (a late timer), a stale count is not extended: 2, then G 2 s later is the last slide', () => {
    const s = keys(onDemo(), ['2', 1000], ['G', 3000]);
    expect(s.slide).toBe(13);
    expect(s.count).toBe('');
  });
  it('a burst 1 2 Enter jumps to slide 12 and gives back the focus the digits took', () => {
    const s = keys(onDemo(), ['1', 1000], ['2', 1001], ['enter', 1002]);
    expect(s.slide).toBe(11);
    expect(s).toMatchObject({ focus: null, tree: false, count: '', pending: null, countFrom: null });
  });
  it('12G from a focused lane with its tree returns to that lane and tree on slide 12', () => {
    const s = keys(onDemo(), ['t', 900], ['1', 1000], ['2', 1100], ['G', 1200]);
    expect(s).toMatchObject({ slide: 11, focus: 'no-init', tree: true });
  });
  it('gg lapses too: g, then g 2 s later is not the first slide', () => {
    const s = keys(onDemo(), ['g', 1000], ['g', 3000]);
    expect(s.slide).toBe(5);
    expect(keys(onDemo(), ['g', 1000], ['g', 1200]).slide).toBe(0);
  });
  it('pressKey names the action for the caller (r starts a run) and applies it', () => {
    const r = pressKey(onDemo(), 'r', 1000);
    expect(r.action).toEqual({ type: 'run' });
    expect(r.state.phase).toBe('running');
  });
});

describe('focus, tree and help', () => {
  it('Esc closes help first, then the focus', () => {
    let s = run(start(), { type: 'focus', mode: 'dumb-init' }, { type: 'toggle-help' });
    expect(s.help).toBe(true);
    s = run(s, { type: 'back' });
    expect(s.help).toBe(false);
    expect(s.focus).toBe('dumb-init');
    s = run(s, { type: 'back' });
    expect(s.focus).toBeNull();
  });
  it('t shows the no-init tree when nothing is focused, and t again goes back', () => {
    let s = run(start(), { type: 'toggle-tree' });
    expect(s).toMatchObject({ tree: true, focus: 'no-init' });
    s = run(s, { type: 'toggle-tree' });
    expect(s).toMatchObject({ tree: false, focus: null });
  });
  it('t keeps a lane already focused', () => {
    const s = run(start(), { type: 'focus', mode: 'init' }, { type: 'toggle-tree' });
    expect(s.focus).toBe('init');
  });
});

describe('run phases and events', () => {
  it('r resets the lanes and bumps the run counter; s only stops a running run', () => {
    let s = run(start(), { type: 'stop' });
    expect(s.phase).toBe('idle');
    s = run(s, { type: 'run' }, { type: 'event', event: { type: 'sample', mode: 'no-init', sample: sample(100, 5) } });
    expect(s.lanes['no-init'].zombies).toBe(5);
    s = run(s, { type: 'run' });
    expect(s.runSeq).toBe(2);
    expect(s.lanes['no-init'].series).toEqual([]);
    s = run(s, { type: 'stop' });
    expect(s.phase).toBe('stopping');
  });
  it('tracks current, peak, PIDs and tree from samples', () => {
    const tree = [{ pid: 1, ppid: 0, comm: 'python3', state: 'S' }];
    const s = run(
      start(),
      { type: 'run' },
      { type: 'events', events: [
        { type: 'sample', mode: 'no-init', sample: sample(100, 7) },
        { type: 'sample', mode: 'no-init', sample: sample(200, 3, { forkFailures: 4 }), tree },
      ] },
    );
    const l = s.lanes['no-init'];
    expect(l).toMatchObject({ zombies: 3, peak: 7, pidsUsed: 5, pidsLimit: 64, forkFailures: 4, tree });
    expect(l.series).toEqual([{ t: 100, zombies: 7 }, { t: 200, zombies: 3 }]);
    expect(s.lanes.init.series).toEqual([]);
  });
  it('bounds the series length by thinning, keeping the start of the run and its peak', () => {
    let s = run(start(), { type: 'run' });
    const events = Array.from({ length: MAX_POINTS + 10 }, (_, i) => ({ type: 'sample' as const, mode: 'init' as const, sample: sample(i * 100, i === 1001 ? 7 : 0) }));
    s = run(s, { type: 'events', events });
    expect(s.lanes.init.series.length).toBeLessThanOrEqual(MAX_POINTS);
    expect(s.lanes.init.series[0]?.t).toBe(0);
    expect(s.lanes.init.series.some((p) => p.zombies === 7)).toBe(true);
    expect(s.lanes.init.series.at(-1)?.t).toBe((MAX_POINTS + 9) * 100);
  });
  it('remembers when docker stop began, relative to the start of the run', () => {
    const s = run(
      start(),
      { type: 'run' },
      { type: 'event', event: { type: 'lane', mode: 'init', state: { kind: 'running', startedAt: 5_000 } } },
      { type: 'event', event: { type: 'lane', mode: 'init', state: { kind: 'stopping', since: 17_000, deadline: 27_000, timeoutS: 10 } } },
      { type: 'event', event: { type: 'lane', mode: 'no-init', state: { kind: 'stopping', since: 17_050, deadline: 27_050, timeoutS: 10 } } },
    );
    expect(s.stopAt).toBe(12_000);
    expect(run(s, { type: 'run' }).stopAt).toBeNull();
  });
  it('a stopping lane puts the run into the stopping phase; done stores results', () => {
    let s = run(start(), { type: 'run' }, { type: 'event', event: { type: 'lane', mode: 'init', state: { kind: 'stopping', since: 0, deadline: 10_000, timeoutS: 10 } } });
    expect(s.phase).toBe('stopping');
    const result = { mode: 'init' as const, pid1: 'docker-init', zombiesEnd: 0, zombiesPeak: 0, pidsUsedEnd: 2, pidsPeak: 3, pidsLimit: 64, forkFailures: 0, stopMs: 90, exitCode: 143 };
    s = run(s, { type: 'event', event: { type: 'done', results: [result] } });
    expect(s.phase).toBe('done');
    expect(s.lanes.init.result).toEqual(result);
    expect(s.lanes.init.pid1).toBe('docker-init');
  });
  it('a problem turns lanes that never started into errors and leaves running ones', () => {
    const problem = { message: 'no daemon', fix: 'start docker' };
    const s = run(
      start(),
      { type: 'run' },
      { type: 'event', event: { type: 'lane', mode: 'no-init', state: { kind: 'running', startedAt: 0 } } },
      { type: 'event', event: { type: 'problem', problem } },
    );
    expect(s.problem).toEqual(problem);
    expect(s.lanes['no-init'].state.kind).toBe('running');
    expect(s.lanes.init.state).toEqual({ kind: 'error', problem });
  });
  it('run-ended leaves an idle app idle and ends a run', () => {
    expect(run(start(), { type: 'run-ended' }).phase).toBe('idle');
    expect(run(start(), { type: 'run' }, { type: 'run-ended' }).phase).toBe('done');
  });
});

describe('sharedYMax', () => {
  it('is the PID limit, or the highest count seen when that is larger, and 10 with no data', () => {
    expect(sharedYMax(start())).toBe(10);
    let s = run(start(), { type: 'run' }, { type: 'event', event: { type: 'sample', mode: 'init', sample: sample(0, 0) } });
    expect(sharedYMax(s)).toBe(64);
    s = run(s, { type: 'event', event: { type: 'sample', mode: 'no-init', sample: sample(0, 90) } });
    expect(sharedYMax(s)).toBe(90);
  });
});

describe('the containers list (i)', () => {
  const row = (name: string) => ({ name, image: 'x', verdict: 'v', problems: 0 });
  const open = (n: number): AppState =>
    run(start(), { type: 'toggle-containers' }, { type: 'containers-listed', list: readyList(Array.from({ length: n }, (_, i) => row(`c${i}`)), 2, 0) });
  const key = (s: AppState, name: string): AppState => reduce(s, { type: 'key', name, at: 0 });
  const selected = (s: AppState): number | null => (s.containers?.kind === 'ready' ? s.containers.selected : null);

  it('moves the selection within the list, keeps the slide, and Esc closes details before the list', () => {
    let s = open(3);
    s = key(key(key(key(s, 'j'), 'down'), 'j'), 'right');
    expect(selected(s)).toBe(2);
    expect(s.slide).toBe(0);
    s = key(s, 'pageup');
    expect(selected(s)).toBe(0);
    s = key(s, 'enter');
    expect(s.containers?.kind === 'ready' && s.containers.detail).toBe(true);
    s = key(s, 'escape');
    expect(s.containers?.kind === 'ready' && s.containers.detail).toBe(false);
    s = key(s, 'escape');
    expect(s.containers).toBeNull();
  });

  it('an empty list has nothing to select or open', () => {
    const s = key(key(open(0), 'j'), 'enter');
    expect(s.containers).toEqual(readyList([], 2, 0));
  });
});

describe('lanesShown: the lanes under the names of the slide they are on', () => {
  const deck = reduce(reduce(initialState({ slideCount: 5, replay: false }), { type: 'slide-count', count: 5, demoSlide: 1, podsSlide: 2 }), {
    type: 'pod-labels',
    pods: [{ name: 'app-pid1', file: 'images/pods/01-app-pid1.yaml' }],
  });
  it('on the pods slide before any pods run: idle lanes named by the pods, the rest by nothing', () => {
    const s = { ...deck, slide: 2 };
    expect(lanesShown(s)['no-init'].pod).toEqual({ name: 'app-pid1', file: 'images/pods/01-app-pid1.yaml', emulated: false });
    expect(lanesShown(s).init.pod).toBeNull();
    expect(lanesShown(s)['no-init'].series).toEqual([]);
  });
  it("elsewhere, and on a slide of the last run's own kind, the run's lanes", () => {
    expect(lanesShown({ ...deck, slide: 1 })).toBe(deck.lanes);
    expect(lanesShown({ ...deck, slide: 4 })).toBe(deck.lanes);
    const pods = reduce({ ...deck, slide: 2 }, { type: 'run' });
    expect(pods.runOf).toBe('pods');
    expect(lanesShown(pods)).toBe(pods.lanes);
    // Its pods take seconds to report: until then the lanes carry the pods' names, not the demo's.
    expect(pods.lanes['no-init'].pod?.name).toBe('app-pid1');
    expect(reduce({ ...deck, slide: 1 }, { type: 'run' }).lanes['no-init'].pod).toBeNull();
    // Back on the demo slide after a pods run: idle demo lanes, no pod on them.
    expect(lanesShown({ ...pods, slide: 1 })['no-init'].pod).toBeNull();
  });
});
