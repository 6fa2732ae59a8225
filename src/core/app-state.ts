/**
 * State of the presenter app as a pure reducer: key presses and run events in, state out.
 * The Ink components only render it; effects (starting the engine, writing files) live in
 * hooks keyed on the state (runSeq, stopSeq, exportSeq, containers, quitting) that dispatch
 * here, so everything the screen shows is testable without a terminal.
 */
import type { RunOf } from './event-source.js';
import { resolveKey, type Action, type KeyMode } from './keymap.js';
import { MODE_IDS, type ModeId } from './modes.js';
import type { BuildNote, BuildWay, LaneState, ModeResult, ProcEntry, Problem, RunEvent } from './run-events.js';
import type { SampleSource } from './sample.js';
import { emptyResult, foldResult } from './run-summary.js';
import type { ContainerVerdict } from './inspect/report.js';

/**
 * Points kept per lane. A longer run is thinned (every pair of points becomes its higher one)
 * instead of dropping its start: the plot shows the whole run, and no peak is lost.
 */
export const MAX_POINTS = 6000;

/**
 * How long an unfinished key sequence waits for its next key (the `1` of `12G`, the first `g`
 * of `gg`). Long enough to type a two-digit slide number, short enough that a digit typed
 * later starts afresh instead of piling up.
 */
export const PENDING_MS = 1500;

export interface LaneModel {
  mode: ModeId;
  state: LaneState;
  series: { t: number; zombies: number }[];
  zombies: number;
  peak: number;
  live: number;
  pidsUsed: number | null;
  pidsLimit: number | null;
  forkFailures: number | null;
  pid1: string | null;
  tree: ProcEntry[] | null;
  /** The pod this lane shows in a pods run (`::: lanes pods`), else null: the demo's mode. */
  pod: { name: string; file: string; emulated: boolean } | null;
  /** A pod's lane: how many of its zombies the exec probe left (null: not known, or the demo). */
  probeZombies: number | null;
  /** The lane's result so far, from the one fold of run events (core/run-summary.ts); `peak` and `pid1` are read from it. */
  soFar: ModeResult;
  /** The final result, once the run's 'done' came. */
  result: ModeResult | null;
}

export type RunPhase = 'idle' | 'running' | 'stopping' | 'done';

export interface AppState {
  slide: number;
  slideCount: number;
  focus: ModeId | null;
  tree: boolean;
  help: boolean;
  /** The slide index (Ctrl-P) is open, with this slide selected; null when closed. */
  index: number | null;
  /** The screen is blanked (b or .), for when the audience should look at the presenter. */
  blank: boolean;
  /** Lanes drawn in full beside every slide (p); otherwise only on the demo slide, one summary line elsewhere. */
  lanesOpen: boolean;
  /** Keys of an unfinished sequence (digits of `12G`, the `g` of `gg`) and when the last came; dropped after PENDING_MS. */
  pending: { keys: string; at: number } | null;
  /** Digits of a pending count (`5` of `5G`), shown in the hint line ('' when none). */
  count: string;
  /** Focus and tree before the count's first digit, so `12 Enter` takes back what its lane digits focused. */
  countFrom: { focus: ModeId | null; tree: boolean } | null;
  /** First slide with the live lanes widget (the `d` key), or null when the deck has none. */
  demoSlide: number | null;
  /** First slide with the pods' lanes (`::: lanes pods`), or null: `r` there runs the pods. */
  podsSlide: number | null;
  /** What the current (or last) run runs: set by `r` from the slide it was pressed on. */
  runOf: RunOf;
  /** The lab's pods (images/pods/), in lane order: the pods slide names its lanes by them before they run. */
  podLabels: readonly PodLabel[];
  phase: RunPhase;
  /** Bumped on every (re)start so effects know a new run was asked for. */
  runSeq: number;
  /** Bumped on every stop asked for, and the run (runSeq) it was asked of: the app's effect stops that run only. */
  stopSeq: number;
  stopRun: number;
  /** Bumped on every `e`: the app's effect writes the handout. */
  exportSeq: number;
  lanes: Record<ModeId, LaneModel>;
  /** The latest builder line, or the image's result once built (worded by the UI). */
  build: { image: string; line: string | null; note: BuildNote | null; ready: { tag: string; way: BuildWay; ms: number } | null } | null;
  source: { source: SampleSource; detail: string } | null;
  problem: Problem | null;
  /** True when the events come from a recording: the screen says REPLAY at all times. */
  replay: boolean;
  /** Still finding out whether an engine answers (the slides work meanwhile). */
  connecting: boolean;
  /** A one-line message in the hint bar (export saved, engine unreachable, ...). */
  notice: string | null;
  results: ModeResult[] | null;
  /** Epoch ms the lanes started running, and run-relative ms `docker stop` began (for the handout). */
  runStartedAt: number | null;
  stopAt: number | null;
  quitting: boolean;
  /** The `i` list of the engine's running containers (null: closed). */
  containers: ContainerList | null;
}

/**
 * The `i` list. `hidden`: the lab's own containers left out (its demo lanes, standbys and samplers,
 * which the lanes already show); `selected`: the row the arrow keys move; `detail`: that row's
 * details are open (Enter).
 */
export type ContainerList =
  /** Being read: `done` of `total` judged so far (absent until the engine listed them). */
  | { kind: 'loading'; done?: number; total?: number }
  | { kind: 'ready'; rows: ContainerVerdict[]; hidden: number; at: number; selected: number; detail: boolean }
  | { kind: 'error'; message: string };

/** A freshly read list: the first row selected, no details open. */
export function readyList(rows: ContainerVerdict[], hidden: number, at: number): ContainerList {
  return { kind: 'ready', rows, hidden, at, selected: 0, detail: false };
}

export type AppMsg =
  | Action
  /** A key press (its name as keyName gives it) at epoch ms `at`. */
  | { type: 'key'; name: string | null; at: number }
  /** Time has passed: a sequence pending for PENDING_MS or more is dropped. */
  | { type: 'pending-expired'; at: number }
  | { type: 'event'; event: RunEvent }
  /** Events batched by the runner (flushed at 10 Hz so the screen redraws once per tick). */
  | { type: 'events'; events: RunEvent[] }
  | { type: 'containers-listed'; list: ContainerList }
  /** The event source ended (after `done`, an error, or an abort). */
  | { type: 'run-ended' }
  | { type: 'notice'; text: string | null }
  | { type: 'slide-count'; count: number; demoSlide?: number | null; podsSlide?: number | null }
  | { type: 'pod-labels'; pods: readonly PodLabel[] }
  | { type: 'source-chosen'; replay: boolean; connecting: boolean; notice: string | null };

export function emptyLane(mode: ModeId): LaneModel {
  return {
    mode,
    state: { kind: 'idle' },
    series: [],
    zombies: 0,
    peak: 0,
    live: 0,
    pidsUsed: null,
    pidsLimit: null,
    forkFailures: null,
    pid1: null,
    tree: null,
    pod: null,
    probeZombies: null,
    soFar: emptyResult(mode),
    result: null,
  };
}

function emptyLanes(): Record<ModeId, LaneModel> {
  return Object.fromEntries(MODE_IDS.map((m) => [m, emptyLane(m)])) as Record<ModeId, LaneModel>;
}

/** A pod's name and file, as its lane shows them. */
export interface PodLabel {
  name: string;
  file: string;
}

const idleDemoLanes = emptyLanes();
const idlePodLanes = new WeakMap<readonly PodLabel[], Record<ModeId, LaneModel>>();

/**
 * Whether the current slide shows the last run: yes, but for a lanes slide of the other kind (the
 * pods slide after a demo run or none, the demo slide after a pods run), where `r` starts this
 * slide's run. Other slides show the last run, whichever it was.
 */
export function showsLastRun(s: AppState): boolean {
  if (s.slide === s.podsSlide) return s.runOf === 'pods';
  if (s.slide === s.demoSlide) return s.runOf === 'demo';
  return true;
}

/**
 * The lanes the current slide shows: the last run's where it shows it (showsLastRun), else idle
 * lanes of the slide's own kind — on the pods slide named by the pods that `r` runs there. A run
 * of the other kind never shows under the wrong names.
 */
export function lanesShown(s: AppState): Record<ModeId, LaneModel> {
  if (showsLastRun(s)) return s.lanes;
  return s.slide === s.podsSlide ? idlePodLanesOf(s.podLabels) : idleDemoLanes;
}

/** Lanes named by the pods that `r` runs on the pods slide, before their run reports them. */
function idlePodLanesOf(pods: readonly PodLabel[]): Record<ModeId, LaneModel> {
  let lanes = idlePodLanes.get(pods);
  if (!lanes) {
    lanes = Object.fromEntries(
      MODE_IDS.map((m, i) => {
        const p = pods[i];
        return [m, { ...emptyLane(m), pod: p ? { name: p.name, file: p.file, emulated: false } : null }];
      }),
    ) as Record<ModeId, LaneModel>;
    idlePodLanes.set(pods, lanes);
  }
  return lanes;
}

export function initialState(opts: { slideCount: number; replay: boolean; connecting?: boolean; notice?: string | null }): AppState {
  return {
    slide: 0,
    slideCount: Math.max(1, opts.slideCount),
    focus: null,
    tree: false,
    help: false,
    index: null,
    blank: false,
    lanesOpen: false,
    pending: null,
    count: '',
    countFrom: null,
    demoSlide: null,
    podsSlide: null,
    runOf: 'demo',
    podLabels: [],
    phase: 'idle',
    runSeq: 0,
    stopSeq: 0,
    stopRun: 0,
    exportSeq: 0,
    lanes: emptyLanes(),
    build: null,
    source: null,
    problem: null,
    replay: opts.replay,
    connecting: opts.connecting ?? false,
    notice: opts.notice ?? null,
    results: null,
    runStartedAt: null,
    stopAt: null,
    quitting: false,
    containers: null,
  };
}

const clampSlide = (s: AppState, i: number): number => Math.min(Math.max(0, i), s.slideCount - 1);

export function reduce(s: AppState, msg: AppMsg): AppState {
  switch (msg.type) {
    case 'next-slide':
      return { ...s, slide: clampSlide(s, s.slide + 1) };
    case 'prev-slide':
      return { ...s, slide: clampSlide(s, s.slide - 1) };
    case 'first-slide':
      return { ...s, slide: 0 };
    case 'last-slide':
      return { ...s, slide: s.slideCount - 1 };
    case 'goto-slide':
      return { ...s, slide: clampSlide(s, msg.index), ...(msg.fromCount && s.countFrom ? s.countFrom : {}) };
    case 'demo-slide':
      return s.demoSlide === null ? s : { ...s, slide: s.demoSlide };
    case 'slide-index':
      return { ...s, index: s.index === null ? s.slide : null, help: false };
    case 'index-move':
      return s.index === null ? s : { ...s, index: clampSlide(s, s.index + msg.by) };
    case 'index-go':
      return s.index === null ? s : { ...s, slide: s.index, index: null };
    case 'blank':
      return { ...s, blank: !s.blank };
    case 'toggle-lanes':
      return { ...s, lanesOpen: !s.lanesOpen };
    case 'key':
      // Once quitting, keys do nothing: the containers are being removed.
      return s.quitting ? s : pressKey(s, msg.name, msg.at).state;
    case 'pending-expired':
      return s.pending && msg.at - s.pending.at >= PENDING_MS ? { ...s, pending: null, count: '', countFrom: null } : s;
    case 'pod-labels':
      return { ...s, podLabels: msg.pods };
    case 'slide-count': {
      const count = Math.max(1, msg.count);
      return {
        ...s,
        slideCount: count,
        slide: Math.min(s.slide, count - 1),
        demoSlide: msg.demoSlide === undefined ? s.demoSlide : msg.demoSlide,
        podsSlide: msg.podsSlide === undefined ? s.podsSlide : msg.podsSlide,
      };
    }
    case 'run':
      return {
        ...s,
        phase: 'running',
        runSeq: s.runSeq + 1,
        runOf: s.slide === s.podsSlide ? 'pods' : 'demo',
        // A pods run's lanes carry the pods' names from the start: its pods take seconds to report.
        lanes: s.slide === s.podsSlide ? idlePodLanesOf(s.podLabels) : emptyLanes(),
        build: null,
        problem: null,
        results: null,
        notice: null,
        runStartedAt: null,
        stopAt: null,
      };
    case 'stop': {
      const asked = { ...s, stopSeq: s.stopSeq + 1, stopRun: s.runSeq };
      return s.phase === 'running' ? { ...asked, phase: 'stopping' } : asked;
    }
    case 'focus':
      return { ...s, focus: msg.mode, help: false };
    case 'toggle-tree':
      // The tree lives in the focused view; `t` gets there (no-init first, where the zombies are) and back.
      return s.tree ? { ...s, tree: false, focus: null } : { ...s, tree: true, focus: s.focus ?? 'no-init', help: false };
    case 'toggle-help':
      return { ...s, help: !s.help, containers: null };
    case 'toggle-containers':
      return s.containers ? { ...s, containers: null } : { ...s, containers: { kind: 'loading' }, help: false };
    case 'containers-listed':
      // A list that arrives after the presenter closed it stays closed.
      return s.containers ? { ...s, containers: msg.list } : s;
    case 'containers-move': {
      const c = s.containers;
      if (c?.kind !== 'ready' || c.rows.length === 0) return s;
      return { ...s, containers: { ...c, selected: Math.min(Math.max(0, c.selected + msg.by), c.rows.length - 1) } };
    }
    case 'containers-detail': {
      const c = s.containers;
      return c?.kind === 'ready' && c.rows.length > 0 ? { ...s, containers: { ...c, detail: !c.detail } } : s;
    }
    case 'back':
      if (s.containers?.kind === 'ready' && s.containers.detail) return { ...s, containers: { ...s.containers, detail: false } };
      if (s.containers) return { ...s, containers: null };
      if (s.help) return { ...s, help: false };
      if (s.index !== null) return { ...s, index: null };
      return { ...s, focus: null, tree: false };
    case 'export-svg':
      return { ...s, exportSeq: s.exportSeq + 1 };
    case 'quit':
      return { ...s, quitting: true };
    case 'notice':
      return { ...s, notice: msg.text };
    case 'source-chosen':
      return { ...s, replay: msg.replay, connecting: msg.connecting, notice: msg.notice ?? s.notice };
    case 'run-ended':
      return s.phase === 'idle' ? s : { ...s, phase: 'done' };
    case 'event':
      return applyEvent(s, msg.event);
    case 'events':
      return msg.events.reduce(applyEvent, s);
  }
}

/**
 * One key press: the action it means (for the caller's effects: start, stop, quit, ...) and the
 * state after it. A sequence older than PENDING_MS is forgotten first, so a digit typed later
 * starts a new count (and focuses its lane) instead of extending a stale one.
 */
export function pressKey(s: AppState, name: string | null, at: number): { state: AppState; action: Action | null } {
  const mode: KeyMode = s.blank ? 'blank' : s.containers ? 'containers' : s.index !== null ? 'index' : 'normal';
  const prefix = s.pending && at - s.pending.at < PENDING_MS ? s.pending.keys : '';
  const { action, prefix: next } = resolveKey(name, prefix, mode);
  const digits = /^[0-9]+$/.test(next) ? next : '';
  const counting = /^[0-9]+$/.test(prefix);
  // The count's start is remembered until its G or Enter has been applied.
  const countFrom = digits && !counting ? { focus: s.focus, tree: s.tree } : s.countFrom;
  let state: AppState = { ...s, pending: next ? { keys: next, at } : null, count: digits, countFrom: counting || digits ? countFrom : null };
  if (action) state = reduce(state, action);
  if (!digits) state = { ...state, countFrom: null };
  return { state, action };
}

function withLane(s: AppState, mode: ModeId, f: (l: LaneModel) => LaneModel): AppState {
  return { ...s, lanes: { ...s.lanes, [mode]: f(s.lanes[mode]) } };
}

export function applyEvent(s: AppState, e: RunEvent): AppState {
  switch (e.type) {
    case 'build-progress':
      return { ...s, build: { image: e.image, line: e.line, note: e.note ?? null, ready: null } };
    case 'build-done':
      return { ...s, build: { image: e.image, line: null, note: null, ready: { tag: e.tag, way: e.way, ms: e.ms } } };
    case 'source':
      return { ...s, source: { source: e.source, detail: e.detail } };
    case 'lane': {
      let next = withLane(s, e.mode, (l) => ({ ...l, state: e.state, soFar: foldResult(l.soFar, e) }));
      if (e.state.kind === 'running' && next.runStartedAt === null) next = { ...next, runStartedAt: e.state.startedAt };
      // In the samples' own time (the newest sample so far), which a replay's jump to its stop keeps.
      if (e.state.kind === 'stopping' && next.stopAt === null && next.runStartedAt !== null) {
        const lastT = Math.max(...MODE_IDS.map((m) => next.lanes[m].series.at(-1)?.t ?? -1));
        next = { ...next, stopAt: lastT >= 0 ? lastT : e.state.since - next.runStartedAt };
      }
      // The first lane that goes to 'stopping' means a stop is under way, whoever asked for it.
      return e.state.kind === 'stopping' && s.phase === 'running' ? { ...next, phase: 'stopping' } : next;
    }
    case 'pod':
      return withLane(s, e.mode, (l) => ({ ...l, pod: { name: e.pod, file: e.file, emulated: e.emulated } }));
    case 'pid1':
      return withLane(s, e.mode, (l) => {
        const soFar = foldResult(l.soFar, e);
        return { ...l, soFar, pid1: soFar.pid1 };
      });
    case 'sample':
      return withLane(s, e.mode, (l) => {
        // The plot keeps its own thinned series; the result's figures come from the shared fold.
        const point = { t: e.sample.t, zombies: e.sample.zombies };
        const series = l.series.length >= MAX_POINTS ? [...thin(l.series), point] : [...l.series, point];
        const soFar = foldResult(l.soFar, e);
        return {
          ...l,
          series,
          soFar,
          zombies: soFar.zombiesEnd,
          peak: soFar.zombiesPeak,
          live: e.sample.live,
          pidsUsed: e.sample.pidsUsed,
          pidsLimit: e.sample.pidsLimit,
          forkFailures: e.sample.forkFailures,
          probeZombies: e.sample.probeZombies ?? l.probeZombies,
          tree: e.tree ?? l.tree,
        };
      });
    case 'done': {
      let next: AppState = { ...s, results: e.results, phase: 'done' };
      for (const r of e.results) {
        next = withLane(next, r.mode, (l) => ({ ...l, result: r, pid1: l.pid1 ?? r.pid1, peak: Math.max(l.peak, r.zombiesPeak) }));
      }
      return next;
    }
    case 'problem': {
      // Lanes that never got going show the problem where the presenter looks; running lanes keep their state.
      let next: AppState = { ...s, problem: e.problem };
      for (const m of MODE_IDS) {
        const k = next.lanes[m].state.kind;
        if (k === 'idle' || k === 'building' || k === 'starting') {
          next = withLane(next, m, (l) => ({ ...l, state: { kind: 'error', problem: e.problem } }));
        }
      }
      return next;
    }
  }
}

/** Every pair of points becomes the one with more zombies: half the points, the same peaks. */
function thin(series: LaneModel['series']): LaneModel['series'] {
  const out: LaneModel['series'] = [];
  for (let i = 0; i < series.length; i += 2) {
    const a = series[i];
    const b = series[i + 1];
    if (a) out.push(b && b.zombies > a.zombies ? b : a);
  }
  return out;
}

/** The y-axis top shared by all lanes, so their plots compare at a glance: the PID limit, or more if seen. */
export function sharedYMax(s: AppState): number {
  let top = 0;
  for (const m of MODE_IDS) {
    const l = s.lanes[m];
    top = Math.max(top, l.pidsLimit ?? 0, l.peak);
  }
  return top > 0 ? top : 10;
}
