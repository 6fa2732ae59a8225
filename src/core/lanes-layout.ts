/**
 * How the lanes share the rows of their pane: every plotted lane gets the same plot height, at
 * least MIN_PLOT_ROWS; when three do not fit, fewer are plotted and the rest shrink to their
 * summary rows (zombies and state), rather than three plots too flat to read.
 */
import { MODE_IDS, type ModeId } from './modes.js';

export const MIN_PLOT_ROWS = 6;

export interface LanesPlanInput {
  /** Rows for the lanes (the pane minus its header). */
  rows: number;
  /** Text rows above each lane's plot, at this width. */
  textRows: Record<ModeId, number>;
  /** Rows of each lane's summary, when it is not plotted. */
  summaryRows: Record<ModeId, number>;
  focus: ModeId | null;
}

export interface LanesPlan {
  plotted: ModeId[];
  summarized: ModeId[];
  plotRows: number;
  /** Rows left under a focused lane (for its process tree). */
  spare: number;
}

export function planLanes(i: LanesPlanInput): LanesPlan {
  if (i.focus) {
    const left = i.rows - i.textRows[i.focus];
    const plotRows = Math.max(Math.min(left, MIN_PLOT_ROWS), Math.floor(left / 2));
    return { plotted: [i.focus], summarized: [], plotRows, spare: Math.max(0, left - plotRows) };
  }
  for (let n: number = MODE_IDS.length; n >= 1; n--) {
    const plotted = MODE_IDS.slice(0, n);
    const summarized = MODE_IDS.slice(n);
    const used = plotted.reduce((s, m) => s + i.textRows[m], 0) + summarized.reduce((s, m) => s + i.summaryRows[m], 0);
    const plotRows = Math.floor((i.rows - used) / n);
    if (plotRows >= MIN_PLOT_ROWS || n === 1) {
      return { plotted: [...plotted], summarized: [...summarized], plotRows: Math.max(1, plotRows), spare: Math.max(0, i.rows - used - plotRows * n) };
    }
  }
  /* c8 ignore next */
  return { plotted: ['no-init'], summarized: [], plotRows: 1, spare: 0 };
}
