import { Box, Text } from 'ink';
import { KEY_HELP } from '../core/keymap.js';
import { MODE_IDS, MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';

/** Every key binding, from the same table the keymap is tested against. */
export function HelpOverlay({ width, height, theme }: { width: number; height: number; theme: Theme }) {
  const keyW = Math.max(...KEY_HELP.map((k) => k.keys.length)) + 2;
  // As tall as its content (title, keys, lanes, blank lines and the border), not the whole screen.
  const needed = KEY_HELP.length + MODE_IDS.length + 6;
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, needed)} borderStyle="double" paddingX={2}>
      <Text bold color={theme.accent}>
        Keys (press ? or Esc to close)
      </Text>
      <Text> </Text>
      {KEY_HELP.map((k) => (
        <Text key={k.keys} wrap="truncate">
          <Text bold>{k.keys.padEnd(keyW)}</Text>
          <Text>{k.what}</Text>
        </Text>
      ))}
      <Text> </Text>
      <Text bold>Lanes (plot glyphs tell them apart without colour):</Text>
      {MODE_IDS.map((m) => (
        <Text key={m} wrap="truncate">{`  ${MODES[m].glyph}  ${MODES[m].label.padEnd(14)} ${MODES[m].dockerRun}`}</Text>
      ))}
    </Box>
  );
}
