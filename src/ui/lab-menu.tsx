/** The list of labs with each one's progress; the selected one is marked. Stateless. */
import { Box, Text } from 'ink';
import type React from 'react';
import { labHintItems } from '../core/lab-keymap.js';
import type { LabUiText } from '../core/lab-text.js';
import { labStateText, type Progress } from '../core/labs/progress.js';
import type { Lab } from '../core/labs/types.js';
import type { Theme } from '../core/theme.js';
import { fg } from './text-color.js';

export interface LabMenuProps {
  labs: readonly Lab[];
  progress: Progress;
  selected: number;
  t: LabUiText;
  /** labTheme(noColor): NO_COLOR gives the theme without colour or dim. */
  theme: Theme;
  notice?: string | null;
}

export function LabMenu({ labs, progress, selected, t, theme, notice }: LabMenuProps): React.JSX.Element {
  // Without colour the › marks the selected lab (with bold): inverse is left for the colour theme.
  const inverse = theme.name !== 'no-color';
  return (
    <Box flexDirection="column">
      <Text bold>{t.menuTitle}</Text>
      {notice ? <Text {...fg(theme.accent)}>{notice}</Text> : null}
      <Text> </Text>
      {labs.map((lab, i) => {
        const on = i === selected;
        return (
          <Text key={lab.id} inverse={on && inverse} bold={on}>
            {`${on ? '›' : ' '} ${lab.number}  ${lab.title.padEnd(40)} ${labStateText(progress, lab, t.lang)}`}
          </Text>
        );
      })}
      <Text> </Text>
      {labs[selected] ? <Text>{labs[selected].summary}</Text> : null}
      <Text> </Text>
      <Text dimColor={theme.useDim}>{labHintItems('menu', t.lang).join(' · ')}</Text>
    </Box>
  );
}
