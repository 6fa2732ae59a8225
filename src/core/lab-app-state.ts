/**
 * State of the lab runner as a pure reducer, like the presenter's (app-state.ts): key actions
 * (lab-keymap.ts) and what the effects report (workspace made, check lines, check result) in,
 * state out. The Ink components only render it; the effects (making the workspace, running a
 * check, saving progress) live in lab-app.tsx and dispatch here. A check starts only through
 * this reducer, so two quick `c` presses start one check.
 */
import type { CheckResult } from './labs/check-result.js';
import { labProgress, withCheck, withStep, type Progress } from './labs/progress.js';
import type { Lab } from './labs/types.js';
import { resolveLabKey, type LabAction, type LabKeyMode } from './lab-keymap.js';
import type { Problem } from './run-events.js';

/** Builder lines kept for the `o` view (the last ones; a build can write thousands). */
export const OUTPUT_KEPT = 200;

export type LabCheck = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; result: CheckResult } | { kind: 'error'; problem: Problem };

export type LabWorkspace = { labId: string; dir: string } | { labId: string; failed: string };

export interface LabAppState {
  labs: readonly Lab[];
  progress: Progress;
  /** The lab marked in the menu. */
  selected: number;
  /** Index of the open lab, or null on the menu. */
  open: number | null;
  step: number;
  hints: boolean;
  /** Rows the explanation is scrolled by (the view clamps it to what there is). */
  scroll: number;
  help: boolean;
  /** The builder's output of the check is shown (o); it stays out of view otherwise. */
  output: boolean;
  /** The builder's lines of the current or last check, the last OUTPUT_KEPT. */
  buildLines: string[];
  /** Lines the check says once and the learner must see (e.g. a build without a PID limit). */
  notices: string[];
  check: LabCheck;
  /** Bumped when a check starts; its reports carry it, so a late report of a left check is dropped. */
  checkSeq: number;
  /** The open lab's workspace folder, once made (null meanwhile). */
  workspace: LabWorkspace | null;
  quitting: boolean;
}

export type LabMsg =
  | LabAction
  /** A key by its keymap.ts name: resolved here against the state's own screen, never a stale one. */
  | { type: 'key'; name: string | null }
  | { type: 'workspace-ready'; labId: string; dir: string }
  | { type: 'workspace-failed'; labId: string; message: string }
  | { type: 'check-line'; seq: number; line: string }
  | { type: 'check-notice'; seq: number; line: string }
  | { type: 'check-done'; seq: number; result: CheckResult; at: Date }
  | { type: 'check-failed'; seq: number; problem: Problem };

export function initialLabAppState(opts: { labs: readonly Lab[]; progress: Progress; labId?: string | undefined }): LabAppState {
  const at = opts.labs.findIndex((l) => l.id === opts.labId);
  const base: LabAppState = {
    labs: opts.labs,
    progress: opts.progress,
    selected: Math.max(0, at),
    open: null,
    step: 0,
    hints: false,
    scroll: 0,
    help: false,
    output: false,
    buildLines: [],
    notices: [],
    check: { kind: 'idle' },
    checkSeq: 0,
    workspace: null,
    quitting: false,
  };
  return at >= 0 ? openLab(base, at) : base;
}

/** The open lab, if any. */
export function openLabOf(s: LabAppState): Lab | null {
  return s.open === null ? null : (s.labs[s.open] ?? null);
}

/** The open lab's workspace folder once it is made (a check needs it). */
export function workspaceDir(s: LabAppState): string | null {
  const lab = openLabOf(s);
  return lab && s.workspace && s.workspace.labId === lab.id && 'dir' in s.workspace ? s.workspace.dir : null;
}

/** The lab after the open one, when its check passed: the runner offers it. */
export function nextLabOffer(s: LabAppState): Lab | null {
  if (s.open === null || s.check.kind !== 'done' || !s.check.result.passed) return null;
  return s.labs[s.open + 1] ?? null;
}

export function labKeyMode(s: LabAppState): LabKeyMode {
  return s.help ? 'help' : s.open === null ? 'menu' : 'lab';
}

function openLab(s: LabAppState, index: number): LabAppState {
  const lab = s.labs[index];
  if (!lab) return s;
  return {
    ...s,
    selected: index,
    open: index,
    step: Math.min(labProgress(s.progress, lab.id).step, lab.steps.length - 1),
    hints: false,
    scroll: 0,
    output: false,
    buildLines: [],
    notices: [],
    check: { kind: 'idle' },
    workspace: null,
  };
}

function goStep(s: LabAppState, by: number): LabAppState {
  const lab = openLabOf(s);
  if (!lab) return s;
  const step = Math.max(0, Math.min(lab.steps.length - 1, s.step + by));
  if (step === s.step) return s;
  return { ...s, step, hints: false, scroll: 0, progress: withStep(s.progress, lab.id, step) };
}

function startCheck(s: LabAppState): LabAppState {
  if (s.check.kind === 'running' || workspaceDir(s) === null) return s;
  return { ...s, check: { kind: 'running' }, checkSeq: s.checkSeq + 1, buildLines: [], notices: [], output: false };
}

/** A report of the check that is running now (not of one left or replaced). */
const current = (s: LabAppState, seq: number): boolean => s.check.kind === 'running' && seq === s.checkSeq;

export function labAppReducer(s: LabAppState, m: LabMsg): LabAppState {
  switch (m.type) {
    case 'key': {
      const a = resolveLabKey(m.name, labKeyMode(s));
      return a ? labAppReducer(s, a) : s;
    }
    case 'menu-move':
      return { ...s, selected: Math.max(0, Math.min(s.labs.length - 1, s.selected + m.by)) };
    case 'open':
      return s.open === null ? openLab(s, s.selected) : s;
    case 'next-step':
      return goStep(s, 1);
    case 'prev-step':
      return goStep(s, -1);
    case 'scroll':
      return { ...s, scroll: Math.max(0, s.scroll + m.by) };
    case 'toggle-hints':
      return { ...s, hints: !s.hints };
    case 'check':
      return startCheck(s);
    case 'toggle-output':
      return { ...s, output: !s.output };
    case 'next-lab': {
      const next = nextLabOffer(s);
      return next ? openLab(s, s.labs.indexOf(next)) : s;
    }
    case 'back':
      // Leaving the lab stops its check (the effect aborts it: its containers are removed).
      return s.open === null ? s : { ...s, open: null, check: { kind: 'idle' }, workspace: null };
    case 'toggle-help':
      return { ...s, help: !s.help };
    case 'quit':
      return { ...s, quitting: true, check: s.check.kind === 'running' ? { kind: 'idle' } : s.check };
    case 'workspace-ready':
      return openLabOf(s)?.id === m.labId ? { ...s, workspace: { labId: m.labId, dir: m.dir } } : s;
    case 'workspace-failed':
      return openLabOf(s)?.id === m.labId ? { ...s, workspace: { labId: m.labId, failed: m.message } } : s;
    case 'check-line':
      return current(s, m.seq) ? { ...s, buildLines: [...s.buildLines, m.line].slice(-OUTPUT_KEPT) } : s;
    case 'check-notice':
      return current(s, m.seq) ? { ...s, notices: [...s.notices, m.line] } : s;
    case 'check-done': {
      const lab = openLabOf(s);
      if (!lab || !current(s, m.seq)) return s;
      return { ...s, check: { kind: 'done', result: m.result }, progress: withCheck(s.progress, lab.id, m.result.passed, m.at) };
    }
    case 'check-failed':
      return current(s, m.seq) ? { ...s, check: { kind: 'error', problem: m.problem } } : s;
  }
}
