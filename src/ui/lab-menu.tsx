/** The list of labs with each one's progress; the selected one is marked. Stateless. */
import { Box, Text } from 'ink';
import type React from 'react';
import { labStateText, type Progress } from '../core/labs/progress.js';
import type { Lab } from '../core/labs/types.js';
import type { Lang } from '../core/slides/types.js';

const WORDS = {
  en: { heading: 'zombie-lab: guided labs', keys: '↑/↓ choose · Enter open · q quit' },
  de: { heading: 'zombie-lab: geführte Labs', keys: '↑/↓ wählen · Enter öffnen · q beenden' },
} as const;

export interface LabMenuProps {
  labs: Lab[];
  progress: Progress;
  selected: number;
  lang: Lang;
  noColor?: boolean;
  notice?: string | null;
}

export function labState(lab: Lab, progress: Progress, lang: Lang): string {
  return labStateText(progress, lab, lang);
}

export function LabMenu({ labs, progress, selected, lang, noColor, notice }: LabMenuProps): React.JSX.Element {
  const w = WORDS[lang];
  return (
    <Box flexDirection="column">
      <Text bold>{w.heading}</Text>
      {notice ? <Text color={noColor ? undefined : 'yellow'}>{notice}</Text> : null}
      <Text> </Text>
      {labs.map((lab, i) => {
        const on = i === selected;
        return (
          <Text key={lab.id} inverse={on && !noColor} bold={on} wrap="truncate-end">
            {`${on ? '›' : ' '} ${lab.number}  ${lab.title.padEnd(40)} ${labState(lab, progress, lang)}`}
          </Text>
        );
      })}
      <Text> </Text>
      {labs[selected] ? <Text>{labs[selected].summary}</Text> : null}
      <Text> </Text>
      <Text dimColor={!noColor}>{w.keys}</Text>
    </Box>
  );
}
