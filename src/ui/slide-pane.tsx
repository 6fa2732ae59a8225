import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Theme } from '../core/theme.js';

/** The part of a slide this pane needs (structurally a subset of the deck's Slide type). */
export interface PaneSlide {
  title: string;
  body: string;
  section?: string;
  widgets?: readonly { kind: string }[];
}

export interface SlidePaneProps {
  slide: PaneSlide | undefined;
  width: number;
  height: number;
  theme: Theme;
  /** Drawn where a slide asks for the live lanes (the demo slide). */
  renderLanes?: () => ReactNode;
}

/** Minimal slide renderer: title, section and plain body text; stands in until the deck's SlideView is wired. */
export function SlidePane({ slide, width, height, theme, renderLanes }: SlidePaneProps) {
  if (!slide) {
    return (
      <Box width={width} height={height}>
        <Text>No slides loaded.</Text>
      </Box>
    );
  }
  const hasLanes = slide.widgets?.some((w) => w.kind === 'lanes') ?? false;
  return (
    <Box flexDirection="column" width={width} height={height} paddingX={1} overflow="hidden">
      {slide.section ? <Text color={theme.dim}>{slide.section}</Text> : null}
      <Text bold color={theme.accent} wrap="wrap">
        {slide.title}
      </Text>
      <Text> </Text>
      <Text wrap="wrap">{slide.body}</Text>
      {hasLanes && renderLanes ? renderLanes() : null}
    </Box>
  );
}
