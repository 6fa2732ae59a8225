import { Box, Text } from 'ink';
import type { UiText } from '../core/i18n.js';
import { COLUMN_GAP, keyColumn, layoutKeyHelp } from '../core/help-layout.js';
import { keyHelp } from '../core/keymap.js';
import { MODE_PATTERN, PATTERN_SAMPLE } from '../core/lane-plot.js';
import { MODE_IDS, MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { wrapLine } from '../core/text-wrap.js';
import { fg } from './text-color.js';

/**
 * Every key binding, generated from the key table itself, in one column when it fits, else in
 * two (layoutKeyHelp). The lane legend comes last and only when there is room for it (the
 * lanes carry their glyphs anyway).
 */
export function HelpOverlay({ width, height, theme, t }: { width: number; height: number; theme: Theme; t: UiText }) {
  const inner = width - 6; // double border and padding
  const room = height - 4; // border, title and the blank line under it
  const layout = layoutKeyHelp(keyHelp(t.lang), inner, room);
  const gap = ' '.repeat(COLUMN_GAP);
  const lines = Array.from({ length: layout.height }, (_, i) => layout.columns.map((c) => c[i] ?? ' '.repeat(layout.columnWidth)).join(gap).trimEnd());
  const legend = [
    ...wrapLine(t.helpLanes, inner),
    ...keyColumn(
      MODE_IDS.map((m) => ({ keys: `${MODES[m].glyph} ${PATTERN_SAMPLE[MODE_PATTERN[m]]} ${t.modeLabel[m]}`, what: MODES[m].dockerRun })),
      inner - 2,
    ).map((l) => `  ${l.trimEnd()}`),
  ];
  const showLegend = layout.height + 1 + legend.length <= room;
  const boxH = Math.min(height, layout.height + 4 + (showLegend ? legend.length + 1 : 0));
  return (
    <Box flexDirection="column" width={width} height={boxH} borderStyle="double" paddingX={2} overflow="hidden">
      <Text bold wrap="truncate-end" {...fg(theme.accent)}>
        {t.helpTitle}
      </Text>
      <Text> </Text>
      {lines.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {showLegend ? (
        <>
          <Text> </Text>
          {legend.map((l, i) => (
            <Text key={`l${i}`} bold={i === 0}>
              {l}
            </Text>
          ))}
        </>
      ) : null}
    </Box>
  );
}
