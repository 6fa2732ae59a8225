/** What a demo run is asked to do, and how its caller ends it. */
import type { ModeId } from '../../core/modes.js';
import type { SamplerChoice } from '../../core/sampler-choice.js';
import type { WayChoice } from '../images.js';

export interface DemoOptions {
  runId: string;
  modes: ModeId[];
  pidsLimit: number;
  memoryMb: number;
  stopTimeoutS: number;
  zombieRate: number;
  withTree?: boolean;
  way?: WayChoice;
  /** Containers end by themselves after this long even if the lab is killed (default 15 min). */
  ttlS?: number;
  intervalMs?: number;
  /** Which sampler (default: ZOMBIE_LAB_SAMPLER, else 'auto'). */
  sampler?: SamplerChoice;
}

export interface DemoControl {
  /** Abort: force-remove everything now. */
  signal: AbortSignal;
  /** Stop: `docker stop` every container, timing it, then finish with 'done'. */
  stop: AbortSignal;
}
