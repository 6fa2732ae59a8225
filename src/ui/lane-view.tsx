import { Box, Text } from 'ink';
import type { LaneModel } from '../core/app-state.js';
import { laneStateText } from '../core/lane-text.js';
import { renderBar, renderPlot } from '../core/lane-plot.js';
import { MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';

export interface LaneViewProps {
  lane: LaneModel;
  width: number;
  /** Lines available; 3 of them are the lane's text, the rest is plot. */
  height: number;
  yMax: number;
  theme: Theme;
  now: number;
  /** 1-based position, shown as the key that focuses it. */
  index: number;
  buildLine?: string | null;
}

/** One mode's lane: name and state, zombie counts and PID 1, PID usage, then the plot. */
export function LaneView({ lane, width, height, yMax, theme, now, index, buildLine }: LaneViewProps) {
  const spec = MODES[lane.mode];
  const color = theme.mode[lane.mode];
  const st = lane.state;
  const plotRows = Math.max(1, height - 3);
  const limit = lane.pidsLimit ?? lane.result?.pidsLimit ?? null;
  const used = lane.pidsUsed ?? lane.result?.pidsUsedEnd ?? null;
  // Narrow panes (80 columns) drop padding and the timeout so stop time and exit code stay visible.
  const compact = width < 60;
  const stateText = st.kind === 'building' && buildLine ? `building: ${buildLine}` : laneStateText(st, now, compact);
  const stateColor = st.kind === 'error' ? theme.error : st.kind === 'stopping' ? theme.accent : st.kind === 'stopped' ? theme.ok : undefined;
  const barW = Math.max(6, Math.min(30, width - 24));
  const fails = lane.forkFailures ? `  fork failures ${lane.forkFailures}` : '';
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate">
        <Text bold inverse color={color}>{compact ? `${spec.glyph} ${index} ${spec.label}` : ` ${spec.glyph} ${index} ${spec.label} `}</Text>
        <Text>{compact ? ' ' : '  '}</Text>
        <Text color={stateColor} bold={st.kind === 'error'}>{stateText}</Text>
      </Text>
      <Text wrap="truncate">
        <Text bold>{`zombies ${lane.zombies}`}</Text>
        <Text>{`  peak ${lane.peak}  PID 1: `}</Text>
        <Text bold>{lane.pid1 ?? '—'}</Text>
      </Text>
      <Text wrap="truncate">{used === null && limit === null ? 'PIDs —' : `PIDs ${renderBar(used, limit, barW)} ${used ?? '?'}/${limit ?? '?'}${fails}`}</Text>
      {st.kind === 'error' ? (
        <Box flexDirection="column" height={plotRows}>
          <Text color={theme.error} wrap="wrap">{`fix: ${st.problem.fix}`}</Text>
        </Box>
      ) : (
        // One Text for the whole plot, trailing blanks cut: fewer nodes and cells for Ink to lay out each frame.
        <Text color={color} wrap="truncate">
          {renderPlot({ series: lane.series, width, height: plotRows, yMax, glyph: spec.glyph })
            .map((row) => row.trimEnd())
            .join('\n')}
        </Text>
      )}
    </Box>
  );
}
