/**
 * One step of a lab: explanation, commands to try, hints on request, and the check's result,
 * every row wrapped to the width (never cut). Stateless: it renders the runner's state.
 */
import { Box, Text } from 'ink';
import type React from 'react';
import { useMemo } from 'react';
import { wrapSeg, type Row, type Seg } from '../core/fit-line.js';
import { nextLabOffer, openLabOf, type LabAppState } from '../core/lab-app-state.js';
import { labHintItems } from '../core/lab-keymap.js';
import type { LabUiText } from '../core/lab-text.js';
import { plainLine } from '../core/build-output.js';
import { problemIn } from '../core/problem-text.js';
import type { Theme } from '../core/theme.js';
import { markdownLines } from './markdown-lines.js';
import { SegRows } from './seg-text.js';

export interface LabViewProps {
  state: LabAppState;
  t: LabUiText;
  width: number;
  height: number;
  /** labTheme(noColor): NO_COLOR gives the theme without colour or dim. */
  theme: Theme;
}

/** Pieces of text as rows of the width, each piece on rows of its own. */
const wrapAll = (segs: readonly Seg[], width: number): Row[] => segs.flatMap((seg) => wrapSeg(seg, width));

/**
 * What the check shows below the explanation, in at most `room` rows: its state, what it said
 * and its result; on `o` the builder's output (its last lines) in place of the result.
 */
export function checkRows(s: LabAppState, t: LabUiText, width: number, room: number): Row[] {
  const segs: Seg[] = [];
  const c = s.check;
  if (c.kind === 'running') segs.push({ text: `${t.checking} ${s.output ? '' : t.outputHidden(s.buildLines.length)}`.trimEnd(), style: 'accent' });
  for (const n of s.notices) segs.push({ text: n, style: 'accent' });
  if (s.output && c.kind !== 'idle') {
    const head = wrapAll([...segs, { text: t.outputTitle, style: 'strong' }], width);
    const lines = s.buildLines.map(plainLine).filter((l) => l !== '');
    const out: Row[] = lines.length ? wrapAll(lines.map((l) => ({ text: `  ${l}`, style: 'dim' })), width) : [[{ text: `  ${t.noOutput}`, style: 'dim' }]];
    return [...head, ...out.slice(-Math.max(1, room - head.length))].slice(0, room);
  }
  if (c.kind === 'error') {
    const p = problemIn(t.lang, c.problem);
    segs.push({ text: t.checkError(p.message, p.fix), style: 'failed' });
  }
  if (c.kind === 'done') {
    for (const i of c.result.items) segs.push({ text: `${i.ok ? '✔' : '✘'} ${i.what}: ${i.detail}`, style: i.ok ? 'ok' : 'failed' });
    if (c.result.passed) {
      segs.push({ text: t.passed, style: 'passed' });
      const next = nextLabOffer(s);
      segs.push({ text: next ? t.nextLab(next.number, next.title) : t.lastLab, style: 'strong' });
    } else {
      segs.push({ text: t.failed, style: 'strong' });
      for (const i of c.result.items) if (!i.ok && i.tryThis) segs.push({ text: `  - ${i.tryThis}` });
    }
  }
  return wrapAll(segs, width).slice(0, room);
}

export function LabView({ state: s, t, width, height, theme }: LabViewProps): React.JSX.Element {
  const lab = openLabOf(s);
  const step = lab?.steps[Math.min(s.step, lab.steps.length - 1)];
  const inner = Math.max(20, width - 2);
  const noColor = theme.name === 'no-color';
  const body = useMemo(() => (step ? markdownLines(step.body, inner, noColor) : []), [step, inner, noColor]);
  if (!lab) return <Text> </Text>;
  const ws = s.workspace;
  const header = wrapAll(
    [
      { text: t.labTitle(lab.number, lab.title), style: 'strong' },
      { text: t.step(s.step + 1, lab.steps.length, step?.title ?? ''), style: 'heading' },
      { text: !ws ? t.workspaceMaking : 'dir' in ws ? t.workspace(ws.dir) : t.workspaceFailed(ws.failed), style: 'dim' },
    ],
    width,
  );
  // markdownLines has fitted the explanation to the width already (its colour codes inside the text).
  const rows: Row[] = body.map((text) => (text === '' ? [] : [{ text }]));
  if (s.hints && step) {
    rows.push([], [{ text: t.hints, style: 'strong' }]);
    if (step.hints.length === 0) rows.push([{ text: t.noHints }]);
    for (const h of step.hints) rows.push(...wrapSeg({ text: `• ${h}`, style: 'hint' }, inner));
  }
  const keys = wrapSeg({ text: labHintItems('lab', t.lang).join(' · '), style: 'dim' }, width);
  // The check's result stays in view below; the explanation and hints scroll above it.
  const fixed = header.length + keys.length + 1; // the "more" marker
  const checked = checkRows(s, t, inner, Math.max(1, height - fixed - 4));
  const room = Math.max(3, height - fixed - (checked.length ? checked.length + 1 : 0));
  const top = Math.max(0, Math.min(s.scroll, Math.max(0, rows.length - room)));
  const shown = rows.slice(top, top + room);
  const more = rows.length > top + room;
  return (
    <Box flexDirection="column" width={width}>
      <SegRows rows={header} theme={theme} />
      <SegRows rows={shown} theme={theme} />
      <Text>{more ? t.more : ' '}</Text>
      {checked.length ? <Text> </Text> : null}
      <SegRows rows={checked} theme={theme} />
      <SegRows rows={keys} theme={theme} />
    </Box>
  );
}
