/** `lab <id> --check` without a UI: make sure the images and the workspace exist, then run the lab's check. */
import type Docker from 'dockerode';
import type { CheckResult } from '../../core/labs/check-result.js';
import type { Lab } from '../../core/labs/types.js';
import { ensureExtraImage, imageTags, WORKLOAD_REPO, type WayChoice } from '../images.js';
import { runCheck } from './checks/index.js';
import { assertPidLimitHolds } from '../engine-facts.js';
import { ensureWorkspace, type WorkspaceReport } from './workspace.js';

export interface LabCheckOptions {
  runId: string;
  dir: string;
  signal: AbortSignal;
  way?: WayChoice | undefined;
  labsRoot?: string;
  onLine?: (line: string) => void;
  /** A line to say once and keep (an unbounded build); the default is onLine. */
  onNotice?: (line: string) => void;
}

export async function checkLab(docker: Docker, lab: Lab, opts: LabCheckOptions): Promise<{ result: CheckResult; workspace: WorkspaceReport }> {
  const onLine = opts.onLine ?? (() => {});
  const workspace = await ensureWorkspace(opts.dir, lab.id, ...(opts.labsRoot ? [opts.labsRoot] : []));
  await assertPidLimitHolds(docker);
  const { tag: workloadTag } = await ensureExtraImage(docker, 'workload', WORKLOAD_REPO, { signal: opts.signal, onLine, way: opts.way });
  const { base: baseTag } = await imageTags();
  const result = await runCheck(lab.check, lab.id, { docker, runId: opts.runId, dir: opts.dir, baseTag, workloadTag, signal: opts.signal, onLine, ...(opts.onNotice ? { onNotice: opts.onNotice } : {}), lang: lab.lang });
  return { result, workspace };
}
