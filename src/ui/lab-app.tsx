/**
 * The lab runner: the menu, one lab step by step, and the check run in place. Its state is the
 * reducer of core/lab-app-state.ts; this component renders it and runs the effects the state
 * asks for (make the workspace, run a check, save progress). Everything with side effects comes
 * in as props (wired in cli/lab-app-command.ts), so tests drive it with fakes.
 */
import { useApp, useStdout } from 'ink';
import type React from 'react';
import { useEffect, useReducer, useRef } from 'react';
import { initialLabAppState, labAppReducer, openLabOf, workspaceDir } from '../core/lab-app-state.js';
import { labText } from '../core/lab-text.js';
import type { Catalog } from '../core/labs/catalog.js';
import type { CheckResult } from '../core/labs/check-result.js';
import type { Progress } from '../core/labs/progress.js';
import type { Lab } from '../core/labs/types.js';
import type { Problem } from '../core/run-events.js';
import { problemCarriedBy, problemIn } from '../core/problem-text.js';
import type { Lang } from '../core/lang.js';
import type { Theme } from '../core/theme.js';
import { LabHelp } from './lab-help.js';
import { LabMenu } from './lab-menu.js';
import { LabView } from './lab-view.js';
import { useKeys } from './use-keys.js';

export interface LabAppProps {
  catalog: Catalog;
  lang: Lang;
  progress: Progress;
  labId?: string;
  notice?: string | null;
  /** labTheme(noColor) (core/theme.ts). */
  theme: Theme;
  workspaceOf: (lab: Lab) => Promise<string>;
  /** Runs the lab's check; `onLine` gets the builder's output, `onNotice` what the learner must see. A rejection with a `problem` is worded in the runner's language. */
  runCheck: (lab: Lab, dir: string, onLine: (line: string) => void, signal: AbortSignal, onNotice?: (line: string) => void) => Promise<CheckResult>;
  saveProgress: (p: Progress) => Promise<void>;
}

/** The problem a failed check's rejection carries, else its first line as one. */
function problemOfError(err: unknown): Problem {
  return problemCarriedBy(err) ?? { message: err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err), fix: '' };
}

export function LabApp(props: LabAppProps): React.JSX.Element {
  const { catalog, lang, theme, workspaceOf, runCheck, saveProgress } = props;
  const t = labText(lang);
  const { exit } = useApp();
  const { stdout } = useStdout();
  const width = Math.max(40, (stdout.columns ?? 80) - 1);
  const height = Math.max(12, (stdout.rows ?? 24) - 1);
  const [s, send] = useReducer(labAppReducer, { labs: catalog.byLang[lang], progress: props.progress, labId: props.labId }, initialLabAppState);

  const lab = openLabOf(s);
  useEffect(() => {
    if (!lab) return;
    let live = true;
    workspaceOf(lab).then(
      (dir) => live && send({ type: 'workspace-ready', labId: lab.id, dir }),
      (err: unknown) => live && send({ type: 'workspace-failed', labId: lab.id, message: problemIn(lang, problemOfError(err)).message }),
    );
    return () => {
      live = false;
    };
  }, [lab, workspaceOf, lang]);

  // The check the state asks for: started once per checkSeq, aborted (its containers removed)
  // when the state leaves it (back, quit) or the runner closes.
  const running = s.check.kind === 'running' ? s.checkSeq : null;
  const dir = workspaceDir(s);
  const runCheckRef = useRef(runCheck);
  runCheckRef.current = runCheck;
  useEffect(() => {
    if (running === null || !lab || !dir) return;
    const ctl = new AbortController();
    const seq = running;
    runCheckRef.current(lab, dir, (line) => send({ type: 'check-line', seq, line }), ctl.signal, (line) => send({ type: 'check-notice', seq, line })).then(
      (result) => send({ type: 'check-done', seq, result, at: new Date() }),
      (err: unknown) => {
        if (!ctl.signal.aborted) send({ type: 'check-failed', seq, problem: problemOfError(err) });
      },
    );
    return () => ctl.abort();
    // The lab and its folder do not change while a check runs: leaving the lab ends the check first.
  }, [running, lab, dir]);

  // Progress is saved whenever the state's changes (a step, a check's result).
  const savedProgress = useRef(s.progress);
  useEffect(() => {
    if (s.progress === savedProgress.current) return;
    savedProgress.current = s.progress;
    void saveProgress(s.progress).catch(() => undefined);
  }, [s.progress, saveProgress]);

  useEffect(() => {
    if (s.quitting) exit();
  }, [s.quitting, exit]);

  useKeys((name) => send({ type: 'key', name }));

  if (s.help) return <LabHelp on={s.open === null ? 'menu' : 'lab'} t={t} width={width} />;
  if (s.open === null) return <LabMenu labs={s.labs} progress={s.progress} selected={s.selected} t={t} notice={props.notice ?? null} theme={theme} />;
  return <LabView state={s} t={t} width={width} height={height} theme={theme} />;
}
