import { Box, Text } from 'ink';
import type { AppState } from '../core/app-state.js';
import { MODE_IDS, MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';

/** The `::: lanes` widget on the demo slide: the three `docker run` lines, keyed to the lanes beside them. */
export function DemoCommands({ state, theme }: { state: AppState; theme: Theme }) {
  return (
    <Box flexDirection="column" marginTop={1}>
      {MODE_IDS.map((m, i) => (
        <Box key={m} flexDirection="column" marginBottom={1}>
          <Text wrap="truncate">
            <Text bold color={theme.mode[m]}>{`${MODES[m].glyph} ${i + 1} ${MODES[m].label}`}</Text>
            <Text>{`  zombies ${state.lanes[m].zombies}`}</Text>
          </Text>
          <Text wrap="wrap">{`$ ${MODES[m].dockerRun}`}</Text>
        </Box>
      ))}
      <Text>Press r to run all three side by side, s to stop.</Text>
    </Box>
  );
}
