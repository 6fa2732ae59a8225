import { Box, Text } from 'ink';
import { renderTree } from '../core/proc-tree.js';
import type { ProcEntry } from '../core/run-events.js';
import type { Theme } from '../core/theme.js';

/** The live process tree of one container; zombies marked `<defunct> Z` (and coloured when colour is on). */
export function TreeView({ tree, height, theme }: { tree: ProcEntry[] | null; height: number; theme: Theme }) {
  if (!tree) {
    return (
      <Box height={height}>
        <Text>process tree: no data yet (press r to run the demo)</Text>
      </Box>
    );
  }
  const zombies = tree.filter((e) => e.state === 'Z').length;
  const live = tree.length - zombies;
  // Show as many zombies as fit under the live processes; the rest fold into one line.
  const lines = renderTree(tree, Math.max(1, height - 1), Math.max(3, height - 3 - live));
  return (
    <Box flexDirection="column" height={height}>
      <Text bold wrap="truncate">{`process tree · ${tree.length} processes, ${zombies} zombies (Z)`}</Text>
      {lines.map((l, i) => (
        <Text key={i} color={l.zombie ? theme.error : undefined} wrap="truncate">
          {l.text}
        </Text>
      ))}
    </Box>
  );
}
