/** The stop phase: `docker stop` every started lane at once, timing each, unless the run is aborted first. */
import { stopTimed } from '../containers.js';
import { problemOf, untilAborted, type RunContext } from './run-context.js';

export async function stopLanes(ctx: RunContext): Promise<void> {
  const { opts, push } = ctx;
  const since = Date.now();
  const running = [...ctx.lanes.values()].filter((l) => !l.stopped);
  for (const { mode } of running) {
    push({ type: 'lane', mode, state: { kind: 'stopping', since, deadline: since + opts.stopTimeoutS * 1000, timeoutS: opts.stopTimeoutS } });
  }
  // Quitting while no-init sits out its stop timeout must not wait for it: an abort moves on
  // to the forced removal at the end of the run, which also ends the stop still in flight.
  const stopping = Promise.all(
    running.map(async (lane) => {
      try {
        const r = await stopTimed(lane.waiting, opts.stopTimeoutS);
        lane.stopped = true;
        push({ type: 'lane', mode: lane.mode, state: { kind: 'stopped', stopMs: Math.round(r.stopMs), exitCode: r.exitCode } });
      } catch (err) {
        if (!ctx.signal.aborted) push({ type: 'lane', mode: lane.mode, state: { kind: 'error', problem: problemOf(err, { id: 'stop-container', mode: lane.mode }) } });
      }
    }),
  );
  await Promise.race([stopping, untilAborted(ctx.signal)]);
}
