/**
 * The words a lane shows, fitted to its width: its state, zombies, peak, PID 1, PIDs used
 * against the limit and fork failures. Pure, so every state's text and every width's fit is
 * unit-tested; nothing here is ever cut, only shortened (labels, decoration) or wrapped.
 */
import type { LaneModel } from './app-state.js';
import { fitLine, wrapRow, type Row, type Seg, type SegStyle } from './fit-line.js';
import type { UiText } from './i18n.js';
import { renderBar } from './lane-plot.js';
import { MODES } from './modes.js';
import type { LaneState } from './run-events.js';
import { problemIn } from './problem-text.js';

/** One short line: what the lane is doing now. `now` is epoch ms (for countdowns); `pod`: a pod's lane, whose stop waits out its grace period. */
export function laneStateText(s: LaneState, now: number, t: UiText, compact = false, pod = false): string {
  switch (s.kind) {
    case 'idle':
      return compact ? t.state.idleShort : t.state.idle;
    case 'building':
      return t.state.building(s.note ? t.build.note(s.note) : s.detail);
    case 'starting':
      return t.state.starting;
    case 'running':
      return t.state.running(t.secs(now - s.startedAt, 0));
    case 'stopping':
      return t.state.stopping(t.secs(s.deadline - now), compact ? null : s.timeoutS, pod);
    case 'stopped':
      return t.state.stopped(t.secs(s.stopMs, 2), String(s.exitCode ?? '?'), compact);
    case 'error':
      return t.state.error(problemIn(t.lang, s.problem).message);
  }
}

const stateStyle = (s: LaneState): SegStyle =>
  s.kind === 'error' ? 'error' : s.kind === 'stopping' ? 'accent' : s.kind === 'stopped' ? 'ok' : 'plain';

export interface LaneTextInput {
  lane: LaneModel;
  /** 1-based position, shown as the key that focuses it. */
  index: number;
  width: number;
  now: number;
  t: UiText;
  /** The builder's latest line while the lane is building. */
  buildLine?: string | null;
}

/** A lane's key: its glyph, number and name — the pod's on a pods run, else the mode's. */
export function laneLabel(lane: LaneModel, index: number, t: UiText, padded: boolean): Seg {
  const { mode } = lane;
  const text = `${MODES[mode].glyph} ${index} ${lane.pod?.name ?? t.modeLabel[mode]}`;
  return { text: padded ? ` ${text} ` : text, style: 'mode', mode };
}

function stateSeg(i: LaneTextInput, compact: boolean): Seg {
  const st = i.lane.state;
  const text = st.kind === 'building' && i.buildLine ? i.t.state.building(i.buildLine) : laneStateText(st, i.now, i.t, compact, i.lane.pod !== null);
  return { text, style: stateStyle(st) };
}

/**
 * The lane's header: label and state, wrapped if the state is long. The label is a badge (inverse
 * colour), so it keeps two spaces before the state: with one, "* 1 ohne Init stoppt" read as one
 * block. The state's detail goes before that gap does.
 */
export function laneHeader(i: LaneTextInput): Row[] {
  const { lane, index, t } = i;
  return fitLine(
    [
      [laneLabel(lane, index, t, true), { text: '  ' }, stateSeg(i, false)],
      [laneLabel(lane, index, t, true), { text: '  ' }, stateSeg(i, true)],
      [laneLabel(lane, index, t, false), { text: '  ' }, stateSeg(i, true)],
    ],
    i.width,
  );
}

/** All text rows of a lane above its plot: header, counts with PID 1, PID usage. */
export function laneLines(i: LaneTextInput): Row[] {
  const { lane, t, width } = i;
  // A pod's lane: how many of its zombies the probe left, right after them.
  const probe: Seg[] = lane.pod && lane.probeZombies !== null ? [{ text: ` (${t.pods.probe} ${lane.probeZombies})` }] : [];
  const counts = fitLine(
    [
      [
        { text: `${t.zombies} ${lane.zombies}`, style: 'strong' },
        ...probe,
        { text: `  ${t.peak} ${lane.peak}` },
        { text: '  PID 1: ' },
        { text: lane.pid1 ?? '—', style: 'strong' },
      ],
      [
        { text: `${t.zombies} ${lane.zombies}`, style: 'strong' },
        ...probe,
        { text: ` ${t.peak} ${lane.peak}` },
        { text: ' PID 1: ' },
        { text: lane.pid1 ?? '—', style: 'strong' },
      ],
      // With the probe's count a narrow pane drops the peak (the plot shows it) before PID 1 wraps.
      ...(probe.length > 0 ? [[{ text: `${t.zombies} ${lane.zombies}`, style: 'strong' as const }, ...probe, { text: ' PID 1: ' }, { text: lane.pid1 ?? '—', style: 'strong' as const }]] : []),
    ],
    width,
  );
  return [...laneHeader(i), ...counts, ...pidsLine(i)];
}

function pidsLine({ lane, t, width }: LaneTextInput): Row[] {
  // A pod's samples carry no PID reading: its row names the Pod YAML the lane runs instead.
  if (lane.pod) return wrapRow([{ text: lane.pod.file, style: 'dim' }], width);
  const limit = lane.pidsLimit ?? lane.result?.pidsLimit ?? null;
  const used = lane.pidsUsed ?? lane.result?.pidsUsedEnd ?? null;
  if (used === null && limit === null) return [[{ text: `${t.pids} —` }]];
  const numbers = `${used ?? '?'}/${limit ?? '?'}`;
  const fails: Seg[] = lane.forkFailures ? [{ text: `  ${t.forkFailures} ${lane.forkFailures}`, style: 'error' }] : [];
  // The bar is decoration: it shrinks first, then goes, before the numbers would wrap.
  const fixed = `${t.pids}  ${numbers}`.length + fails.reduce((n, s) => n + s.text.length, 0);
  const barW = Math.min(30, width - fixed);
  const withBar: Row = [{ text: `${t.pids} ${renderBar(used, limit, Math.max(6, barW))} ${numbers}` }, ...fails];
  return fitLine(barW >= 6 ? [withBar, [{ text: `${t.pids} ${numbers}` }, ...fails]] : [[{ text: `${t.pids} ${numbers}` }, ...fails]], width);
}

/** A lane in one line (or as few as fit): label, zombies, state. For lanes not plotted and the demo slide's widget. */
export function laneSummary(i: LaneTextInput, labelWidth = 0): Row[] {
  const { lane, index, t } = i;
  const lbl = laneLabel(lane, index, t, true);
  const padded: Seg = { ...lbl, text: lbl.text.padEnd(labelWidth) };
  const z: Seg = { text: ` ${t.zombies} ${String(lane.zombies).padStart(3)}`, style: 'strong' };
  return fitLine(
    [
      [padded, z, { text: '  ' }, stateSeg(i, true)],
      [laneLabel(lane, index, t, false), { text: ` ${t.zombies} ${lane.zombies}`, style: 'strong' }, { text: ' ' }, stateSeg(i, true)],
    ],
    i.width,
  );
}
