/** The live event source: one demo run (or, on the pods slide, one pods run) on the connected engine per press of `r`. */
import type Docker from 'dockerode';
import type { EventSource } from '../core/event-source.js';
import { MODE_IDS } from '../core/modes.js';
import type { RunEvent } from '../core/run-events.js';
import type { DemoOptions } from '../engine/demo/demo-options.js';
import { runDemo } from '../engine/demo/run-demo.js';
import { runPodLanes } from '../engine/pods/pod-lanes-run.js';
import { DemoStandby } from '../engine/demo-standby.js';
import { newRunId } from '../engine/run-id.js';
import { sweepLeftovers } from '../engine/sweep.js';

/** What the app runs: fills the PID limit within a lesson, small enough to read on the plot. */
export const APP_DEMO = { pidsLimit: 256, memoryMb: 256, stopTimeoutS: 10, zombieRate: 10 } as const;

/** The app's pods: the demo's limits; they run until `s`, at most this long. */
export const APP_PODS = { pidsLimit: APP_DEMO.pidsLimit, memoryMb: APP_DEMO.memoryMb, durationMs: 300_000 } as const;

export function demoOptions(runIdPrefix = 'app'): DemoOptions {
  return { runId: newRunId(runIdPrefix), modes: [...MODE_IDS], ...APP_DEMO, withTree: true };
}

export interface LiveSource {
  source: EventSource;
  /** Removes the containers waiting for the next run; call before quitting. */
  close: () => Promise<void>;
}

/** Each run uses containers started ahead of time, and once it plots, the next run's are started. */
export function liveSource(docker: Docker, runIdPrefix?: string): LiveSource {
  const standby = new DemoStandby(docker, () => demoOptions(runIdPrefix));
  standby.warm();
  // After the engine went away, the next run (r) first sweeps what that run could not remove.
  let afterLoss = false;
  const source: EventSource = (ctl) => {
    return (async function* (): AsyncGenerator<RunEvent> {
      if (afterLoss) {
        afterLoss = false;
        await sweepLeftovers(docker).catch(() => undefined);
      }
      let run: AsyncGenerator<RunEvent>;
      if (ctl.runOf === 'pods') {
        run = runPodLanes(docker, { runId: newRunId(runIdPrefix ?? 'app'), ...APP_PODS }, ctl);
      } else {
        const next = standby.take();
        run = next ? runDemo(docker, next.opts, ctl, next.ready) : runDemo(docker, demoOptions(runIdPrefix), ctl);
      }
      try {
        for await (const e of run) {
          if (e.type === 'sample') standby.warm();
          if (e.type === 'problem' && e.engineLost) afterLoss = true;
          yield e;
        }
      } finally {
        standby.warm();
      }
    })();
  };
  return { source, close: () => standby.close() };
}
