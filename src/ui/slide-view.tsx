/**
 * One slide, projected: bold title, rendered Markdown body, process-tree diagrams, and room for
 * the live lanes. Never taller than `height` rows; speaker notes are never shown here.
 */
import { Box, Text } from 'ink';
import type React from 'react';
import { useMemo } from 'react';
import type { Lang } from '../core/lang.js';
import type { Slide } from '../core/slides/types.js';
import { noColorFromEnv } from '../core/theme.js';
import { layoutSlide } from './slide-layout.js';
import { fg } from './text-color.js';

export interface SlideViewProps {
  slide: Slide;
  width: number;
  height: number;
  /** Plain text, no ANSI colour. Defaults to the NO_COLOR convention (set and non-empty). */
  noColor?: boolean;
  /** Language of the diagram captions; defaults to the `/de/` or `/en/` folder of `slide.file`. */
  lang?: Lang;
  /** Draws the live demo lanes into the room a `::: lanes` widget gets. */
  renderLanes?: (width: number, height: number) => React.ReactNode;
}

function langOf(slide: Slide): Lang {
  return /(^|\/)de\//.test(slide.file) ? 'de' : 'en';
}

export function SlideView({ slide, width, height, noColor, lang, renderLanes }: SlideViewProps): React.JSX.Element {
  const plain = noColor ?? noColorFromEnv(process.env);
  const withLanes = renderLanes !== undefined;
  const shownLang = lang ?? langOf(slide);
  // The lanes re-render this component on every sample; the Markdown only changes with the slide.
  const rows = useMemo(
    () => layoutSlide(slide, { width, height, noColor: plain, lang: shownLang, withLanes }),
    [slide, width, height, plain, shownLang, withLanes],
  );
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {rows.map((row, i) =>
        row.kind === 'lanes' ? (
          <Box key={i} flexDirection="column" width={width} height={row.rows} overflow="hidden">
            {renderLanes?.(width, row.rows)}
          </Box>
        ) : (
          <Text key={i} bold={row.bold ?? false} {...fg(row.zombie && !plain ? 'red' : undefined)} wrap="truncate-end">
            {row.text === '' ? ' ' : row.text}
          </Text>
        ),
      )}
    </Box>
  );
}
