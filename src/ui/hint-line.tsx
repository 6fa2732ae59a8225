import { Box, Text } from 'ink';
import type { AppState } from '../core/app-state.js';
import type { Theme } from '../core/theme.js';

/** The keys that matter right now, shortest first; the rest is one `?` away. */
export function hintKeys(s: AppState): string {
  if (s.quitting) return 'stopping the containers and quitting…';
  if (s.help) return '? / Esc close help · q quit';
  const run = s.phase === 'running' ? 's stop · r restart' : s.phase === 'stopping' ? 'stopping… · r restart' : 'r run demo';
  const focus = s.focus ? 'Esc back · 1-3 lane' : '1-3 focus · t tree';
  const exp = s.lanes['no-init'].series.length > 0 ? ' · e SVG' : '';
  return `→/← slides · ${run} · ${focus}${exp} · ? help · q quit`;
}

export function HintLine({ state, width, theme }: { state: AppState; width: number; theme: Theme }) {
  const right = `${state.replay ? 'REPLAY · ' : ''}slide ${state.slide + 1}/${state.slideCount}`;
  const left = hintKeys(state);
  const room = Math.max(0, width - right.length - 1);
  const shown = left.length > room ? `${left.slice(0, Math.max(0, room - 1))}…` : left;
  return (
    <Box width={width}>
      <Text wrap="truncate">
        <Text color={theme.dim}>{shown.padEnd(room)}</Text>
        <Text> </Text>
        <Text bold inverse={state.replay} color={state.replay ? theme.replay : undefined}>
          {right}
        </Text>
      </Text>
    </Box>
  );
}
