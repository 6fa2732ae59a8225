/** One step of a lab: explanation, commands to try, hints on request, and the check's result. Stateless. */
import { Box, Text } from 'ink';
import type React from 'react';
import { useMemo } from 'react';
import type { CheckResult } from '../core/labs/check-result.js';
import type { Lab } from '../core/labs/types.js';
import type { Lang } from '../core/slides/types.js';
import { wrapText } from '../core/text-wrap.js';
import { markdownLines } from './markdown-lines.js';

export type CheckState = { kind: 'idle' } | { kind: 'running'; line: string } | { kind: 'done'; result: CheckResult } | { kind: 'error'; message: string };

const WORDS = {
  en: {
    step: 'step',
    workspace: 'your files',
    hints: 'Hints',
    noHints: 'no hints for this step',
    checking: 'checking…',
    passed: 'All checks passed.',
    failed: 'Not yet. What to try:',
    keys: '←/→ step · h hints · c check · ↑/↓ scroll · Esc labs · q quit',
  },
  de: {
    step: 'Schritt',
    workspace: 'deine Dateien',
    hints: 'Tipps',
    noHints: 'keine Tipps für diesen Schritt',
    checking: 'prüfe…',
    passed: 'Alle Checks bestanden.',
    failed: 'Noch nicht. Probier:',
    keys: '←/→ Schritt · h Tipps · c prüfen · ↑/↓ blättern · Esc Labs · q beenden',
  },
} as const;

export interface LabViewProps {
  lab: Lab;
  step: number;
  showHints: boolean;
  check: CheckState;
  workspace: string;
  width: number;
  height: number;
  scroll: number;
  lang: Lang;
  noColor?: boolean;
}

interface Row {
  text: string;
  bold?: boolean;
  color?: 'green' | 'red' | 'yellow' | 'cyan';
}

export function checkRows(check: CheckState, lang: Lang): Row[] {
  const w = WORDS[lang];
  if (check.kind === 'idle') return [];
  if (check.kind === 'running') return [{ text: `${w.checking} ${check.line}`, color: 'yellow' }];
  if (check.kind === 'error') return [{ text: check.message, color: 'red' }];
  const rows: Row[] = check.result.items.map((i) => ({ text: `${i.ok ? '✔' : '✘'} ${i.what}: ${i.detail}`, color: i.ok ? 'green' : 'red' }));
  if (check.result.passed) rows.push({ text: w.passed, bold: true, color: 'green' });
  else {
    rows.push({ text: w.failed, bold: true });
    for (const i of check.result.items) if (!i.ok && i.tryThis) rows.push({ text: `  - ${i.tryThis}` });
  }
  return rows;
}

export function LabView({ lab, step, showHints, check, workspace, width, height, scroll, lang, noColor }: LabViewProps): React.JSX.Element {
  const w = WORDS[lang];
  const s = lab.steps[Math.min(step, lab.steps.length - 1)];
  const body = useMemo(() => (s ? markdownLines(s.body, Math.max(20, width - 2), !!noColor) : []), [s, width, noColor]);
  const rows: Row[] = body.map((text) => ({ text }));
  if (showHints && s) {
    rows.push({ text: '' }, { text: w.hints, bold: true });
    if (s.hints.length === 0) rows.push({ text: w.noHints });
    for (const h of s.hints) rows.push({ text: `• ${h}`, color: 'cyan' });
  }
  // The check's result stays in view below; the explanation and hints scroll above it.
  const checked = checkRows(check, lang)
    .flatMap((r) => wrapText(r.text, Math.max(20, width - 2)).map((text, i) => ({ ...r, text: i === 0 ? text : `    ${text}` })))
    .slice(0, Math.max(1, height - 9));
  // Title (2 rows), workspace (1), the "more" marker and keys (2), the check and its blank line.
  const room = Math.max(3, height - 5 - (checked.length ? checked.length + 1 : 0));
  const top = Math.max(0, Math.min(scroll, Math.max(0, rows.length - room)));
  const shown = rows.slice(top, top + room);
  const more = rows.length > top + room;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">{`Lab ${lab.number}: ${lab.title}`}</Text>
      <Text bold color={noColor ? undefined : 'cyan'} wrap="truncate-end">{`${w.step} ${step + 1}/${lab.steps.length}: ${s?.title ?? ''}`}</Text>
      <Text dimColor={!noColor} wrap="truncate-end">{`${w.workspace}: ${workspace}`}</Text>
      {shown.map((r, i) => (
        <Text key={i} bold={r.bold} color={noColor ? undefined : r.color} wrap="truncate-end">
          {r.text === '' ? ' ' : r.text}
        </Text>
      ))}
      <Text>{more ? '…' : ' '}</Text>
      {checked.length ? <Text> </Text> : null}
      {checked.map((r, i) => (
        <Text key={`c${i}`} bold={r.bold} color={noColor ? undefined : r.color} wrap="truncate-end">
          {r.text}
        </Text>
      ))}
      <Text dimColor={!noColor} wrap="truncate-end">{w.keys}</Text>
    </Box>
  );
}
