import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Owner } from '../core/labels.js';
import { selfOwner } from './owner-process.js';

/** A short id naming one run of the lab; it is the value of the `zombie-lab` label. */
export function newRunId(prefix = 'run'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

export function ownerFor(runId: string): Owner {
  return { runId, pid: process.pid, host: hostname(), startTime: selfOwner().startTime };
}
