/**
 * Doctor's probes of what an engine really does, each a short container that prints what it
 * finds: which binary `--init` puts at PID 1 (and whether there is one), and the PID limit the
 * kernel holds a container to, read from inside it.
 */
import { PIDS_MAX_SCRIPT } from './exec-run.js';
import type Docker from 'dockerode';
import { containerSpec } from '../core/container-spec.js';
import type { DoctorCheck } from '../core/doctor-check.js';
import { createAndStart, removeQuietly } from './containers.js';
import { explainEngineError } from './docker-connect.js';
import { ENGINE_KINDS, limitProblemOf } from '../core/engine-kind.js';
import { factsOf } from './engine-facts.js';
import { newRunId, ownerFor } from './run-id.js';
import { logsOf } from './container-logs.js';
import { settleWithin } from './timeout.js';

const PROBE_PIDS_LIMIT = 16;

/** Runs `sh -c script` to its end (bounded) and returns what it printed. */
async function probeOutput(docker: Docker, image: string, script: string, init: boolean): Promise<string> {
  const spec = containerSpec({
    owner: ownerFor(newRunId('doctor')),
    kind: 'probe',
    image,
    cmd: ['sh', '-c', script],
    init,
    limits: { pidsLimit: PROBE_PIDS_LIMIT, memoryMb: 32 },
    autoRemove: false,
  });
  // Diagnostic: doctor's probes make no zombies and must run to find out whether the limit holds.
  const s = await createAndStart(docker, spec, { diagnostic: true });
  try {
    const ended = await settleWithin(s.exited.then(() => true), 15_000, false);
    if (!ended) throw new Error('the probe container did not end within 15 s');
    return await logsOf(s.container);
  } finally {
    await removeQuietly(s.container);
  }
}

function problemOf(err: unknown): { message: string; fix: string } {
  return explainEngineError(err, { id: 'probe' }).problem;
}

/** `--init` needs a binary on the engine's machine (docker-init, or catatonit for Podman): does it start, and what is it? */
export async function initBinaryCheck(docker: Docker, image: string): Promise<DoctorCheck> {
  const facts = await factsOf({ docker });
  const kind = ENGINE_KINDS[facts.kind];
  const name = '--init';
  try {
    const out = await probeOutput(docker, image, 'echo "pid1=$(cat /proc/1/comm)"', true);
    const comm = /pid1=(\S+)/.exec(out)?.[1] ?? '?';
    const note = comm === kind.init.comm ? `${facts.initBinary} as ${comm}` : `${comm} (${facts.product} names its init ${facts.initBinary})`;
    return { name, status: 'pass', detail: `the engine's init works: PID 1 is ${note}` };
  } catch (err) {
    const p = problemOf(err);
    return { name, status: 'fail', detail: `a container with --init does not start on ${facts.product}: ${p.message}`, fix: p.fix };
  }
}


/** Does the kernel hold a container to its PID limit on this engine? The engine's own word first, then a reading from inside. */
export async function pidLimitCheck(docker: Docker, image: string): Promise<DoctorCheck> {
  const name = 'PID limit inside a container';
  // Probed even where the engine's own word already refuses: the reading shows what that means.
  const problem = limitProblemOf(await factsOf({ docker }));
  try {
    const out = await probeOutput(docker, image, PIDS_MAX_SCRIPT, false);
    const seen = /pids\.max=(\S+)/.exec(out)?.[1] ?? 'none';
    return Number(seen) === PROBE_PIDS_LIMIT && !problem
      ? { name, status: 'pass', detail: `held: a container given --pids-limit ${PROBE_PIDS_LIMIT} reads pids.max ${seen} inside` }
      : {
          name,
          status: 'fail',
          detail: `not held: a container given --pids-limit ${PROBE_PIDS_LIMIT} reads pids.max ${seen} inside${problem ? ' (see PID limits above)' : ', so the engine does not apply the limit'}`,
          fix: problem?.fix ?? 'run the engine with a pids cgroup of its own (rootful, or rootless on cgroup v2 with the pids controller delegated)',
        };
  } catch (err) {
    const p = problemOf(err);
    return { name, status: 'fail', detail: `the probe container did not run: ${p.message}`, fix: p.fix };
  }
}
