import { describe, expect, it } from 'vitest';
import { applyEvent, initialState, reduce } from '../app-state.js';
import { MODE_IDS } from '../modes.js';
import { podStart, THREE_PODS, THREE_PODS_STOP } from '../../test-support/pod-events.js';
import { podLaneEvents } from './pod-lane-events.js';

describe('podLaneEvents: a pods run on the demo lanes', () => {
  it('gives the pods the lanes in the order they start, each with its name, file, PID 1 and running state', () => {
    const map = podLaneEvents({ emulated: true, now: () => 1_000_000 });
    const out = THREE_PODS.slice(0, 4).flatMap(map);
    expect(out.filter((e) => e.type === 'pod')).toEqual([
      { type: 'pod', mode: 'no-init', pod: 'app-pid1', file: 'images/pods/01-app-pid1.yaml', emulated: true },
      { type: 'pod', mode: 'dumb-init', pod: 'shared-pid-ns', file: 'images/pods/02-shared-pid-ns.yaml', emulated: true },
      { type: 'pod', mode: 'init', pod: 'tini', file: 'images/pods/03-tini.yaml', emulated: true },
    ]);
    expect(out.filter((e) => e.type === 'pid1').map((e) => e.type === 'pid1' && e.name)).toEqual(['python3', 'catatonit', 'tini']);
    expect(out.filter((e) => e.type === 'lane')).toHaveLength(3);
  });

  it('counts zombies as samples (the probe\'s among them), and the stop as the grace period counted down, then the exit code', () => {
    const map = podLaneEvents({ emulated: false, now: () => 1_000_000 });
    const out = [...THREE_PODS, ...THREE_PODS_STOP].flatMap(map);
    const sample = out.find((e) => e.type === 'sample' && e.sample.t === 2000 && e.mode === 'no-init');
    expect(sample).toMatchObject({ sample: { zombies: 25, probeZombies: 2, pidsLimit: 256, pidsUsed: null } });
    expect(out).toContainEqual({ type: 'lane', mode: 'no-init', state: { kind: 'stopping', since: 1_000_000, deadline: 1_005_000, timeoutS: 5 } });
    expect(out).toContainEqual({ type: 'lane', mode: 'no-init', state: { kind: 'stopped', stopMs: 5000, exitCode: 137 } });
    expect(out).toContainEqual({ type: 'lane', mode: 'init', state: { kind: 'stopped', stopMs: 50, exitCode: 143 } });
    // Probe runs and notes have no lane of their own.
    expect(out.some((e) => e.type === 'problem')).toBe(false);
  });

  it('leaves out a pod beyond the lanes there are, and events of pods it never saw start', () => {
    const map = podLaneEvents({ emulated: false });
    const four = ['a', 'b', 'c', 'd'].flatMap((p, i) => map({ type: 'started', lane: podStart(p, i + 1, 'x') }));
    expect(four.filter((e) => e.type === 'pod')).toHaveLength(MODE_IDS.length);
    expect(map({ type: 'sample', pod: 'd', t: 1, zombies: 1, probeZombies: 0 })).toEqual([]);
  });

  it('folds into the app\'s lanes: the pod on each lane, its zombies and probe zombies, its PID 1, its stop', () => {
    const map = podLaneEvents({ emulated: true, now: () => 1_000_000 });
    let s = reduce(initialState({ slideCount: 3, replay: false }), { type: 'slide-count', count: 3, demoSlide: 1, podsSlide: 2 });
    s = reduce({ ...s, slide: 2 }, { type: 'run' });
    expect(s.runOf).toBe('pods');
    s = [...THREE_PODS, ...THREE_PODS_STOP].flatMap(map).reduce(applyEvent, s);
    const lane = s.lanes['no-init'];
    expect(lane.pod).toEqual({ name: 'app-pid1', file: 'images/pods/01-app-pid1.yaml', emulated: true });
    expect(lane).toMatchObject({ zombies: 25, peak: 25, probeZombies: 2, pid1: 'python3', state: { kind: 'stopped', exitCode: 137 } });
    expect(s.lanes['dumb-init']).toMatchObject({ pid1: 'catatonit', zombies: 0, probeZombies: 0 });
    // A new run on the demo slide is the demo again, on clean lanes.
    s = reduce({ ...s, slide: 1 }, { type: 'run' });
    expect(s.runOf).toBe('demo');
    expect(s.lanes['no-init'].pod).toBeNull();
  });
});
