import { Box, Text } from 'ink';
import type { UiText } from '../core/i18n.js';
import { renderTree } from '../core/proc-tree.js';
import type { ProcEntry } from '../core/run-events.js';
import type { Theme } from '../core/theme.js';
import { wrapLine } from '../core/text-wrap.js';
import { fg } from './text-color.js';

/** The live process tree of one container; zombies marked `<defunct> Z` (and coloured when colour is on). */
export function TreeView({ tree, height, width, theme, t }: { tree: ProcEntry[] | null; height: number; width: number; theme: Theme; t: UiText }) {
  if (!tree) {
    return (
      <Box height={height} flexDirection="column">
        {wrapLine(t.tree.none, width)
          .slice(0, height)
          .map((l, i) => (
            <Text key={i}>{l}</Text>
          ))}
      </Box>
    );
  }
  const zombies = tree.filter((e) => e.state === 'Z').length;
  const live = tree.length - zombies;
  // Wrapped, never cut: a presenter at 80 columns reads the header and the PID 1 note whole.
  const header = wrapLine(t.tree.header(tree.length, zombies), width);
  const room = Math.max(1, height - header.length);
  // Show as many zombies as fit under the live processes; the rest fold into one line. A line
  // that wraps takes a row more, so the tree is asked for fewer lines until it fits.
  let rows: { text: string; zombie: boolean }[] = [];
  for (let lines = room; lines >= 1; lines--) {
    rows = renderTree(tree, lines, Math.max(3, lines - 2 - live), t.tree).flatMap((l) => wrapLine(l.text, width).map((text) => ({ text, zombie: l.zombie })));
    if (rows.length <= room) break;
  }
  return (
    <Box flexDirection="column" height={height}>
      {header.map((l, i) => (
        <Text key={`h${i}`} bold>
          {l}
        </Text>
      ))}
      {rows.slice(0, room).map((l, i) => (
        <Text key={i} {...fg(l.zombie ? theme.error : undefined)}>
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
