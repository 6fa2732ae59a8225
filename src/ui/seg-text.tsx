import { Text } from 'ink';
import type { Row, Seg, SegStyle } from '../core/fit-line.js';
import type { ModeId } from '../core/modes.js';
import type { Theme } from '../core/theme.js';
import { fg } from './text-color.js';

type TextLook = { bold?: boolean; inverse?: boolean; dimColor?: boolean; color?: string };

/** How each style of piece is drawn in a theme: one table, so a style is never spelled twice. */
const LOOKS: Record<SegStyle, (theme: Theme, seg: Seg) => TextLook> = {
  plain: () => ({}),
  strong: () => ({ bold: true }),
  mode: (theme, seg) => ({ bold: true, inverse: true, ...fg(theme.mode[seg.mode as ModeId]) }),
  ok: (theme) => fg(theme.ok),
  accent: (theme) => fg(theme.accent),
  error: (theme) => ({ bold: true, ...fg(theme.error) }),
  dim: (theme) => ({ dimColor: theme.useDim, ...fg(theme.dim) }),
  heading: (theme) => ({ bold: true, ...fg(theme.info) }),
  hint: (theme) => fg(theme.info),
  passed: (theme) => ({ bold: true, ...fg(theme.ok) }),
  failed: (theme) => fg(theme.error),
  live: (theme) => ({ bold: true, inverse: true, ...fg(theme.ok) }),
  replay: (theme) => ({ bold: true, inverse: true, ...fg(theme.replay) }),
};

function SegPiece({ seg, theme }: { seg: Seg; theme: Theme }) {
  return <Text {...LOOKS[seg.style ?? 'plain'](theme, seg)}>{seg.text}</Text>;
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
