import { Box } from 'ink';
import { sharedYMax, type AppState } from '../core/app-state.js';
import { fitLine, wrapRow, type Row, type Seg } from '../core/fit-line.js';
import type { UiText } from '../core/i18n.js';
import { labelWidth, plotSpanMs } from '../core/lane-plot.js';
import { laneLines, laneSummary } from '../core/lane-text.js';
import { planLanes } from '../core/lanes-layout.js';
import { MODE_IDS, type ModeId } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { stopWayOf } from '../core/stop-way.js';
import { LaneView } from './lane-view.js';
import { SegRows } from './seg-text.js';
import { TreeView } from './tree-view.js';
import { problemIn } from '../core/problem-text.js';

export interface LanesPaneProps {
  state: AppState;
  width: number;
  height: number;
  theme: Theme;
  now: number;
  t: UiText;
}

/** LIVE, REPLAY or … as a badge, for the pane's header and the one-line strip. */
export function sourceBadge(state: AppState, t: UiText): Seg {
  return state.replay ? { text: ` ${t.replay} `, style: 'replay' } : { text: ` ${state.connecting ? t.connecting : t.live} `, style: 'live' };
}

export function buildLine(state: AppState, t: UiText): string | null {
  const b = state.build;
  if (!b) return null;
  return `${b.image}: ${b.ready ? t.build.ready(b.ready.tag, b.ready.way, t.secs(b.ready.ms)) : (b.note ? t.build.note(b.note) : (b.line ?? ''))}`;
}

function headerDetail(state: AppState, t: UiText): { long: string; short: string } {
  if (state.source) return { long: t.sourceHeadline[state.source.source], short: t.sourceShort[state.source.source] };
  if (state.replay) return { long: t.replayDetail, short: t.replay };
  if (state.connecting) return { long: t.connectingDetail, short: '' };
  return { long: t.engineDetail, short: '' };
}

/** A problem with its fix, in the app's language, wrapped to the width: the lanes' caption and the folded strip. */
export function problemRows(problem: AppState['problem'] & object, t: UiText, width: number): Row[] {
  const p = problemIn(t.lang, problem);
  return wrapRow([{ text: t.state.error(p.message), style: 'error' }, { text: ` · ${t.fix} ${p.fix}` }], width);
}

/** The message line under the header: a problem, a notice, or what the plots show. */
function captionRows(state: AppState, t: UiText, width: number, yMax: number): { rows: Row[]; optional: boolean } {
  if (state.problem) return { rows: problemRows(state.problem, t, width), optional: false };
  if (state.notice) return { rows: wrapRow([{ text: state.notice }], width), optional: false };
  // Docker runs no pods: the lanes say that what they show is the emulation.
  if (MODE_IDS.some((m) => state.lanes[m].pod?.emulated)) return { rows: fitLine(t.pods.emulated.map((text): Row => [{ text, style: 'accent' }]), width), optional: false };
  const last = Math.max(0, ...MODE_IDS.map((m) => state.lanes[m].series.at(-1)?.t ?? 0));
  const plotCols = Math.max(1, width - labelWidth(yMax) - 1);
  const span = Math.round(plotSpanMs(last, plotCols, state.phase === 'done') / 1000);
  const isLimit = yMax === (state.lanes['no-init'].pidsLimit ?? -1);
  const variants = t.plotCaption(span, yMax, isLimit, state.stopAt === null ? null : stopWayOf(state.lanes)).map((text): Row => [{ text, style: 'dim' }]);
  return { rows: fitLine(variants, width), optional: true };
}

/** The live demo: a header saying LIVE or REPLAY and where samples come from, then the lanes that fit, or one focused lane with its tree. */
export function LanesPane({ state, width, height, theme, now, t }: LanesPaneProps) {
  const yMax = sharedYMax(state);
  const badge = sourceBadge(state, t);
  const detail = headerDetail(state, t);
  const header = fitLine(
    [[badge, { text: ` ${detail.long}` }], ...(detail.short ? [[badge, { text: ` ${detail.short}` }]] : []), [badge]],
    width,
  );
  const caption = captionRows(state, t, width, yMax);
  const build = buildLine(state, t);
  const input = (m: ModeId) => ({ lane: state.lanes[m], index: MODE_IDS.indexOf(m) + 1, width, now, t, buildLine: build });
  const lines = Object.fromEntries(MODE_IDS.map((m) => [m, laneLines(input(m))])) as Record<ModeId, Row[]>;
  const summaries = Object.fromEntries(MODE_IDS.map((m) => [m, laneSummary(input(m))])) as Record<ModeId, Row[]>;
  const plan = (captionShown: boolean) =>
    planLanes({
      rows: height - header.length - (captionShown ? caption.rows.length : 0),
      textRows: Object.fromEntries(MODE_IDS.map((m) => [m, lines[m].length])) as Record<ModeId, number>,
      summaryRows: Object.fromEntries(MODE_IDS.map((m) => [m, summaries[m].length])) as Record<ModeId, number>,
      focus: state.focus,
    });
  // The caption is the first thing to go when it costs a lane its plot.
  let showCaption = true;
  let p = plan(true);
  if (caption.optional && p.plotted.length < MODE_IDS.length && !state.focus) {
    const without = plan(false);
    if (without.plotted.length > p.plotted.length) {
      p = without;
      showCaption = false;
    }
  }
  const ended = state.phase === 'done';
  const lastT = Math.max(0, ...MODE_IDS.map((m) => state.lanes[m].series.at(-1)?.t ?? 0));
  const fixLines = (m: ModeId): Row[] | undefined => {
    const st = state.lanes[m].state;
    return st.kind === 'error' ? wrapRow([{ text: `${t.fix} ${problemIn(t.lang, st.problem).fix}`, style: 'error' }], width) : undefined;
  };
  return (
    <Box flexDirection="column" width={width} height={height}>
      <SegRows rows={header} theme={theme} />
      {showCaption ? <SegRows rows={caption.rows} theme={theme} /> : null}
      {p.plotted.map((m) => (
        <LaneView
          key={m}
          lane={state.lanes[m]}
          width={width}
          lines={lines[m]}
          plotRows={p.plotRows}
          yMax={yMax}
          theme={theme}
          stopAt={state.stopAt}
          ended={ended}
          lastT={lastT}
          fixLines={fixLines(m)}
        />
      ))}
      {p.summarized.map((m) => (
        <SegRows key={m} rows={summaries[m]} theme={theme} />
      ))}
      {state.focus && p.spare > 0 ? <TreeView tree={state.lanes[state.focus].tree} height={p.spare} width={width} theme={theme} t={t} /> : null}
    </Box>
  );
}
