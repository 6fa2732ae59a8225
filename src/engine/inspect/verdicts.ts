/**
 * The app's `i`: every running container on the engine with its PID 1 verdict in one line,
 * by the same read-only inspect as the command (no watch).
 *
 * The lab's own demo containers (its lanes, the standbys it keeps ready, their samplers) are
 * left out and only counted: the presenter opens this list to show the audience *their*
 * containers, the lanes already show the lab's, and three idle standbys judged "drops SIGTERM"
 * would read as findings about the room's containers. Other containers carrying the lab's label
 * (a lab check's build of the learner's own Dockerfile, a probe) are shown like any other.
 */
import type Docker from 'dockerode';
import { diagnose, shortVerdict, verdictFacts } from '../../core/inspect/diagnosis.js';
import type { ContainerVerdict } from '../../core/inspect/report.js';
import { LABEL_KIND, LABEL_RUN, type ContainerKind } from '../../core/labels.js';
import { explainEngineError } from '../docker-connect.js';
import { imageTags } from '../images.js';
import { newRunId, ownerFor } from '../run-id.js';
import { inspectOne } from './inspect-container.js';

/** Kinds of the lab's own containers that the list leaves out. */
const LAB_OWN_KINDS: readonly string[] = ['demo', 'sampler'] satisfies ContainerKind[];

export interface RunningVerdicts {
  rows: ContainerVerdict[];
  /** The lab's own demo containers and samplers, left out. */
  hidden: number;
}

/** Whether the `i` list leaves a container out: one of the lab's own demo lanes, standbys or samplers. */
export function isLabOwn(labels: Record<string, string> | undefined): boolean {
  return labels?.[LABEL_RUN] !== undefined && LAB_OWN_KINDS.includes(labels[LABEL_KIND] ?? '');
}

/** `progress(done, total)` after the list is read and after each container is judged. */
export async function verdictsOfRunning(docker: Docker, signal: AbortSignal, runIdPrefix = 'inspect', progress?: (done: number, total: number) => void): Promise<RunningVerdicts> {
  const list = await docker.listContainers({ all: false });
  const targets = list.filter((c) => !isLabOwn(c.Labels)).sort((a, b) => a.Created - b.Created);
  const hidden = list.length - targets.length;
  let done = 0;
  progress?.(0, targets.length);
  const { base } = await imageTags();
  const owner = ownerFor(newRunId(runIdPrefix));
  const rows: (ContainerVerdict | undefined)[] = targets.map(() => undefined);
  // A few at a time: each waits up to REAP_JUDGE_DEADLINE_MS to tell who reaps, mostly idle between reads.
  const queue = targets.map((c, i) => [c, i] as const);
  const worker = async () => {
    for (let next = queue.shift(); next && !signal.aborted; next = queue.shift()) {
      const [c, i] = next;
      const name = (c.Names[0] ?? c.Id).replace(/^\//, '');
      try {
        const r = await inspectOne(docker, c.Id, { owner, sidecarImage: base, signal });
        const d = diagnose({ facts: r.facts, snapshot: r.snapshot, lasting: r.lasting, reaping: r.reaping });
        rows[i] = { name, image: c.Image, verdict: shortVerdict(d), problems: d.findings.length, facts: verdictFacts(d), findings: d.findings.map((f) => ({ message: f.message, fix: f.fix })) };
      } catch (err) {
        const p = explainEngineError(err, { id: 'inspect', name }).problem;
        rows[i] = { name, image: c.Image, verdict: `could not be read: ${p.message}`, problems: -1, unreadable: p };
      }
      progress?.(++done, targets.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, targets.length) }, worker));
  return { rows: rows.filter((r): r is ContainerVerdict => r !== undefined), hidden };
}
