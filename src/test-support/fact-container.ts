/**
 * Starts a container for a test that measures a fact of the lesson on the real engine, with the
 * lab's limits and labels (container-spec.ts): the facts tests (lesson-facts, expert-facts) share it.
 */
import type Docker from 'dockerode';
import { containerSpec } from '../core/container-spec.js';
import { createAndStart, type Started } from '../engine/containers.js';
import { ownerFor } from '../engine/run-id.js';

export interface FactContainerOptions {
  env?: Record<string, string>;
  entrypoint?: string[];
  pidsLimit: number;
  memoryMb?: number;
  pidMode?: string;
  stopSignal?: string;
  stopTimeoutS?: number;
}

export function startFactContainer(docker: Docker, runId: string, image: string, cmd: string[], opts: FactContainerOptions): Promise<Started> {
  return createAndStart(
    docker,
    containerSpec({
      owner: ownerFor(runId),
      kind: 'lab',
      image,
      cmd,
      ...(opts.entrypoint ? { entrypoint: opts.entrypoint } : {}),
      env: { ZOMBIE_LAB_TTL: '60', ...opts.env },
      limits: { pidsLimit: opts.pidsLimit, memoryMb: opts.memoryMb ?? 64 },
      autoRemove: false,
      ...(opts.pidMode ? { pidMode: opts.pidMode } : {}),
      ...(opts.stopSignal ? { stopSignal: opts.stopSignal } : {}),
      ...(opts.stopTimeoutS !== undefined ? { stopTimeoutS: opts.stopTimeoutS } : {}),
    }),
  );
}
