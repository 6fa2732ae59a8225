/** Starts the Ink lab runner on the terminal, wired to the real engine, and waits for it to end. */
import { noColorFromEnv } from '../core/theme.js';
import { render } from 'ink';
import type { Catalog } from '../core/labs/catalog.js';
import type { Progress } from '../core/labs/progress.js';
import type { Lang } from '../core/slides/types.js';
import { connectDocker } from '../engine/docker-connect.js';
import { isLabError } from '../engine/lab-error.js';
import { checkLab } from '../engine/labs/lab-check.js';
import { saveProgress } from '../engine/labs/progress-store.js';
import { ensureWorkspace, labWorkspace } from '../engine/labs/workspace.js';
import { newRunId } from '../engine/run-id.js';
import { sweepLeftovers } from '../engine/sweep.js';
import { LabApp } from './lab-app.js';

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

export async function runLabApp(input: LabAppInput): Promise<number> {
  const noColor = noColorFromEnv(process.env);
  const app = render(
    <LabApp
      catalog={input.catalog}
      lang={input.lang}
      progress={input.progress}
      notice={input.notice ?? null}
      noColor={noColor}
      {...(input.labId ? { labId: input.labId } : {})}
      workspaceOf={async (lab) => {
        const dir = labWorkspace(input.root, lab);
        await ensureWorkspace(dir, lab.id);
        return dir;
      }}
      saveProgress={(p) => saveProgress(p, input.progressPath)}
      runCheck={async (lab, dir, onLine, signal) => {
        try {
          const { docker } = await connectDocker();
          await sweepLeftovers(docker);
          const { result } = await checkLab(docker, lab, { runId: input.runId ?? newRunId('lab'), dir, signal, onLine });
          return result;
        } catch (err) {
          if (isLabError(err)) throw new Error(`${err.problem.message} — ${err.problem.fix}`);
          throw err;
        }
      }}
    />,
  );
  await app.waitUntilExit();
  return 0;
}
