import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useEffect, useReducer, useRef } from 'react';
import { initialState, reduce, type AppState } from '../core/app-state.js';
import { actionForKey } from '../core/keymap.js';
import { MODE_IDS, type ModeId } from '../core/modes.js';
import type { ContainerVerdict } from '../core/inspect/report.js';
import type { ModeResult } from '../core/run-events.js';
import { renderSvgChart } from '../core/svg-chart.js';
import type { Theme } from '../core/theme.js';
import type { Slide } from '../core/slides/types.js';
import { LanesSummary } from './demo-commands.js';
import type { DemoRunner } from './demo-runner.js';
import { ContainersOverlay } from './containers-overlay.js';
import { HelpOverlay } from './help-overlay.js';
import { HintLine } from './hint-line.js';
import { LanesPane } from './lanes-pane.js';
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
  notice?: string | null;
  /** Writes the handout; returns where it went. */
  onExport?: (svg: string) => Promise<string>;
  /** Called once the containers are cleaned up after q / Ctrl-C; the app has exited by then. */
  onQuit?: () => void;
  /** The `i` list: the engine's running containers with a PID 1 verdict each; absent without an engine. */
  listContainers?: (signal: AbortSignal) => Promise<ContainerVerdict[]>;
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

export function App({ slides, runner, replay, connecting, theme, notice, onExport, onQuit, listContainers }: AppProps) {
  const [state, dispatch] = useReducer(reduce, { slideCount: slides.length, replay, connecting: connecting ?? false, notice: notice ?? null }, initialState);
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
  const stateRef = useRef(state);
  stateRef.current = state;
  const listing = useRef<AbortController | null>(null);
  const ticking = MODE_IDS.some((m: ModeId) => ['running', 'stopping'].includes(state.lanes[m].state.kind));
  const now = useNow(ticking);

  useEffect(() => {
    runner.subscribe(dispatch);
    return () => runner.subscribe(null);
  }, [runner]);

  useEffect(() => {
    dispatch({ type: 'slide-count', count: slides.length });
  }, [slides.length]);

  useEffect(() => {
    dispatch({ type: 'source-chosen', replay, connecting: connecting ?? false, notice: notice ?? null });
  }, [replay, connecting, notice]);

  const handleKey = (input: string, key: Key): void => {
    const action = actionForKey({ input, ...key });
    if (!action || stateRef.current.quitting) return;
    dispatch(action);
    // The reducer has run: stateRef follows on the next render, so read what it decided from it.
    stateRef.current = reduce(stateRef.current, action);
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
          dispatch({ type: 'containers-listed', list: { kind: 'error', message: stateRef.current.replay ? 'this is a replay: no engine to ask' : 'no Docker engine answers' } });
          break;
        }
        const abort = new AbortController();
        listing.current = abort;
        listContainers(abort.signal).then(
          (rows) => !abort.signal.aborted && dispatch({ type: 'containers-listed', list: { kind: 'ready', rows, at: Date.now() } }),
          (err: unknown) => !abort.signal.aborted && dispatch({ type: 'containers-listed', list: { kind: 'error', message: (err as { problem?: { message: string } }).problem?.message ?? (err instanceof Error ? err.message : String(err)) } }),
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
      case 'export-svg': {
        const s = stateRef.current;
        if (!onExport || s.lanes['no-init'].series.length === 0) {
          dispatch({ type: 'notice', text: 'nothing to export yet: press r to run the demo first' });
          break;
        }
        const series = Object.fromEntries(MODE_IDS.map((m) => [m, s.lanes[m].series]));
        const svg = renderSvgChart({
          series,
          results: resultsSoFar(s),
          stopAt: s.stopAt,
          title: `Zombies over time${s.replay ? ' (REPLAY of a recorded run)' : ''}`,
        });
        onExport(svg).then(
          (where) => dispatch({ type: 'notice', text: `handout saved: ${where}` }),
          (err: unknown) => dispatch({ type: 'notice', text: `could not save the SVG: ${err instanceof Error ? err.message : String(err)}` }),
        );
        break;
      }
      default:
        break;
    }
  };

  useInput((input, key) => {
    // Keys typed faster than one read (or while the app loaded) arrive as one string: take them one by one.
    const plain = !key.ctrl && !key.meta && input.length > 1 && !input.startsWith('\x1b');
    for (const ch of plain ? [...input] : [input]) handleKey(ch, key);
  });

  return <AppFrame state={state} slides={slides} theme={theme} columns={columns} rows={rows} now={now} />;
}

export interface AppFrameProps {
  state: AppState;
  slides: readonly Slide[];
  theme: Theme;
  columns: number;
  rows: number;
  now: number;
}

/** Everything on screen for one state: pure rendering, also what the render benchmark times. */
export function AppFrame({ state, slides, theme, columns, rows, now }: AppFrameProps) {
  // One line shorter than the terminal: ink 6 clears and redraws everything when the frame fills it.
  const height = rows - 1;
  if (columns < MIN_COLUMNS || rows < MIN_ROWS) {
    return (
      <Box flexDirection="column" width={columns} height={Math.max(1, height)}>
        <Text wrap="wrap" bold>
          {`Terminal too small: ${columns}x${rows}. zombie-lab needs at least ${MIN_COLUMNS}x${MIN_ROWS}.`}
        </Text>
        <Text wrap="wrap">Enlarge the window or make the font smaller; q quits.</Text>
        {state.replay ? <Text inverse bold>REPLAY</Text> : null}
      </Box>
    );
  }
  const body = height - 1;
  const leftW = Math.max(34, Math.floor(columns * 0.45));
  const rightW = columns - leftW;
  const slide = slides[state.slide];
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {state.containers ? (
        <Box height={body} width={columns} justifyContent="center" alignItems="center">
          <ContainersOverlay list={state.containers} width={Math.min(columns, 110)} height={body} theme={theme} />
        </Box>
      ) : state.help ? (
        <Box height={body} width={columns} justifyContent="center" alignItems="center">
          <HelpOverlay width={Math.min(columns, 100)} height={body} theme={theme} />
        </Box>
      ) : (
        <Box flexDirection="row" height={body}>
          <Box width={leftW} height={body} paddingX={1}>
            {slide ? (
              <SlideView
                slide={slide}
                width={leftW - 2}
                height={body}
                noColor={theme.name === 'no-color'}
                renderLanes={(w, h) => <LanesSummary state={state} theme={theme} width={w} height={h} now={now} />}
              />
            ) : (
              <Text>No slides.</Text>
            )}
          </Box>
          <Box width={rightW} height={body} borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} paddingLeft={1}>
            <LanesPane state={state} width={rightW - 2} height={body} theme={theme} now={now} />
          </Box>
        </Box>
      )}
      <HintLine state={state} width={columns} theme={theme} />
    </Box>
  );
}
