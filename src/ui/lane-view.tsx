import { Box, Text } from 'ink';
import type { LaneModel } from '../core/app-state.js';
import type { Row } from '../core/fit-line.js';
import { MODE_PATTERN, renderPlot } from '../core/lane-plot.js';
import { MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { SegRows } from './seg-text.js';
import { fg } from './text-color.js';

export interface LaneViewProps {
  lane: LaneModel;
  width: number;
  /** The lane's text rows (from laneLines), already fitted to `width`. */
  lines: readonly Row[];
  plotRows: number;
  yMax: number;
  theme: Theme;
  stopAt: number | null;
  ended: boolean;
  lastT: number;
  fixLines?: readonly Row[] | undefined;
}

/** One mode's lane: name and state, zombie counts and PID 1, PID usage, then the plot. */
export function LaneView({ lane, width, lines, plotRows, yMax, theme, stopAt, ended, lastT, fixLines }: LaneViewProps) {
  const color = theme.mode[lane.mode];
  return (
    <Box flexDirection="column" width={width} height={lines.length + plotRows}>
      <SegRows rows={lines} theme={theme} />
      {lane.state.kind === 'error' && fixLines ? (
        <Box flexDirection="column" height={plotRows}>
          <SegRows rows={fixLines.slice(0, plotRows)} theme={theme} />
        </Box>
      ) : (
        // One Text for the whole plot, trailing blanks cut: fewer nodes and cells for Ink to lay out each frame.
        <Text {...fg(color)} wrap="truncate">
          {renderPlot({ series: lane.series, width, height: plotRows, yMax, glyph: MODES[lane.mode].glyph, pattern: MODE_PATTERN[lane.mode], stopAt, ended, lastT })
            .map((row) => row.trimEnd())
            .join('\n')}
        </Text>
      )}
    </Box>
  );
}
