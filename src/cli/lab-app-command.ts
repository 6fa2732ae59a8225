/**
 * Starts the Ink lab runner on the terminal, wired to the real engine, and waits for it to end.
 * The runner (ui/lab-app.tsx) gets the engine's functions as props; only this file knows them.
 */
import { createElement } from 'react';
import { render } from 'ink';
import type { Catalog } from '../core/labs/catalog.js';
import type { CheckResult } from '../core/labs/check-result.js';
import type { Progress } from '../core/labs/progress.js';
import type { Lab } from '../core/labs/types.js';
import type { Lang } from '../core/lang.js';
import { labTheme, noColorFromEnv } from '../core/theme.js';
import { connectDocker } from '../engine/docker-connect.js';
import { checkLab } from '../engine/labs/lab-check.js';
import { saveProgress } from '../engine/labs/progress-store.js';
import { ensureWorkspace, labWorkspace } from '../engine/labs/workspace.js';
import { newRunId } from '../engine/run-id.js';
import { sweepLeftovers } from '../engine/sweep.js';
import { LabApp } from '../ui/lab-app.js';

export interface LabAppInput {
  catalog: Catalog;
  lang: Lang;
  progress: Progress;
  root: string;
  progressPath: string;
  labId?: string;
  notice?: string | null;
  /** Label value of the checks' containers (default: a fresh `lab-…` id per check). */
  runId?: string;
}

/** One check from the runner: connect, sweep what killed runs left, check. A LabError's problem reaches the runner whole. */
async function runCheck(input: LabAppInput, lab: Lab, dir: string, onLine: (line: string) => void, signal: AbortSignal, onNotice?: (line: string) => void): Promise<CheckResult> {
  const { docker } = await connectDocker();
  await sweepLeftovers(docker);
  const { result } = await checkLab(docker, lab, { runId: input.runId ?? newRunId('lab'), dir, signal, onLine, ...(onNotice ? { onNotice } : {}) });
  return result;
}

export async function runLabApp(input: LabAppInput): Promise<number> {
  const app = render(
    createElement(LabApp, {
      catalog: input.catalog,
      lang: input.lang,
      progress: input.progress,
      notice: input.notice ?? null,
      theme: labTheme(noColorFromEnv(process.env)),
      ...(input.labId ? { labId: input.labId } : {}),
      workspaceOf: async (lab: Lab) => {
        const dir = labWorkspace(input.root, lab);
        await ensureWorkspace(dir, lab.id);
        return dir;
      },
      saveProgress: (p: Progress) => saveProgress(p, input.progressPath),
      runCheck: (lab, dir, onLine, signal, onNotice) => runCheck(input, lab, dir, onLine, signal, onNotice),
    }),
    { exitOnCtrlC: false },
  );
  await app.waitUntilExit();
  return 0;
}
