/**
 * Is the lab process that made something still alive? By PID and, where /proc tells it, the
 * process's start time, so a PID reused by another program does not keep a leftover alive.
 */
import { readFileSync } from 'node:fs';
import { parseProcStat } from '../core/proc-stat.js';
import type { OwnerProcess } from '../core/owner-mark.js';
import { PROC } from './host-proc.js';

function startTimeOf(pid: number, proc = PROC): number | null {
  try {
    return parseProcStat(readFileSync(`${proc}/${pid}/stat`, 'utf8'))?.startTime ?? null;
  } catch {
    return null;
  }
}

let self: OwnerProcess | null = null;

/** This process, as marks and labels name it. */
export function selfOwner(): OwnerProcess {
  self ??= { pid: process.pid, startTime: startTimeOf(process.pid) ?? 0 };
  return self;
}

/** True while the owner runs; a start time of 0 (unknown) falls back to the PID alone. */
export function ownerProcessAlive(owner: OwnerProcess, proc = PROC): boolean {
  if (owner.pid === process.pid) return owner.startTime === 0 || owner.startTime === selfOwner().startTime;
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.startTime === 0) return true;
  const now = startTimeOf(owner.pid, proc);
  // No /proc here (not Linux): the PID is all there is to go by.
  return now === null ? true : now === owner.startTime;
}
