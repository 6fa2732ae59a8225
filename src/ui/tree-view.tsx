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
  // Show as many zombies as fit under the live processes; the rest fold into one line.
  const lines = renderTree(tree, Math.max(1, height - 1), Math.max(3, height - 3 - live));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">{t.tree.header(tree.length, zombies)}</Text>
      {lines.map((l, i) => (
        <Text key={i} {...fg(l.zombie ? theme.error : undefined)} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
