import { Box, Text, useApp, useInput } from 'ink';
import type React from 'react';
import { useEffect, useReducer, useRef } from 'react';
import { initialState, PENDING_MS, pressKey, readyList, reduce, type AppMsg, type AppState } from '../core/app-state.js';
import { uiText, type UiText } from '../core/i18n.js';
import { keyNames } from '../core/keymap.js';
import type { ContainerVerdict } from '../core/inspect/report.js';
import { MODE_IDS, type ModeId } from '../core/modes.js';
import { problemCarriedBy, problemIn } from '../core/problem-text.js';
import type { ModeResult } from '../core/run-events.js';
import type { Lang, Slide } from '../core/slides/types.js';
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
  /** The `i` list: the engine's running containers with a PID 1 verdict each; absent without an engine. */
  listContainers?: (signal: AbortSignal, progress: (done: number, total: number) => void) => Promise<{ rows: ContainerVerdict[]; hidden: number }>;
}

/** Results for the handout: the final ones, or what the lanes know so far. */
function resultsSoFar(s: AppState): ModeResult[] {
  if (s.results) return s.results;
  return MODE_IDS.map((m) => {
    const l = s.lanes[m];
    const st = l.state;
    return {
      mode: m,
      pid1: l.pid1,
      zombiesEnd: l.zombies,
      zombiesPeak: l.peak,
      pidsUsedEnd: l.pidsUsed,
      pidsPeak: null,
      pidsLimit: l.pidsLimit ?? 0,
      forkFailures: l.forkFailures,
      stopMs: st.kind === 'stopped' ? st.stopMs : null,
      exitCode: st.kind === 'stopped' ? st.exitCode : null,
    };
  });
}

const hasLanes = (s: Slide | undefined): boolean => s?.widgets.some((w) => w.kind === 'lanes') ?? false;

/** Why the `i` list failed, in the app's language when the engine side said it with a key. */
function listingError(err: unknown, t: UiText): string {
  const p = problemCarriedBy(err);
  if (p) return problemIn(t.lang, p).message;
  return err instanceof Error ? err.message : String(err);
}

export function App({ slides, runner, replay, connecting, theme, lang, notice, onExport, onQuit, onSlide, listContainers }: AppProps) {
  const [state, dispatch] = useReducer(reduce, { slideCount: slides.length, replay, connecting: connecting ?? false, notice: notice ?? null }, initialState);
  const t = uiText(lang ?? 'en');
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  // Keys typed in one burst arrive before React renders: each one reads the state the previous one made.
  const stateRef = useRef(state);
  stateRef.current = state;
  const expiry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const listing = useRef<AbortController | null>(null);
  const ticking = MODE_IDS.some((m: ModeId) => ['running', 'stopping'].includes(state.lanes[m].state.kind));
  const now = useNow(ticking);

  const send = (msg: AppMsg): void => {
    stateRef.current = reduce(stateRef.current, msg);
    dispatch(msg);
  };

  useEffect(() => {
    runner.subscribe(dispatch);
    return () => runner.subscribe(null);
  }, [runner]);

  useEffect(() => {
    const demo = slides.findIndex(hasLanes);
    dispatch({ type: 'slide-count', count: slides.length, demoSlide: demo >= 0 ? demo : null });
  }, [slides]);

  useEffect(() => {
    dispatch({ type: 'source-chosen', replay, connecting: connecting ?? false, notice: notice ?? null });
  }, [replay, connecting, notice]);

  useEffect(() => {
    onSlide?.(state.slide);
  }, [onSlide, state.slide]);

  const exportSvg = (): void => {
    const s = stateRef.current;
    if (!onExport || s.lanes['no-init'].series.length === 0) {
      send({ type: 'notice', text: t.notice.nothingToExport });
      return;
    }
    const series = Object.fromEntries(MODE_IDS.map((m) => [m, s.lanes[m].series]));
    const svg = renderSvgChart({
      series,
      results: resultsSoFar(s),
      stopAt: s.stopAt,
      title: t.svg.appTitle(s.replay),
      words: t.svg,
    });
    onExport(svg).then(
      (where) => dispatch({ type: 'notice', text: t.notice.saved(where) }),
      (err: unknown) => dispatch({ type: 'notice', text: t.notice.saveFailed(err instanceof Error ? err.message : String(err)) }),
    );
  };

  const handleKey = (name: string | null): void => {
    const s = stateRef.current;
    if (s.quitting) return;
    const at = Date.now();
    const { action } = pressKey(s, name, at);
    send({ type: 'key', name, at });
    if (stateRef.current.pending) {
      // The hint line shows a pending count until it lapses: tell the reducer when it has.
      if (expiry.current) clearTimeout(expiry.current);
      expiry.current = setTimeout(() => dispatch({ type: 'pending-expired', at: Date.now() }), PENDING_MS);
    }
    if (!action) return;
    switch (action.type) {
      case 'run':
        runner.start();
        break;
      case 'stop':
        runner.stop();
        break;
      case 'toggle-containers': {
        listing.current?.abort();
        listing.current = null;
        if (!stateRef.current.containers) break; // it was open: the reducer closed it
        if (!listContainers) {
          send({ type: 'containers-listed', list: { kind: 'error', message: stateRef.current.replay ? t.containers.replay : t.containers.noEngine } });
          break;
        }
        const abort = new AbortController();
        listing.current = abort;
        const progress = (done: number, total: number): void => {
          if (!abort.signal.aborted) dispatch({ type: 'containers-listed', list: { kind: 'loading', done, total } });
        };
        listContainers(abort.signal, progress).then(
          ({ rows, hidden }) => !abort.signal.aborted && dispatch({ type: 'containers-listed', list: readyList(rows, hidden, Date.now()) }),
          (err: unknown) => !abort.signal.aborted && dispatch({ type: 'containers-listed', list: { kind: 'error', message: listingError(err, t) } }),
        );
        break;
      }
      case 'quit':
        listing.current?.abort();
        void runner.shutdown().finally(() => {
          exit();
          onQuit?.();
        });
        break;
      case 'export-svg':
        exportSvg();
        break;
      default:
        break;
    }
  };

  useEffect(() => () => clearTimeout(expiry.current ?? undefined), []);

  useInput((input, key) => {
    for (const name of keyNames({ input, ...key })) handleKey(name);
  });

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
              renderLanes={(w, h) => <LanesSummary state={state} theme={theme} width={w} height={h} now={now} t={t} />}
            />
          ) : (
            <Text>{t.noSlides}</Text>
          )}
          {strip > 0 ? <SegRows rows={stripRows} theme={theme} /> : null}
        </Box>
        {paneShown ? (
          <Box width={rightW} height={body} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} paddingLeft={1}>
            <LanesPane state={state} width={rightW - 2} height={body} theme={theme} now={now} t={t} />
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
