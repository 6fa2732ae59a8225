/** What the sampler keeps of one target between ticks: one object a target, instead of a map a fact. */
import type { PidsAccounting } from '../../core/cgroup-files.js';
import { CrossCheck, type Disagreement } from '../../core/cross-check.js';
import { chooseSource } from '../../core/sampler-choice.js';
import { RateMeter } from '../../core/scan-pace.js';
import { PidsCgroupReader } from '../host-proc.js';
import type { HostSourceChoice, SampleTarget } from './sampler-options.js';

export class TargetState {
  private reader: PidsCgroupReader | null = null;
  /** Deliveries of this target, for its samples' rate. */
  readonly meter = new RateMeter();
  /** Judges the fast path against /proc. */
  readonly check = new CrossCheck();
  /**
   * Chosen at the first tick; a fast-path cgroup that vanishes later means the container is
   * gone, not that /proc should take over with a stale scan.
   */
  fastPath: boolean | undefined;
  /** Why the cross-check gave up on the fast path, until the first /proc sample has said so. */
  fellBack: Disagreement | null = null;
  /** Id of the scan the cross-check last judged by, and of the scan the /proc path last delivered from. */
  judgedScan: number | undefined;
  deliveredScan: number | undefined;
  /** The previous /proc scan's raw count, for the two-reading rule on the /proc path. */
  previousScan: number | undefined;
  /** The last raw fast-path reading and the tick it was taken at, for the same rule on the fast path. */
  private fast: { tick: number; zombies: number } | undefined;

  /** One reading of the pids cgroup (null where there is none), and what it cost. */
  read(target: SampleTarget, now: number): { acc: PidsAccounting | null; costUs: number } {
    const started = performance.now();
    if (!this.reader && target.cgroup) this.reader = new PidsCgroupReader(target.cgroup);
    const acc = this.reader ? this.reader.read(now) : null;
    return { acc, costUs: Math.round((performance.now() - started) * 1000) };
  }

  /** At the first tick: the choice every feature makes (core/sampler-choice.ts), the plan's if it has one. */
  choosePath(target: SampleTarget, choice: HostSourceChoice, cgroupReadable: boolean): boolean {
    this.fastPath ??= chooseSource({ choice: target.source === 'host-proc' ? 'proc' : target.source === 'cgroup' ? 'auto' : choice, hostSees: { ok: true }, cgroupReadable }).source === 'cgroup';
    return this.fastPath;
  }

  rememberFast(tick: number, zombies: number): void {
    this.fast = { tick, zombies };
  }

  /** The raw fast-path reading of tick `tick`, if one was taken then. */
  fastAt(tick: number): number | undefined {
    return this.fast?.tick === tick ? this.fast.zombies : undefined;
  }

  closeReader(): void {
    this.reader?.close();
    this.reader = null;
  }
}
