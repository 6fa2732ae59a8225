/**
 * Recordings of real runs, replayed when no engine is reachable. A recording is the RunEvent
 * stream with the time each event arrived; it is validated with zod on load so a broken or
 * hand-edited file gives one clear message instead of a confused screen.
 */
import { z } from 'zod';
import { MODE_IDS } from './modes.js';
import type { RunEvent } from './run-events.js';

const mode = z.enum(MODE_IDS);
const problem = z.object({ message: z.string(), fix: z.string() });
const laneState = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('building'), detail: z.string() }),
  z.object({ kind: z.literal('starting') }),
  z.object({ kind: z.literal('running'), startedAt: z.number() }),
  z.object({ kind: z.literal('stopping'), since: z.number(), deadline: z.number(), timeoutS: z.number() }),
  z.object({ kind: z.literal('stopped'), stopMs: z.number(), exitCode: z.number().nullable() }),
  z.object({ kind: z.literal('error'), problem }),
]);
const sample = z.object({
  t: z.number(),
  zombies: z.number().int().nonnegative(),
  live: z.number().int().nonnegative(),
  pidsUsed: z.number().nullable(),
  pidsLimit: z.number(),
  forkFailures: z.number().nullable(),
  costUs: z.number(),
  // A pod's lane: the probe's share of the zombies (absent in the demo and in older recordings).
  probeZombies: z.number().int().nonnegative().nullable().optional(),
});
const procEntry = z.object({ pid: z.number(), ppid: z.number(), comm: z.string(), state: z.string() });
const modeResult = z.object({
  mode,
  pid1: z.string().nullable(),
  zombiesEnd: z.number(),
  zombiesPeak: z.number(),
  pidsUsedEnd: z.number().nullable(),
  pidsPeak: z.number().nullable(),
  pidsLimit: z.number(),
  forkFailures: z.number().nullable(),
  stopMs: z.number().nullable(),
  exitCode: z.number().nullable(),
});
const image = z.enum(['base', 'zombie']);

export const runEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('build-progress'), image, line: z.string() }),
  z.object({ type: z.literal('build-done'), image, tag: z.string(), way: z.enum(['registry', 'offline', 'cached']), ms: z.number() }),
  z.object({ type: z.literal('source'), source: z.enum(['host-proc', 'cgroup', 'sidecar', 'sidecar-cgroup', 'replay']), detail: z.string() }),
  z.object({ type: z.literal('lane'), mode, state: laneState }),
  z.object({ type: z.literal('pid1'), mode, name: z.string() }),
  z.object({ type: z.literal('pod'), mode, pod: z.string(), file: z.string(), emulated: z.boolean() }),
  z.object({ type: z.literal('sample'), mode, sample, tree: z.array(procEntry).optional() }),
  z.object({ type: z.literal('done'), results: z.array(modeResult) }),
  z.object({ type: z.literal('problem'), problem, engineLost: z.literal(true).optional() }),
]);

export const RECORDING_FORMAT = 'zombie-lab-recording';

const timedEvents = z.array(z.object({ at: z.number().nonnegative(), event: runEventSchema })).min(1);

/**
 * Version 1 holds the demo run; version 2 adds `pods`, a pods run (`record --pods`) for the pods
 * slide. A file without pods stays version 1, so older versions of the lab still read it.
 */
export const RECORDING_VERSIONS = { demo: 1, pods: 2 } as const;

export const recordingSchema = z
  .object({
    format: z.literal(RECORDING_FORMAT),
    version: z.union([z.literal(RECORDING_VERSIONS.demo), z.literal(RECORDING_VERSIONS.pods)]),
    /** ISO time the run started. */
    recordedAt: z.string(),
    /** Epoch ms the run started; timestamps inside lane states are shifted by (now - this) on replay. */
    startedAtMs: z.number(),
    /** Where it was recorded (engine endpoint and version), shown on screen next to REPLAY. */
    engine: z.string(),
    options: z.record(z.string(), z.unknown()),
    events: timedEvents,
    /** The pods run, on the same lanes (core/pods/pod-lane-events.ts), with its own start and options. */
    pods: z.object({ startedAtMs: z.number(), options: z.record(z.string(), z.unknown()), events: timedEvents }).optional(),
  })
  .refine((r) => (r.pods === undefined) === (r.version === RECORDING_VERSIONS.demo), {
    path: ['version'],
    message: `a recording with pods is version ${RECORDING_VERSIONS.pods}, one without is version ${RECORDING_VERSIONS.demo}`,
  });

type TimedEvents = { at: number; event: RunEvent }[];

/** The events of one recorded run with its start and options: the demo's, or the pods'. */
export interface RecordedRun {
  startedAtMs: number;
  options: Record<string, unknown>;
  events: TimedEvents;
}

export type Recording = Omit<z.infer<typeof recordingSchema>, 'events' | 'pods'> & { events: TimedEvents; pods?: RecordedRun };

/** Parse and validate a recording's JSON text; throws an Error whose message names what is wrong and where. */
export function parseRecording(text: string, name: string): Recording {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${name}: not JSON (${err instanceof Error ? err.message : String(err)}); record a new one with \`zombie-lab record\``);
  }
  const parsed = recordingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? issue.path.join('.') || '(top)' : '(top)';
    throw new Error(`${name}: not a valid recording at ${where}: ${issue?.message ?? 'invalid'}; record a new one with \`zombie-lab record\``);
  }
  return parsed.data as Recording;
}

/** Move the wall-clock fields of lane states (startedAt, since, deadline) to a new start time. */
export function shiftEvent(e: RunEvent, deltaMs: number): RunEvent {
  if (e.type !== 'lane') return e;
  const s = e.state;
  if (s.kind === 'running') return { ...e, state: { ...s, startedAt: s.startedAt + deltaMs } };
  if (s.kind === 'stopping') return { ...e, state: { ...s, since: s.since + deltaMs, deadline: s.deadline + deltaMs } };
  return e;
}

/** `2026-11-29-docker-20.10.json`: where the app looks for a replay, newest name last. */
export function defaultRecordingName(t0: number, engineVersion: string): string {
  const minor = /^(\d+\.\d+)/.exec(engineVersion)?.[1] ?? 'unknown';
  return `${new Date(t0).toISOString().slice(0, 10)}-docker-${minor}.json`;
}
