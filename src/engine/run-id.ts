import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Owner } from '../core/labels.js';
import { selfOwner } from './owner-process.js';

/**
 * A short id naming one run of the lab; it is the value of the `zombie-lab` label.
 * ZOMBIE_LAB_RUN_PREFIX goes in front: sessions sharing one engine tell their runs apart by it.
 */
export function newRunId(prefix = 'run'): string {
  const shared = process.env.ZOMBIE_LAB_RUN_PREFIX;
  return `${shared && /^[a-z0-9-]{1,16}$/.test(shared) ? `${shared}-` : ''}${prefix}-${randomBytes(4).toString('hex')}`;
}

export function ownerFor(runId: string): Owner {
  return { runId, pid: process.pid, host: hostname(), startTime: selfOwner().startTime };
}
