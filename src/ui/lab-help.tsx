/** The lab runner's keys of the screen below it, generated from the key table itself. Stateless. */
import { Box, Text } from 'ink';
import type React from 'react';
import { labKeyHelp } from '../core/lab-keymap.js';
import type { LabUiText } from '../core/lab-text.js';
import { wrapLine } from '../core/text-wrap.js';

export function LabHelp({ on, t, width }: { on: 'menu' | 'lab'; t: LabUiText; width: number }): React.JSX.Element {
  const help = labKeyHelp(on, t.lang);
  const keyW = Math.max(...help.map((k) => k.keys.length)) + 2;
  const inner = Math.max(20, width - 6); // border and padding
  return (
    <Box flexDirection="column" width={width} borderStyle="round" paddingX={2}>
      <Text bold>{t.helpTitle}</Text>
      <Text> </Text>
      {help.flatMap((k, i) => wrapLine(`${k.keys.padEnd(keyW)}${k.what}`, inner).map((line, j) => <Text key={`${i}-${j}`}>{line}</Text>))}
    </Box>
  );
}
