import { Box, Text } from 'ink';
import type { AppState } from '../core/app-state.js';
import type { UiText } from '../core/i18n.js';
import { containerHints, keyHint, type Action } from '../core/keymap.js';
import type { Theme } from '../core/theme.js';
import { visibleWidth } from '../core/text-wrap.js';
import { fg } from './text-color.js';

const SEP = ' · ';
const GAP = '   ';

/**
 * The keys that matter right now, most important first. Items that do not fit are left out
 * whole (the rest is one `?` away); `? help` and `q quit` always stay.
 */
export function hintItems(s: AppState, t: UiText, onLanesSlide: boolean): string[] {
  const h = t.hint;
  // Each item's keys come from the key table (core/keymap.ts), so no key is spelled twice.
  const k = (type: Action['type'], word?: string): string => keyHint(type, t.lang, word);
  const quit = k('quit');
  if (s.quitting) return [h.quitting];
  if (s.blank) return [h.blank];
  // The `i` list's own keys, from their table (Esc close and q quit first: they always stay).
  if (s.containers) return containerHints(t.lang);
  if (s.help) return [`${k('toggle-help', '/')} ${k('back', h.closeHelp)}`, quit];
  if (s.index !== null) return [h.index, quit];
  if (s.count) return [h.count(s.count), quit];
  const restart = k('run', h.restart);
  const run = s.phase === 'running' ? [k('stop'), restart] : s.phase === 'stopping' ? [h.stopping, restart] : [k('run', s.slide === s.podsSlide ? h.runPods : undefined)];
  const focus = s.focus ? [k('back'), k('focus')] : [k('focus'), k('toggle-tree')];
  const exp = s.lanes['no-init'].series.length > 0 ? [k('export-svg')] : [];
  return [k('toggle-help'), quit, ...run, k('next-slide'), ...(onLanesSlide ? [] : [k('toggle-lanes')]), ...focus, ...exp];
}

/** The items that fit in `room` columns, in screen order (the first two are kept even when nothing else fits). */
export function fitHints(items: string[], room: number): string {
  const [help, quit, ...rest] = items;
  if (quit === undefined) return help ?? '';
  let kept: string[] = [];
  for (const item of rest) {
    const next = [...kept, item];
    if (visibleWidth([...next, help, quit].join(SEP)) <= room) kept = next;
  }
  return [...kept, help, quit].join(SEP);
}

export function HintLine({ state, width, theme, t, onLanesSlide }: { state: AppState; width: number; theme: Theme; t: UiText; onLanesSlide: boolean }) {
  const right = `${state.replay ? `${t.replay} · ` : ''}${t.slideCounter(state.slide + 1, state.slideCount)}`;
  // A clear gap before the counter: "q Ende Folie 10/14" read as one phrase.
  const room = Math.max(0, width - right.length - GAP.length);
  const left = fitHints(hintItems(state, t, onLanesSlide), room);
  return (
    <Box width={width}>
      <Text wrap="truncate-end">
        <Text>{left.padEnd(room)}</Text>
        <Text>{GAP}</Text>
        <Text bold inverse={state.replay} {...fg(state.replay ? theme.replay : undefined)}>
          {right}
        </Text>
      </Text>
    </Box>
  );
}
