/**
 * The typed events a demo run emits. The engine produces them, the CLI and the Ink app
 * consume them; replay files are lists of them. Pure types, no I/O.
 */
import type { ModeId } from './modes.js';
import type { Problem } from './problem-text.js';
import type { Sample, SampleSource } from './sample.js';

// Problem lives with its words (problem-text.ts); events carry it, so it is named here too.
export type { Problem };

/** Why the base image is built the way it is. */
export type WayWhy = { id: 'asked' } | { id: 'present'; ref: string } | { id: 'pulled'; ref: string } | { id: 'no-registry'; reason: string };

/** The lab's own words during a build, as data, so the app says them in its language (`line` holds the English). */
export type BuildNote = { id: 'checking' } | { id: 'way'; tag: string; way: 'registry' | 'offline'; why: WayWhy };

export type LaneState =
  | { kind: 'idle' }
  | { kind: 'building'; detail: string; note?: BuildNote }
  | { kind: 'starting' }
  | { kind: 'running'; startedAt: number }
  /** deadline: epoch ms at which `docker stop` will send SIGKILL. */
  | { kind: 'stopping'; since: number; deadline: number; timeoutS: number }
  | { kind: 'stopped'; stopMs: number; exitCode: number | null }
  | { kind: 'error'; problem: Problem };

/** One process as seen in the container's PID namespace, for the process-tree view. */
export interface ProcEntry {
  /** PID on the host (or in the sampler's namespace). */
  pid: number;
  ppid: number;
  comm: string;
  state: string;
}

export interface ModeResult {
  mode: ModeId;
  /** The process that really is PID 1, from /proc (comm), or null if it was never seen. */
  pid1: string | null;
  zombiesEnd: number;
  zombiesPeak: number;
  pidsUsedEnd: number | null;
  pidsPeak: number | null;
  pidsLimit: number;
  forkFailures: number | null;
  /** How long `docker stop` took, in ms; null if the container was never stopped normally. */
  stopMs: number | null;
  exitCode: number | null;
}

export type ImageName = 'base' | 'zombie';
/**
 * How an image was made: the base from a Dockerfile FROM a registry image or from Debian packages
 * imported offline; 'built' for a Dockerfile on top of our own base; 'cached' when nothing changed.
 */
export type BuildWay = 'registry' | 'offline' | 'built' | 'cached';

export type RunEvent =
  | { type: 'build-progress'; image: ImageName; line: string; note?: BuildNote }
  | { type: 'build-done'; image: ImageName; tag: string; way: BuildWay; ms: number }
  | { type: 'source'; source: SampleSource; detail: string }
  | { type: 'lane'; mode: ModeId; state: LaneState }
  | { type: 'pid1'; mode: ModeId; name: string }
  /** A pods run (`::: lanes pods`): this lane shows the pod from `file`; `emulated`: with a pause container, the engine runs no pods. */
  | { type: 'pod'; mode: ModeId; pod: string; file: string; emulated: boolean }
  | { type: 'sample'; mode: ModeId; sample: Sample; tree?: ProcEntry[] }
  | { type: 'done'; results: ModeResult[] }
  /** engineLost: the engine stopped answering; the run is over and its lanes say so. */
  | { type: 'problem'; problem: Problem; engineLost?: true };
