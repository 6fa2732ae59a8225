/**
 * Checks the host-wide PID budget (core/pid-budget.ts) before a container is created: the PID
 * limits of every live lab container on this engine, of every run, plus the new one. pid_max
 * comes from this kernel when the engine runs on it, else a conservative 32768.
 *
 * Check and create are one step for every lab process on this machine: a host lock (one the
 * kernel drops when its holder dies) is held from the engine's list until the new container is
 * in it, so two processes can never both count the same free PIDs.
 */
import { readFileSync } from 'node:fs';
import { hostname, release } from 'node:os';
import type { BudgetEngine, DescribesEngine, ListsContainers } from './engine-api.js';
import { LABEL_PIDS_LIMIT, LABEL_RUN } from '../core/labels.js';
import { pidBudgetRefusal } from '../core/pid-budget.js';
import { acquireHostLock, HostLockBusy } from './host-lock.js';
import { LabError } from './lab-error.js';

export const DEFAULT_PID_MAX = 32768;
const pidMaxOf = new WeakMap<DescribesEngine, Promise<number>>();

function localPidMax(): number | null {
  try {
    const v = Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim());
    return Number.isInteger(v) && v > 0 ? v : null;
  } catch {
    return null;
  }
}

/** The engine's host pid_max: ours if the engine runs on this kernel (same host name and kernel). */
export function enginePidMax(docker: DescribesEngine): Promise<number> {
  let p = pidMaxOf.get(docker);
  if (!p) {
    p = docker.info().then(
      (info) => (info.KernelVersion === release() && info.Name === hostname() ? (localPidMax() ?? DEFAULT_PID_MAX) : DEFAULT_PID_MAX),
      () => DEFAULT_PID_MAX,
    );
    pidMaxOf.set(docker, p);
  }
  return p;
}

const LIVE_STATES = new Set(['created', 'running', 'paused', 'restarting']);

/** Sum of the PID limits of our live containers on this engine, and how many runs they belong to. */
export async function pidsReserved(docker: ListsContainers): Promise<{ inUse: number; runs: number }> {
  const list = await docker.listContainers({ all: true, filters: { label: [LABEL_RUN] } });
  let inUse = 0;
  const runs = new Set<string>();
  for (const c of list) {
    if (!LIVE_STATES.has(c.State)) continue;
    let limit = Number(c.Labels?.[LABEL_PIDS_LIMIT]);
    if (!Number.isInteger(limit) || limit <= 0) {
      // Made by an older version, without the label: ask the engine.
      limit = await docker
        .getContainer(c.Id)
        .inspect()
        .then((i) => i.HostConfig?.PidsLimit ?? 0, () => 0);
    }
    inUse += limit > 0 ? limit : 0;
    runs.add(c.Labels?.[LABEL_RUN] ?? c.Id);
  }
  return { inUse, runs: runs.size };
}

/** The lock's name: one budget per machine, whatever the engine. */
const BUDGET_LOCK = 'pid-budget';

/**
 * Reserves `limit` PIDs for a container about to be created, or throws the refusal. Holds the
 * machine's budget lock until `release`: call it once the container exists (the engine lists it
 * then) or its creation failed.
 */
export async function reservePids(docker: BudgetEngine, limit: number, signal?: AbortSignal): Promise<{ release: () => void }> {
  let lock;
  try {
    lock = await acquireHostLock(BUDGET_LOCK, signal ? { signal } : {});
  } catch (err) {
    if (err instanceof HostLockBusy) throw LabError.of({ id: 'pid-budget-busy', holder: err.holderPid, waitedS: Math.round(err.waitedMs / 1000) }, { cause: err });
    throw err;
  }
  try {
    const [pidMax, reserved] = await Promise.all([enginePidMax(docker), pidsReserved(docker)]);
    const refusal = pidBudgetRefusal({ pidMax, inUse: reserved.inUse, runs: reserved.runs, wanted: limit });
    if (refusal) throw LabError.fromProblem(refusal);
  } catch (err) {
    lock.release();
    throw err;
  }
  return lock;
}
