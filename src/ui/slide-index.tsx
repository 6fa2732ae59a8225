import { Box, Text } from 'ink';
import type { UiText } from '../core/i18n.js';
import { lanesOn, type Slide } from '../core/slides/types.js';
import type { Theme } from '../core/theme.js';
import { fg } from './text-color.js';

/** The slide index (Ctrl-P): every title numbered, the selected one inverse; scrolls to keep it in view. */
export function SlideIndex({ slides, selected, current, width, height, theme, t }: { slides: readonly Slide[]; selected: number; current: number; width: number; height: number; theme: Theme; t: UiText }) {
  const rows = Math.max(1, height - 4);
  const first = Math.min(Math.max(0, selected - Math.floor(rows / 2)), Math.max(0, slides.length - rows));
  const numW = String(slides.length).length;
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, slides.length + 4)} borderStyle="double" paddingX={2}>
      <Text bold {...fg(theme.accent)}>
        {t.indexTitle}
      </Text>
      <Text> </Text>
      {slides.slice(first, first + rows).map((s, k) => {
        const i = first + k;
        return (
          <Text key={i} inverse={i === selected} bold={i === current} wrap="truncate-end">
            {`${String(i + 1).padStart(numW)}  ${s.title}${lanesOn(s) === 'demo' ? '  (d)' : ''}`}
          </Text>
        );
      })}
    </Box>
  );
}
