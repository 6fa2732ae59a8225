import { Box, Text } from 'ink';
import type { AppState } from '../core/app-state.js';
import { laneStateText } from '../core/lane-text.js';
import { MODE_IDS, MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';

const PHASE_HINT: Record<AppState['phase'], string> = {
  idle: 'r runs all three side by side',
  running: 's stops all three (docker stop, timed)',
  stopping: 'docker stop sent: SIGTERM first, SIGKILL after the timeout',
  done: 'r runs them again · e saves the plot as SVG',
};

/**
 * The `::: lanes` widget on the demo slide: one line per mode, keyed by glyph and number to the
 * lanes beside it, so the `docker run` lines above read straight across to their zombie counts.
 */
export function LanesSummary({ state, theme, width, height, now }: { state: AppState; theme: Theme; width: number; height: number; now: number }) {
  const gap = height >= MODE_IDS.length * 2 + 1;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {MODE_IDS.map((m, i) => {
        const l = state.lanes[m];
        return (
          <Box key={m} flexDirection="column" marginTop={gap && i > 0 ? 1 : 0}>
            <Text wrap="truncate">
              <Text bold inverse color={theme.mode[m]}>{` ${MODES[m].glyph} ${i + 1} ${MODES[m].label.padEnd(13)} `}</Text>
              <Text bold>{` zombies ${String(l.zombies).padStart(3)}`}</Text>
              <Text>{`  ${laneStateText(l.state, now, true)}`}</Text>
            </Text>
          </Box>
        );
      })}
      {height > MODE_IDS.length * 2 + 1 ? <Text wrap="truncate">{PHASE_HINT[state.phase]}</Text> : null}
    </Box>
  );
}
