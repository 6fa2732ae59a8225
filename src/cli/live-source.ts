/** The live event source: one demo run on the connected engine per press of `r`. */
import type Docker from 'dockerode';
import type { EventSource } from '../core/event-source.js';
import { MODE_IDS } from '../core/modes.js';
import { runDemo, type DemoOptions } from '../engine/demo.js';
import { newRunId } from '../engine/run-id.js';

/** What the app runs: fills the PID limit within a lesson, small enough to read on the plot. */
export const APP_DEMO = { pidsLimit: 256, memoryMb: 256, stopTimeoutS: 10, zombieRate: 10 } as const;

export function demoOptions(runIdPrefix = 'app'): DemoOptions {
  return { runId: newRunId(runIdPrefix), modes: [...MODE_IDS], ...APP_DEMO, withTree: true };
}

export function liveSource(docker: Docker, runIdPrefix?: string): EventSource {
  return (ctl) => runDemo(docker, demoOptions(runIdPrefix), ctl);
}
