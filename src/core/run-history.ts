/**
 * A run's events kept for late joiners (the browser's viewers, `serve --follow`): bounded, and what
 * goes first when the bound is reached are the oldest samples (the plot's far left), never a lane's
 * state or a stop, so a late joiner still sees how the run ends. Pure.
 */
import type { RunEvent } from './run-events.js';

/** A sample without its process tree (hundreds of processes): what leaves the terminal app's process. */
export function withoutTree(e: RunEvent): RunEvent {
  if (e.type !== 'sample' || !e.tree) return e;
  const { tree: _tree, ...rest } = e;
  return rest;
}

/** Long enough for a lesson's run: three lanes at 10 Hz for about 15 minutes, the containers' TTL. */
export const MAX_RUN_HISTORY = 30_000;

/** Once `items` hold more than `max`, the oldest tenth of `max` that are samples go; the rest keep their order. */
export function boundHistory<T>(items: T[], isSample: (item: T) => boolean, max = MAX_RUN_HISTORY): T[] {
  if (items.length <= max) return items;
  let drop = Math.ceil(max / 10);
  return items.filter((item) => {
    if (drop > 0 && isSample(item)) {
      drop--;
      return false;
    }
    return true;
  });
}
