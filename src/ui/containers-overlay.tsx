import { Box, Text } from 'ink';
import type { ContainerList } from '../core/app-state.js';
import type { UiText } from '../core/i18n.js';
import type { ContainerVerdict } from '../core/inspect/report.js';
import { problemIn } from '../core/problem-text.js';
import { fitName } from '../core/text-table.js';
import type { Theme } from '../core/theme.js';
import { fg } from './text-color.js';

function verdictText(r: ContainerVerdict, t: UiText): string {
  if (r.facts) return t.containers.verdict(r.facts);
  if (r.unreadable) return t.containers.unreadable(problemIn(t.lang, r.unreadable).message);
  return r.verdict;
}

/** The `i` list: each running container with its PID 1 verdict in one line (read-only). */
export function ContainersOverlay({ list, width, height, theme, t }: { list: ContainerList; width: number; height: number; theme: Theme; t: UiText }) {
  const rows = list.kind === 'ready' ? list.rows : [];
  const nameW = Math.min(width < 100 ? 18 : 24, Math.max(8, ...rows.map((r) => r.name.length)));
  const shown = rows.slice(0, Math.max(1, height - 6));
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, Math.max(rows.length, 1) + 6)} borderStyle="double" paddingX={1}>
      <Text bold {...fg(theme.accent)} wrap="wrap">
        {t.containers.title}
      </Text>
      <Text> </Text>
      {list.kind === 'loading' ? <Text>{t.containers.loading}</Text> : null}
      {list.kind === 'error' ? <Text wrap="wrap">{t.containers.cannotList(list.message)}</Text> : null}
      {list.kind === 'ready' && rows.length === 0 ? <Text>{t.containers.none}</Text> : null}
      {shown.map((r) => (
        <Text key={r.name} wrap="truncate">
          <Text bold>{r.problems === 0 ? '✓ ' : '✗ '}</Text>
          <Text bold>{fitName(r.name, nameW)}</Text>
          <Text>{`  ${verdictText(r, t)}`}</Text>
        </Text>
      ))}
      {rows.length > shown.length ? <Text>{t.containers.more(rows.length - shown.length)}</Text> : null}
      {list.kind === 'ready' ? <Text dimColor wrap="wrap">{t.containers.details}</Text> : null}
    </Box>
  );
}
