/**
 * Whether zombies are being reaped, judged by how long each one lasts. A parent that reaps on
 * a timer leaves its zombies there for a while (runit's runsvdir: up to 5 s), one that reaps on
 * SIGCHLD for a moment; two reads a fixed moment apart judge the first as "does not reap" and
 * make the second depend on when the reads fell. So each zombie is followed by its identity
 * (PID and start time, /proc/<pid>/stat field 22) over reads that cover the longest known reap
 * interval, the same for every parent: one that outlasts it is not being reaped; a parent whose
 * zombies of its first read are all gone is. Pure.
 */
import type { ProcInfo } from './snapshot.js';

/** The longest interval between reaps of a known init: runit's runsvdir waits for children every 5 s at most. */
export const LONGEST_REAP_INTERVAL_MS = 5000;
/** A zombie seen this long is not being reaped (the interval, and room for a late read). */
export const NOT_REAPED_AFTER_MS = LONGEST_REAP_INTERVAL_MS + 1500;
/** With no zombie in sight, this long is enough: nothing to judge. */
export const NOTHING_TO_JUDGE_AFTER_MS = 1000;
/** Time between reads while judging. */
export const REAP_READ_EVERY_MS = 250;

export type ReapVerdict = 'reaps' | 'does-not-reap' | 'not-judged';

export interface ParentReaping {
  pid: number;
  comm: string;
  isPid1: boolean;
  verdict: ReapVerdict;
  /** Zombies of this parent seen during the watch, and how many of them went. */
  seen: number;
  gone: number;
  /** The longest any of its zombies was seen (ms); a lower bound of how long it has been one. */
  longestSeenMs: number;
}

export interface Reaping {
  /** How long the zombies were followed (ms). */
  watchedMs: number;
  parents: ParentReaping[];
  /** Seconds since the oldest zombie of the last read started (an upper bound of its time as a zombie); null when unknown. */
  oldestAgeS: number | null;
}

interface Seen {
  ppid: number;
  first: number;
  last: number;
  gone: boolean;
}

interface ParentState {
  comm: string;
  /** The read it was first seen with zombies in. */
  since: number;
  /** Keys of the zombies it had the first time it was seen with any. */
  firstRead: Set<string>;
}

const keyOf = (p: ProcInfo): string => `${p.pid}@${p.startTicks ?? '?'}`;

/** Follows the zombies of one PID namespace read by read. */
export class ZombieTracker {
  private readonly zombies = new Map<string, Seen>();
  private readonly parents = new Map<number, ParentState>();
  private start: number | null = null;
  private lastT = 0;
  private oldestAgeS: number | null = null;

  /** One read at `t` ms; `nowTicks` is the clock (in /proc/<pid>/stat start-time units) at the read, when known. */
  observe(t: number, procs: readonly ProcInfo[], nowTicks: number | null = null, ticksPerS = 100): void {
    this.start ??= t;
    this.lastT = t;
    const comms = new Map(procs.map((p) => [p.pid, p.comm]));
    const now = new Set<string>();
    let oldest: number | null = null;
    for (const p of procs) {
      if (p.state !== 'Z') continue;
      const k = keyOf(p);
      now.add(k);
      const s = this.zombies.get(k);
      if (s && !s.gone) {
        s.last = t;
        s.ppid = p.ppid;
      } else this.zombies.set(k, { ppid: p.ppid, first: t, last: t, gone: false });
      let parent = this.parents.get(p.ppid);
      if (!parent) {
        parent = { comm: comms.get(p.ppid) ?? '?', since: t, firstRead: new Set() };
        this.parents.set(p.ppid, parent);
      }
      if (parent.since === t) parent.firstRead.add(k);
      if (nowTicks !== null && p.startTicks !== undefined) {
        const age = (nowTicks - p.startTicks) / ticksPerS;
        oldest = oldest === null ? age : Math.max(oldest, age);
      }
      const c = comms.get(p.ppid);
      if (c) parent.comm = c;
    }
    for (const [k, s] of this.zombies) if (!s.gone && !now.has(k)) s.gone = true;
    this.oldestAgeS = oldest;
  }

  private parentVerdict(ppid: number): ParentReaping {
    const state = this.parents.get(ppid) as ParentState;
    const mine = [...this.zombies.values()].filter((s) => s.ppid === ppid);
    const longest = Math.max(0, ...mine.map((s) => s.last - s.first));
    const firstGone = state.firstRead.size > 0 && [...state.firstRead].every((k) => this.zombies.get(k)?.gone);
    const verdict: ReapVerdict = longest >= NOT_REAPED_AFTER_MS ? 'does-not-reap' : firstGone ? 'reaps' : 'not-judged';
    return { pid: ppid, comm: state.comm, isPid1: ppid === 1, verdict, seen: mine.length, gone: mine.filter((s) => s.gone).length, longestSeenMs: longest };
  }

  /** Every parent is judged, or there was nothing to judge for long enough. */
  done(): boolean {
    const watched = this.lastT - (this.start ?? this.lastT);
    if (this.parents.size === 0) return watched >= NOTHING_TO_JUDGE_AFTER_MS;
    return [...this.parents.keys()].every((p) => this.parentVerdict(p).verdict !== 'not-judged');
  }

  result(): Reaping {
    const parents = [...this.parents.keys()].map((p) => this.parentVerdict(p)).sort((a, b) => Number(b.isPid1) - Number(a.isPid1) || b.seen - a.seen);
    return { watchedMs: this.lastT - (this.start ?? this.lastT), parents, oldestAgeS: this.oldestAgeS === null ? null : Math.round(this.oldestAgeS * 10) / 10 };
  }
}

/** The longest a judgement can take: a zombie first seen at once must be followed this long. */
export const REAP_JUDGE_DEADLINE_MS = NOT_REAPED_AFTER_MS + 1000;
