/**
 * The lab runner: the menu, one lab step by step, and the check run in place. Everything
 * with side effects (running a check, saving progress, making the workspace) comes in as
 * props, so tests drive it with fakes.
 */
import { useApp, useInput, useStdout } from 'ink';
import type React from 'react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Catalog } from '../core/labs/catalog.js';
import type { CheckResult } from '../core/labs/check-result.js';
import { labProgress, withCheck, withStep, type Progress } from '../core/labs/progress.js';
import type { Lab } from '../core/labs/types.js';
import type { Lang } from '../core/slides/types.js';
import { LabMenu } from './lab-menu.js';
import { LabView, type CheckState } from './lab-view.js';

export interface LabAppProps {
  catalog: Catalog;
  lang: Lang;
  progress: Progress;
  labId?: string;
  notice?: string | null;
  noColor?: boolean;
  workspaceOf: (lab: Lab) => Promise<string>;
  runCheck: (lab: Lab, dir: string, onLine: (line: string) => void, signal: AbortSignal) => Promise<CheckResult>;
  saveProgress: (p: Progress) => Promise<void>;
}

export function LabApp(props: LabAppProps): React.JSX.Element {
  const { catalog, lang, noColor } = props;
  const labs = catalog.byLang[lang];
  const { exit } = useApp();
  const { stdout } = useStdout();
  const width = Math.max(40, (stdout.columns ?? 80) - 1);
  const height = Math.max(12, (stdout.rows ?? 24) - 1);

  const [progress, setProgress] = useState(props.progress);
  const [selected, setSelected] = useState(Math.max(0, labs.findIndex((l) => l.id === props.labId)));
  const [open, setOpen] = useState<Lab | null>(labs.find((l) => l.id === props.labId) ?? null);
  const [step, setStep] = useState(open ? Math.min(labProgress(props.progress, open.id).step, open.steps.length - 1) : 0);
  const [hints, setHints] = useState(false);
  const [scroll, setScroll] = useState(0);
  const [check, setCheck] = useState<CheckState>({ kind: 'idle' });
  const [workspace, setWorkspace] = useState('');
  const abort = useRef<AbortController | null>(null);
  // Read by key handlers, which may still be the previous render's closures.
  const workspaceRef = useRef('');
  workspaceRef.current = workspace;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;
  const stepRef = useRef(step);
  stepRef.current = step;

  const progressRef = useRef(progress);
  const save = useCallback(
    (p: Progress) => {
      progressRef.current = p;
      setProgress(p);
      void props.saveProgress(p).catch(() => undefined);
    },
    [props],
  );

  useEffect(() => {
    if (!open) return;
    let live = true;
    props.workspaceOf(open).then(
      (dir) => live && setWorkspace(dir),
      (err: unknown) => live && setWorkspace(`(${err instanceof Error ? err.message : String(err)})`),
    );
    return () => {
      live = false;
    };
  }, [open, props]);

  // A running check is aborted when the runner closes: its containers are removed.
  useEffect(() => () => abort.current?.abort(), []);

  const openLab = (lab: Lab) => {
    setOpen(lab);
    setStep(Math.min(labProgress(progressRef.current, lab.id).step, lab.steps.length - 1));
    setHints(false);
    setScroll(0);
    setCheck({ kind: 'idle' });
  };

  const goStep = (lab: Lab, next: number) => {
    const s = Math.max(0, Math.min(lab.steps.length - 1, next));
    if (s === stepRef.current) return;
    stepRef.current = s;
    setStep(s);
    setHints(false);
    setScroll(0);
    save(withStep(progressRef.current, lab.id, s));
  };

  const startCheck = (lab: Lab) => {
    const dir = workspaceRef.current;
    if (check.kind === 'running' || !dir) return;
    const ctl = new AbortController();
    abort.current = ctl;
    setCheck({ kind: 'running', line: '' });
    props.runCheck(lab, dir, (line) => setCheck({ kind: 'running', line: line.slice(0, width - 12) }), ctl.signal).then(
      (result) => {
        if (ctl.signal.aborted) return;
        setCheck({ kind: 'done', result });
        save(withCheck(progressRef.current, lab.id, result.passed, new Date()));
      },
      (err: unknown) => {
        if (!ctl.signal.aborted) setCheck({ kind: 'error', message: err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err) });
      },
    );
  };

  useInput((input, key) => {
    if (input === 'q') {
      abort.current?.abort();
      exit();
      return;
    }
    if (!open) {
      const move = (d: number) => {
        selectedRef.current = Math.max(0, Math.min(labs.length - 1, selectedRef.current + d));
        setSelected(selectedRef.current);
      };
      if (key.upArrow || input === 'k') move(-1);
      else if (key.downArrow || input === 'j') move(1);
      else if (key.return) {
        const lab = labs[selectedRef.current];
        if (lab) openLab(lab);
      }
      return;
    }
    if (key.rightArrow || input === 'n' || input === ' ') goStep(open, stepRef.current + 1);
    else if (key.leftArrow || input === 'p') goStep(open, stepRef.current - 1);
    else if (input === 'h') setHints((h) => !h);
    else if (input === 'c') startCheck(open);
    else if (key.downArrow || input === 'j') setScroll((s) => s + 1);
    else if (key.upArrow || input === 'k') setScroll((s) => Math.max(0, s - 1));
    else if (key.escape || input === 'b') {
      abort.current?.abort();
      setOpen(null);
      setCheck({ kind: 'idle' });
    }
  });

  if (!open) return <LabMenu labs={labs} progress={progress} selected={selected} lang={lang} notice={props.notice ?? null} {...(noColor ? { noColor } : {})} />;
  return <LabView lab={open} step={step} showHints={hints} check={check} workspace={workspace} width={width} height={height} scroll={scroll} lang={lang} {...(noColor ? { noColor } : {})} />;
}
