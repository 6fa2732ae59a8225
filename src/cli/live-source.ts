/** The live event source: one demo run on the connected engine per press of `r`. */
import type Docker from 'dockerode';
import type { EventSource } from '../core/event-source.js';
import type { RunEvent } from '../core/run-events.js';
import { MODE_IDS } from '../core/modes.js';
import { newRunId } from '../engine/run-id.js';

/** What the app runs: small enough to fill the PID limit within a lesson, big enough to read. */
export const APP_DEMO = { pidsLimit: 256, memoryMb: 256, stopTimeoutS: 10, zombieRate: 10 } as const;

type RunDemo = (docker: Docker, opts: Record<string, unknown>, ctl: { signal: AbortSignal; stop: AbortSignal }) => AsyncGenerator<RunEvent>;

export function liveSource(docker: Docker, runIdPrefix?: string): EventSource {
  return async function* live(ctl) {
    // Loaded on first run so the slides come up without waiting for the engine modules.
    const spec = '../engine/demo.js';
    const { runDemo } = (await import(spec)) as { runDemo: RunDemo };
    const opts = { runId: newRunId(runIdPrefix), modes: [...MODE_IDS], ...APP_DEMO, withTree: true };
    yield* runDemo(docker, opts, ctl);
  };
}
