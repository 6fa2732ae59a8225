import { Box, Text } from 'ink';
import type { ContainerList } from '../core/app-state.js';
import type { UiText } from '../core/i18n.js';
import type { ContainerVerdict } from '../core/inspect/report.js';
import { problemIn } from '../core/problem-text.js';
import { fitName } from '../core/text-table.js';
import { wrapLine } from '../core/text-wrap.js';
import type { Theme } from '../core/theme.js';
import { fg } from './text-color.js';

function verdictText(r: ContainerVerdict, t: UiText): string {
  if (r.facts) return t.containers.verdict(r.facts);
  if (r.unreadable) return t.containers.unreadable(problemIn(t.lang, r.unreadable).message);
  return r.verdict;
}

/**
 * The first row of a window of `room` rows that keeps `selected` in view, centred where the list
 * allows: the list scrolls under the selection instead of cutting its tail.
 */
export function windowStart(count: number, selected: number, room: number): number {
  if (count <= room) return 0;
  return Math.min(Math.max(0, selected - Math.floor(room / 2)), count - room);
}

/** One container's details (Enter), wrapped to `width`: image, verdict, each finding with its fix. */
export function detailLines(r: ContainerVerdict, t: UiText, width: number): string[] {
  const w = Math.max(10, width);
  const out: string[] = [];
  const add = (text: string, indent: string): void => {
    for (const [i, l] of wrapLine(text, w - indent.length).entries()) out.push(`${i === 0 ? indent : ' '.repeat(indent.length)}${l}`);
  };
  add(`${t.containers.image}: ${r.image}`, '  ');
  add(verdictText(r, t), '  ');
  const findings = r.findings ?? [];
  if (r.problems === 0) add(`✓ ${t.containers.noFindings}`, '  ');
  for (const f of findings) {
    add(`✗ ${f.message}`, '  ');
    for (const fix of f.fix) add(`${t.containers.fix}: ${fix}`, '    ');
  }
  add(t.containers.more(r.name), '  ');
  return out;
}

/**
 * The `i` list: each running container with its PID 1 verdict in one line (read-only). The arrow
 * keys move a selection through it and the list scrolls to keep it in view; Enter opens the
 * selected container's details in place of the list.
 */
export function ContainersOverlay({ list, width, height, theme, t }: { list: ContainerList; width: number; height: number; theme: Theme; t: UiText }) {
  const rows = list.kind === 'ready' ? list.rows : [];
  const nameW = Math.min(width < 100 ? 18 : 24, Math.max(8, ...rows.map((r) => r.name.length)));
  const inner = width - 4; // the double border and one column of padding each side
  const titleLines = wrapLine(t.containers.title, inner).length;
  const footer = list.kind === 'ready' ? (list.hidden > 0 ? 2 : 1) : 0;
  // Lines between the title (and its blank line) and the footer, inside the border.
  const room = Math.max(1, height - 2 - titleLines - 1 - footer);
  let body: React.ReactNode[];
  if (list.kind === 'loading') body = [<Text key="l">{t.containers.loading(list.done, list.total)}</Text>];
  else if (list.kind === 'error') body = [<Text key="e" wrap="wrap">{t.containers.cannotList(list.message)}</Text>];
  else if (rows.length === 0) body = [<Text key="n">{t.containers.none}</Text>];
  else {
    const sel = rows[list.selected] ?? rows[0]!;
    if (list.detail) {
      // Cut at the bottom when the screen is short, the pointer to the full inspect kept last.
      const all = detailLines(sel, t, inner);
      const fit = Math.max(1, room - 1);
      const lines = all.length <= fit ? all : [...all.slice(0, fit - 1), `  … ${t.containers.more(sel.name)}`];
      body = [
        <Text key="h" wrap="truncate">
          <Text bold>{`› ${sel.problems === 0 ? '✓' : '✗'} ${fitName(sel.name, inner - 4)}`}</Text>
        </Text>,
        ...lines.map((l, i) => (
          <Text key={i} wrap="truncate">
            {l}
          </Text>
        )),
      ];
    } else {
      // One line kept for "↑ n more · ↓ n more" when the rows do not all fit.
      const fits = rows.length <= room;
      const shownRoom = fits ? room : Math.max(1, room - 1);
      const start = windowStart(rows.length, list.selected, shownRoom);
      const shown = rows.slice(start, start + shownRoom);
      const above = start;
      const below = rows.length - start - shown.length;
      body = shown.map((r, i) => {
        const selected = start + i === list.selected;
        return (
          <Text key={`${start + i}`} wrap="truncate">
            <Text bold>{selected ? '› ' : '  '}</Text>
            <Text bold>{r.problems === 0 ? '✓ ' : '✗ '}</Text>
            <Text bold inverse={selected}>
              {fitName(r.name, nameW)}
            </Text>
            <Text>{`  ${verdictText(r, t)}`}</Text>
          </Text>
        );
      });
      if (!fits) body.push(<Text key="more" dimColor>{[above > 0 ? t.containers.above(above) : '', below > 0 ? t.containers.below(below) : ''].filter(Boolean).join(' · ')}</Text>);
    }
  }
  const contentLines = titleLines + 1 + body.length + footer;
  return (
    <Box flexDirection="column" width={width} height={Math.min(height, contentLines + 2)} borderStyle="double" paddingX={1}>
      <Text bold {...fg(theme.accent)} wrap="wrap">
        {t.containers.title}
      </Text>
      <Text> </Text>
      {body}
      {list.kind === 'ready' && list.hidden > 0 ? (
        <Text dimColor wrap="truncate">
          {t.containers.hidden(list.hidden)}
        </Text>
      ) : null}
      {list.kind === 'ready' ? (
        <Text dimColor wrap="truncate">
          {t.containers.details}
        </Text>
      ) : null}
    </Box>
  );
}
