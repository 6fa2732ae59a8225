import { Box, Text } from 'ink';
import type { UiText } from '../core/i18n.js';
import { keyHelp } from '../core/keymap.js';
import { MODE_PATTERN, PATTERN_SAMPLE } from '../core/lane-plot.js';
import { MODE_IDS, MODES } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { wrapLine } from '../core/text-wrap.js';
import { fg } from './text-color.js';

/**
 * Every key binding, generated from the key table itself. In one column when it fits, else in
 * two; the lane legend comes last and only when there is room for it (the lanes carry their
 * glyphs anyway).
 */
export function HelpOverlay({ width, height, theme, t }: { width: number; height: number; theme: Theme; t: UiText }) {
  const help = keyHelp(t.lang);
  const keyW = Math.max(...help.map((k) => k.keys.length)) + 2;
  const inner = width - 6; // double border and padding
  const rowsFor = (w: number) => help.map((k) => wrapLine(`${k.keys.padEnd(keyW)}${k.what}`, w));
  const oneCol = rowsFor(inner);
  const room = height - 4;
  const oneColRows = oneCol.reduce((n, r) => n + r.length, 0);
  const twoCols = oneColRows > room;
  const colW = twoCols ? Math.floor((inner - 2) / 2) : inner;
  const cells = twoCols ? rowsFor(colW) : oneCol;
  const half = twoCols ? Math.ceil(cells.length / 2) : cells.length;
  const columns = twoCols ? [cells.slice(0, half), cells.slice(half)] : [cells];
  const used = Math.max(...columns.map((c) => c.reduce((n, r) => n + r.length, 0)));
  const legend = [t.helpLanes, ...MODE_IDS.map((m) => `  ${MODES[m].glyph} ${PATTERN_SAMPLE[MODE_PATTERN[m]]} ${t.modeLabel[m].padEnd(14)} ${MODES[m].dockerRun}`)].flatMap((l) =>
    wrapLine(l, inner),
  );
  const showLegend = used + 1 + legend.length <= room;
  const boxH = Math.min(height, used + 4 + (showLegend ? legend.length + 1 : 0));
  return (
    <Box flexDirection="column" width={width} height={boxH} borderStyle="double" paddingX={2}>
      <Text bold {...fg(theme.accent)}>
        {t.helpTitle}
      </Text>
      <Text> </Text>
      <Box flexDirection="row">
        {columns.map((col, ci) => (
          <Box key={ci} flexDirection="column" width={colW} marginRight={ci === 0 && twoCols ? 2 : 0}>
            {col.flat().map((line, i) => (
              <Text key={i}>{line}</Text>
            ))}
          </Box>
        ))}
      </Box>
      {showLegend ? (
        <>
          <Text> </Text>
          {legend.map((l, i) => (
            <Text key={i} bold={i === 0}>
              {l}
            </Text>
          ))}
        </>
      ) : null}
    </Box>
  );
}
