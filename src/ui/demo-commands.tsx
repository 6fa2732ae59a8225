import { Box } from 'ink';
import { showsLastRun, type AppState } from '../core/app-state.js';
import { fitLine, wrapRow, type Row, type Seg } from '../core/fit-line.js';
import type { UiText } from '../core/i18n.js';
import { laneLabel, laneStateText, laneSummary } from '../core/lane-text.js';
import { MODE_IDS } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { problemRows, sourceBadge } from './lanes-pane.js';
import { SegRows } from './seg-text.js';

interface SummaryProps {
  state: AppState;
  theme: Theme;
  width: number;
  height: number;
  now: number;
  t: UiText;
}

/**
 * The `::: lanes` widget on the demo slide: the three modes keyed by glyph and number to the
 * lanes beside it, so the `docker run` lines above read straight across to their zombie counts.
 * When the states do not fit in its rows, it keeps label and zombies (the lanes beside show the rest).
 */
export function LanesSummary({ state, theme, width, height, now, t }: SummaryProps) {
  // The lanes' own keys (a pods run's by its pods), as the lanes beside them name them.
  const labels = MODE_IDS.map((m, i) => laneLabel(state.lanes[m], i + 1, t, true));
  const labelW = Math.max(...labels.map((l) => l.text.length));
  const full = MODE_IDS.map((m, i) => laneSummary({ lane: state.lanes[m], index: i + 1, width, now, t }, labelW));
  const short = MODE_IDS.map((m, i): Row[] => {
    const label = labels[i] as Seg;
    return fitLine([[{ ...label, text: label.text.padEnd(labelW) }, { text: ` ${t.zombies} ${state.lanes[m].zombies}`, style: 'strong' }]], width);
  });
  const count = (rows: Row[][]) => rows.reduce((n, r) => n + r.length, 0);
  const lanes = count(full) <= height ? full : short;
  const gap = count(lanes) + MODE_IDS.length - 1 <= height && lanes.every((r) => r.length === 1);
  // On the pods slide the words are the pods': they stop by their own grace periods. Where the slide does
  // not show the last run (showsLastRun), r starts this slide's run: idle words.
  const words = state.slide === state.podsSlide ? t.podsPhaseHint : t.phaseHint;
  const hint = wrapRow([{ text: words[showsLastRun(state) ? state.phase : 'idle'] }], width);
  const used = count(lanes) + (gap ? MODE_IDS.length - 1 : 0);
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {lanes.map((rows, i) => (
        <Box key={i} flexDirection="column" marginTop={gap && i > 0 ? 1 : 0}>
          <SegRows rows={rows} theme={theme} />
        </Box>
      ))}
      {used + hint.length <= height ? <SegRows rows={hint} theme={theme} /> : null}
    </Box>
  );
}

/**
 * Lanes folded into a line under a slide that is not the demo: each lane's zombies and state, `p`
 * opens them. A problem (a lost engine, a failed start) never folds away: it gets its own rows
 * with the fix, whatever slide is up, so the presenter sees it without opening the lanes.
 */
export function lanesStripRows(state: AppState, t: UiText, width: number, now: number): Row[] {
  const badge = sourceBadge(state, t);
  const lane = (detail: 'state' | 'errors' | 'none') =>
    MODE_IDS.flatMap((m, i): Seg[] => {
      const st = state.lanes[m].state;
      const text = detail === 'state' ? laneStateText(st, now, t, true) : detail === 'errors' && st.kind === 'error' ? t.state.errorShort : null;
      return [
        { text: '  ' },
        laneLabel(state.lanes[m], i + 1, t, false),
        { text: ` ${state.lanes[m].zombies}`, style: 'strong' },
        ...(text === null ? [] : [{ text: ` ${text}`, style: st.kind === 'error' ? ('error' as const) : ('plain' as const) }]),
      ];
    });
  // One row set per distinct problem: a lost engine is the same problem on every lane.
  const problems = new Map<string, NonNullable<AppState['problem']>>();
  if (state.problem) problems.set(state.problem.message, state.problem);
  for (const m of MODE_IDS) {
    const st = state.lanes[m].state;
    if (st.kind === 'error') problems.set(st.problem.message, st.problem);
  }
  const strip = fitLine([[badge, ...lane('state')], ...(problems.size > 0 ? [[badge, ...lane('errors')]] : []), [badge, ...lane('none')]], width);
  return [...strip, ...[...problems.values()].flatMap((p) => problemRows(p, t, width))];
}
