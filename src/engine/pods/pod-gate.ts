/** A pod app's gate (core/pods/pod-file gatedArgv): it waits on a FIFO until the lab has set and read back its PID limit; one line through an exec starts it. */
import type Docker from 'dockerode';
import { GATE_GO_COMMAND } from '../../core/pods/pod-file.js';
import { execWithin } from '../exec-run.js';
import { LabError } from '../lab-error.js';

/** Opens the app's gate: writes a line to its FIFO through an exec, and waits until it went through. */
export async function openGate(docker: Docker, id: string): Promise<void> {
  const r = await execWithin(docker, id, GATE_GO_COMMAND, 10_000);
  if (r.timedOut) throw new LabError(`the app of container ${id.slice(0, 12)} did not start within 10 s`, 'the machine may be overloaded: run again');
  if (r.exitCode !== 0) throw new LabError(`the app of container ${id.slice(0, 12)} could not be started (its gate answered ${r.exitCode ?? '?'})`, 'zombie-lab doctor checks the engine; then run again');
}
