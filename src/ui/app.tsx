import { Box, Text, useApp } from 'ink';
import type React from 'react';
import { useEffect, useReducer, useRef } from 'react';
import { initialState, lanesShown, PENDING_MS, readyList, reduce, type AppState, type PodLabel } from '../core/app-state.js';
import { stopWayOf } from '../core/stop-way.js';
import { uiText, type UiText } from '../core/i18n.js';
import type { ContainerVerdict } from '../core/inspect/report.js';
import { MODE_IDS, type ModeId } from '../core/modes.js';
import { problemCarriedBy, problemIn } from '../core/problem-text.js';
import { resultsSoFar } from '../core/run-summary.js';
import type { Lang } from '../core/lang.js';
import { lanesOn, type Slide } from '../core/slides/types.js';
import { renderSvgChart } from '../core/svg-chart.js';
import type { Theme } from '../core/theme.js';
import { LanesSummary, lanesStripRows } from './demo-commands.js';
import { ContainersOverlay } from './containers-overlay.js';
import type { DemoRunner } from './demo-runner.js';
import { HelpOverlay } from './help-overlay.js';
import { HintLine } from './hint-line.js';
import { LanesPane, sourceBadge } from './lanes-pane.js';
import { SegRows } from './seg-text.js';
import { SlideIndex } from './slide-index.js';
import { SlideView } from './slide-view.js';
import { useNow } from './use-now.js';
import { useKeys } from './use-keys.js';
import { useTerminalSize } from './use-terminal-size.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export interface AppProps {
  slides: readonly Slide[];
  runner: DemoRunner;
  replay: boolean;
  /** True until runApp knows whether an engine answers; then it rerenders with `replay` set. */
  connecting?: boolean;
  theme: Theme;
  /** Language of every word the app shows (the slides come in it already). */
  lang?: Lang;
  notice?: string | null;
  /** Writes the handout; returns where it went. */
  onExport?: (svg: string) => Promise<string>;
  /** Called once the containers are cleaned up after q / Ctrl-C; the app has exited by then. */
  onQuit?: () => void;
  /** Told the slide shown, on every change (the speaker notes follow it). */
  onSlide?: (index: number) => void;
  /** The lab's pods in lane order: the pods slide names its lanes by them before `r` runs them. */
  pods?: readonly PodLabel[];
  /** The `i` list: the engine's running containers with a PID 1 verdict each; absent without an engine. */
  listContainers?: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<{ rows: ContainerVerdict[]; hidden: number }>;
}

const hasLanes = (s: Slide | undefined): boolean => lanesOn(s) !== null;

/** Why the `i` list failed, in the app's language when the engine side said it with a key. */
function listingError(err: unknown, t: UiText): string {
  const p = problemCarriedBy(err);
  if (p) return problemIn(t.lang, p).message;
  return err instanceof Error ? err.message : String(err);
}

export function App({ slides, runner, replay, connecting, theme, lang, notice, onExport, onQuit, onSlide, listContainers, pods }: AppProps) {
  const [state, dispatch] = useReducer(reduce, { slideCount: slides.length, replay, connecting: connecting ?? false, notice: notice ?? null }, initialState);
  const t = uiText(lang ?? 'en');
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const ticking = MODE_IDS.some((m: ModeId) => ['running', 'stopping'].includes(state.lanes[m].state.kind));
  const now = useNow(ticking);

  useEffect(() => {
    runner.subscribe(dispatch);
    return () => runner.subscribe(null);
  }, [runner]);

  useEffect(() => {
    const demo = slides.findIndex((s) => lanesOn(s) === 'demo');
    const pods = slides.findIndex((s) => lanesOn(s) === 'pods');
    dispatch({ type: 'slide-count', count: slides.length, demoSlide: demo >= 0 ? demo : null, podsSlide: pods >= 0 ? pods : null });
  }, [slides]);
  useEffect(() => {
    if (pods) dispatch({ type: 'pod-labels', pods });
  }, [pods]);

  useEffect(() => {
    dispatch({ type: 'source-chosen', replay, connecting: connecting ?? false, notice: notice ?? null });
  }, [replay, connecting, notice]);

  useEffect(() => {
    onSlide?.(state.slide);
  }, [onSlide, state.slide]);

  // Keys go to the reducer, which resolves them; what they ask of the world is run from the state.
  useKeys((name) => dispatch({ type: 'key', name, at: Date.now() }));

  // The hint line shows a pending count until it lapses: tell the reducer when it has.
  useEffect(() => {
    if (!state.pending) return;
    const timer = setTimeout(() => dispatch({ type: 'pending-expired', at: Date.now() }), PENDING_MS);
    return () => clearTimeout(timer);
  }, [state.pending]);

  // A run asked for (r) starts; a stop (s) stops the run it was asked of. In one effect, so a
  // burst `r s` starts and then stops, and `s r` leaves the new run going.
  const started = useRef(0);
  const stopped = useRef(0);
  useEffect(() => {
    if (state.quitting) return;
    if (state.runSeq !== started.current) {
      started.current = state.runSeq;
      runner.start(state.runOf);
    }
    if (state.stopSeq !== stopped.current) {
      stopped.current = state.stopSeq;
      if (state.stopRun === state.runSeq) runner.stop();
    }
  }, [runner, state.quitting, state.runSeq, state.stopSeq, state.stopRun, state.runOf]);

  // The `i` list while it is loading; closing it (or quitting) aborts the listing.
  const loading = state.containers?.kind === 'loading' && !state.quitting;
  const listRef = useRef(listContainers);
  listRef.current = listContainers;
  useEffect(() => {
    if (!loading) return;
    const listContainers = listRef.current;
    if (!listContainers) {
      dispatch({ type: 'containers-listed', list: { kind: 'error', message: replay ? t.containers.replay : t.containers.noEngine } });
      return;
    }
    const abort = new AbortController();
    const progress = (done: number, total: number): void => {
      if (!abort.signal.aborted) dispatch({ type: 'containers-listed', list: { kind: 'loading', done, total } });
    };
    listContainers(abort.signal, progress).then(
      ({ rows, hidden }) => !abort.signal.aborted && dispatch({ type: 'containers-listed', list: readyList(rows, hidden, Date.now()) }),
      (err: unknown) => !abort.signal.aborted && dispatch({ type: 'containers-listed', list: { kind: 'error', message: listingError(err, t) } }),
    );
    return () => abort.abort();
  }, [loading, replay, t]);

  // The handout (e), from the state as it is when asked.
  const stateRef = useRef(state);
  stateRef.current = state;
  const exported = useRef(0);
  useEffect(() => {
    if (state.exportSeq === exported.current) return;
    exported.current = state.exportSeq;
    const s = stateRef.current;
    if (!onExport || s.lanes['no-init'].series.length === 0) {
      dispatch({ type: 'notice', text: t.notice.nothingToExport });
      return;
    }
    const series = Object.fromEntries(MODE_IDS.map((m) => [m, s.lanes[m].series]));
    const svg = renderSvgChart({
      series,
      results: resultsSoFar(s.results, s.lanes),
      stopAt: s.stopAt,
      stopWay: stopWayOf(s.lanes),
      title: t.svg.appTitle(s.replay),
      words: t.svg,
    });
    onExport(svg).then(
      (where) => dispatch({ type: 'notice', text: t.notice.saved(where) }),
      (err: unknown) => dispatch({ type: 'notice', text: t.notice.saveFailed(err instanceof Error ? err.message : String(err)) }),
    );
  }, [state.exportSeq, onExport, t]);

  // Quitting: the runs are aborted and cleaned up, then the app exits.
  const quit = useRef(false);
  useEffect(() => {
    if (!state.quitting || quit.current) return;
    quit.current = true;
    void runner.shutdown().finally(() => {
      exit();
      onQuit?.();
    });
  }, [state.quitting, runner, exit, onQuit]);

  return <AppFrame state={state} slides={slides} theme={theme} columns={columns} rows={rows} now={now} t={t} />;
}

export interface AppFrameProps {
  state: AppState;
  slides: readonly Slide[];
  theme: Theme;
  columns: number;
  rows: number;
  now: number;
  t?: UiText;
}

/** Everything on screen for one state: pure rendering, also what the render benchmark times. */
export function AppFrame({ state, slides, theme, columns, rows, now, t = uiText('en') }: AppFrameProps) {
  // One line shorter than the terminal: ink 6 clears and redraws everything when the frame fills it.
  const height = rows - 1;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Box flexDirection="column" width={columns} height={Math.max(1, height)}>
        <Text wrap="wrap" bold>
          {t.tooSmall(columns, rows, MIN_COLUMNS, MIN_ROWS)}
        </Text>
        <Text wrap="wrap">{t.tooSmallFix}</Text>
        {state.replay ? (
          <Text inverse bold>
            {t.replay}
          </Text>
        ) : null}
      </Box>
    );
  }
  const body = height - 1;
  const slide = slides[state.slide];
  const onDemo = hasLanes(slide);
  if (state.blank) {
    // Blank, but a replay still says so.
    return (
      <Box flexDirection="column" width={columns} height={height}>
        {state.replay ? <SegRows rows={[[sourceBadge(state, t)]]} theme={theme} /> : null}
      </Box>
    );
  }
  const paneShown = onDemo || state.lanesOpen || state.focus !== null || state.tree;
  // The lanes under the names of the slide's own kind of run (the pods slide before its first run: the pods).
  const shown = { ...state, lanes: lanesShown(state) };
  const leftW = paneShown ? Math.max(34, Math.floor(columns * 0.45)) : columns;
  const rightW = columns - leftW;
  // Computed once: its height shortens the slide, its rows are drawn under it.
  const stripRows = paneShown ? [] : lanesStripRows(state, t, columns - 2, now);
  const strip = stripRows.length;
  let main: React.ReactNode;
  if (state.containers) {
    main = (
      <Box height={body} width={columns} justifyContent="center" alignItems="center">
        <ContainersOverlay list={state.containers} width={Math.min(columns, 110)} height={body} theme={theme} t={t} />
      </Box>
    );
  } else if (state.help) {
    main = (
      <Box height={body} width={columns} justifyContent="center" alignItems="center">
        <HelpOverlay width={Math.min(columns, 100)} height={body} theme={theme} t={t} />
      </Box>
    );
  } else if (state.index !== null) {
    main = (
      <Box height={body} width={columns} justifyContent="center" alignItems="center">
        <SlideIndex slides={slides} selected={state.index} current={state.slide} width={Math.min(columns, 90)} height={body} theme={theme} t={t} />
      </Box>
    );
  } else {
    main = (
      <Box flexDirection="row" height={body}>
        <Box width={leftW} height={body} paddingX={1} flexDirection="column">
          {slide ? (
            <SlideView
              slide={slide}
              width={leftW - 2}
              height={body - strip}
              noColor={theme.name === 'no-color'}
              lang={t.lang}
              renderLanes={(w, h) => <LanesSummary state={shown} theme={theme} width={w} height={h} now={now} t={t} />}
            />
          ) : (
            <Text>{t.noSlides}</Text>
          )}
          {strip > 0 ? <SegRows rows={stripRows} theme={theme} /> : null}
        </Box>
        {paneShown ? (
          <Box width={rightW} height={body} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} paddingLeft={1}>
            <LanesPane state={shown} width={rightW - 2} height={body} theme={theme} now={now} t={t} />
          </Box>
        ) : null}
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {main}
      <HintLine state={state} width={columns} theme={theme} t={t} onLanesSlide={paneShown} />
    </Box>
  );
}
