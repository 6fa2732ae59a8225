import { Text } from 'ink';
import type { Row, Seg } from '../core/fit-line.js';
import type { ModeId } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { fg } from './text-color.js';

function SegPiece({ seg, theme }: { seg: Seg; theme: Theme }) {
  switch (seg.style) {
    case 'mode':
      return (
        <Text bold inverse {...fg(theme.mode[seg.mode as ModeId])}>
          {seg.text}
        </Text>
      );
    case 'strong':
      return <Text bold>{seg.text}</Text>;
    case 'ok':
      return <Text {...fg(theme.ok)}>{seg.text}</Text>;
    case 'accent':
      return <Text {...fg(theme.accent)}>{seg.text}</Text>;
    case 'error':
      return (
        <Text bold {...fg(theme.error)}>
          {seg.text}
        </Text>
      );
    case 'dim':
      return (
        <Text dimColor={theme.useDim} {...fg(theme.dim)}>
          {seg.text}
        </Text>
      );
    case 'heading':
      return (
        <Text bold {...fg(theme.info)}>
          {seg.text}
        </Text>
      );
    case 'hint':
      return <Text {...fg(theme.info)}>{seg.text}</Text>;
    case 'passed':
      return (
        <Text bold {...fg(theme.ok)}>
          {seg.text}
        </Text>
      );
    case 'failed':
      return <Text {...fg(theme.error)}>{seg.text}</Text>;
    case 'live':
      return (
        <Text bold inverse {...fg(theme.ok)}>
          {seg.text}
        </Text>
      );
    case 'replay':
      return (
        <Text bold inverse {...fg(theme.replay)}>
          {seg.text}
        </Text>
      );
    default:
      return <Text>{seg.text}</Text>;
  }
}

/** Rows fitted by fitLine: each already fits its width, so nothing here is ever truncated. */
export function SegRows({ rows, theme }: { rows: readonly Row[]; theme: Theme }) {
  return (
    <>
      {rows.map((row, i) => (
        <Text key={i} wrap="truncate-end">
          {row.length === 0 ? ' ' : row.map((seg, j) => <SegPiece key={j} seg={seg} theme={theme} />)}
        </Text>
      ))}
    </>
  );
}
