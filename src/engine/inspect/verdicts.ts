/**
 * The app's `i`: every running container on the engine with its PID 1 verdict in one line,
 * by the same read-only inspect as the command (no watch; samplers of ours are left out).
 */
import type Docker from 'dockerode';
import { diagnose, shortVerdict, verdictFacts } from '../../core/inspect/diagnosis.js';
import type { ContainerVerdict } from '../../core/inspect/report.js';
import { LABEL_KIND } from '../../core/labels.js';
import { explainEngineError } from '../docker-connect.js';
import { imageTags } from '../images.js';
import { newRunId, ownerFor } from '../run-id.js';
import { inspectOne } from './inspect-container.js';

export async function verdictsOfRunning(docker: Docker, signal: AbortSignal, runIdPrefix = 'inspect'): Promise<ContainerVerdict[]> {
  const list = await docker.listContainers({ all: false });
  const targets = list.filter((c) => c.Labels?.[LABEL_KIND] !== 'sampler').sort((a, b) => a.Created - b.Created);
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
        rows[i] = { name, image: c.Image, verdict: shortVerdict(d), problems: d.findings.length, facts: verdictFacts(d) };
      } catch (err) {
        const p = explainEngineError(err, { id: 'inspect', name }).problem;
        rows[i] = { name, image: c.Image, verdict: `could not be read: ${p.message}`, problems: -1, unreadable: p };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, targets.length) }, worker));
  return rows.filter((r): r is ContainerVerdict => r !== undefined);
}
