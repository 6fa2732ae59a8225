import { Box, Text } from 'ink';
import type { ContainerList } from '../core/app-state.js';
import type { Theme } from '../core/theme.js';

/** The `i` list: each running container with its PID 1 verdict in one line (read-only). */
export function ContainersOverlay({ list, width, height, theme }: { list: ContainerList; width: number; height: number; theme: Theme }) {
  const rows = list.kind === 'ready' ? list.rows : [];
  const nameW = Math.min(width < 100 ? 18 : 24, Math.max(8, ...rows.map((r) => r.name.length)));
  const shown = rows.slice(0, Math.max(1, height - 6));
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, Math.max(rows.length, 1) + 6)} borderStyle="double" paddingX={1}>
      <Text bold color={theme.accent} wrap="truncate">
        Your containers: PID 1 of each (read-only; i or Esc closes)
      </Text>
      <Text> </Text>
      {list.kind === 'loading' ? <Text>reading the running containers…</Text> : null}
      {list.kind === 'error' ? <Text wrap="wrap">{`cannot list them: ${list.message}`}</Text> : null}
      {list.kind === 'ready' && rows.length === 0 ? <Text>no running containers on this engine</Text> : null}
      {shown.map((r) => (
        <Text key={r.name} wrap="truncate">
          <Text bold>{r.problems === 0 ? '✓ ' : '✗ '}</Text>
          <Text bold>{r.name.slice(0, nameW).padEnd(nameW)}</Text>
          <Text>{`  ${r.verdict}`}</Text>
        </Text>
      ))}
      {rows.length > shown.length ? <Text>{`… and ${rows.length - shown.length} more: zombie-lab inspect --all`}</Text> : null}
      {list.kind === 'ready' ? <Text dimColor wrap="truncate">{'details and fixes: zombie-lab inspect <name>'}</Text> : null}
    </Box>
  );
}
