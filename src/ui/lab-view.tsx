/**
 * One step of a lab: explanation, commands to try, hints on request, and the check's result,
 * every row wrapped to the width (never cut). Stateless: it renders the runner's state.
 */
import { Box, Text } from 'ink';
import type React from 'react';
import { useMemo } from 'react';
import { nextLabOffer, openLabOf, type LabAppState } from '../core/lab-app-state.js';
import { labHintItems } from '../core/lab-keymap.js';
import type { LabUiText } from '../core/lab-text.js';
import { plainLine } from '../core/build-output.js';
import { problemIn } from '../core/problem-text.js';
import { wrapLine } from '../core/text-wrap.js';
import { markdownLines } from './markdown-lines.js';
import { fg } from './text-color.js';

export interface LabViewProps {
  state: LabAppState;
  t: LabUiText;
  width: number;
  height: number;
  noColor?: boolean;
}

export interface Row {
  text: string;
  bold?: boolean;
  dim?: boolean;
  color?: 'green' | 'red' | 'yellow' | 'cyan';
}

/** One text as rows of the width, each keeping the text's style. */
export function wrapRow(r: Row, width: number): Row[] {
  return wrapLine(r.text, width).map((text) => ({ ...r, text }));
}

/**
 * What the check shows below the explanation, in at most `room` rows: its state, what it said
 * and its result; on `o` the builder's output (its last lines) in place of the result.
 */
export function checkRows(s: LabAppState, t: LabUiText, width: number, room: number): Row[] {
  const rows: Row[] = [];
  const c = s.check;
  if (c.kind === 'running') rows.push({ text: `${t.checking} ${s.output ? '' : t.outputHidden(s.buildLines.length)}`.trimEnd(), color: 'yellow' });
  for (const n of s.notices) rows.push({ text: n, color: 'yellow' });
  if (s.output && c.kind !== 'idle') {
    const head = [...rows, { text: t.outputTitle, bold: true }].flatMap((r) => wrapRow(r, width));
    const lines = s.buildLines.map(plainLine).filter((l) => l !== '');
    const out = lines.length ? lines.flatMap((l) => wrapRow({ text: `  ${l}`, dim: true }, width)) : [{ text: `  ${t.noOutput}`, dim: true }];
    return [...head, ...out.slice(-Math.max(1, room - head.length))].slice(0, room);
  }
  if (c.kind === 'error') {
    const p = problemIn(t.lang, c.problem);
    rows.push({ text: t.checkError(p.message, p.fix), color: 'red' });
  }
  if (c.kind === 'done') {
    for (const i of c.result.items) rows.push({ text: `${i.ok ? '✔' : '✘'} ${i.what}: ${i.detail}`, color: i.ok ? 'green' : 'red' });
    if (c.result.passed) {
      rows.push({ text: t.passed, bold: true, color: 'green' });
      const next = nextLabOffer(s);
      rows.push({ text: next ? t.nextLab(next.number, next.title) : t.lastLab, bold: true });
    } else {
      rows.push({ text: t.failed, bold: true });
      for (const i of c.result.items) if (!i.ok && i.tryThis) rows.push({ text: `  - ${i.tryThis}` });
    }
  }
  return rows.flatMap((r) => wrapRow(r, width)).slice(0, room);
}

export function LabView({ state: s, t, width, height, noColor }: LabViewProps): React.JSX.Element {
  const lab = openLabOf(s);
  const step = lab?.steps[Math.min(s.step, lab.steps.length - 1)];
  const inner = Math.max(20, width - 2);
  const body = useMemo(() => (step ? markdownLines(step.body, inner, !!noColor) : []), [step, inner, noColor]);
  if (!lab) return <Text> </Text>;
  const ws = s.workspace;
  const header: Row[] = [
    ...wrapRow({ text: t.labTitle(lab.number, lab.title), bold: true }, width),
    ...wrapRow({ text: t.step(s.step + 1, lab.steps.length, step?.title ?? ''), bold: true, color: 'cyan' }, width),
    ...wrapRow({ text: !ws ? t.workspaceMaking : 'dir' in ws ? t.workspace(ws.dir) : t.workspaceFailed(ws.failed), dim: true }, width),
  ];
  const rows: Row[] = body.map((text) => ({ text }));
  if (s.hints && step) {
    rows.push({ text: '' }, { text: t.hints, bold: true });
    if (step.hints.length === 0) rows.push({ text: t.noHints });
    for (const h of step.hints) rows.push(...wrapRow({ text: `• ${h}`, color: 'cyan' }, inner));
  }
  const keys = wrapRow({ text: labHintItems('lab', t.lang).join(' · '), dim: true }, width);
  // The check's result stays in view below; the explanation and hints scroll above it.
  const fixed = header.length + keys.length + 1; // the "more" marker
  const checked = checkRows(s, t, inner, Math.max(1, height - fixed - 4));
  const room = Math.max(3, height - fixed - (checked.length ? checked.length + 1 : 0));
  const top = Math.max(0, Math.min(s.scroll, Math.max(0, rows.length - room)));
  const shown = rows.slice(top, top + room);
  const more = rows.length > top + room;
  const draw = (r: Row, key: string) => (
    <Text key={key} bold={r.bold ?? false} dimColor={!!r.dim && !noColor} {...fg(noColor ? undefined : r.color)} wrap="truncate-end">
      {r.text === '' ? ' ' : r.text}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width}>
      {header.map((r, i) => draw(r, `h${i}`))}
      {shown.map((r, i) => draw(r, `b${i}`))}
      <Text>{more ? t.more : ' '}</Text>
      {checked.length ? <Text> </Text> : null}
      {checked.map((r, i) => draw(r, `c${i}`))}
      {keys.map((r, i) => draw(r, `k${i}`))}
    </Box>
  );
}
