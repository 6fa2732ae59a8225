/**
 * The init scorecard: which PID 1 variants exist, what each measurement is called, and how a
 * row is shown. Pure data and formatting; every value in a row comes from a run (src/engine/scorecard.ts).
 */
import type { CountingSource } from './sampler-choice.js';
import { wrapLine } from './text-wrap.js';
import { alignTable, formatDuration } from './text-table.js';

export const VARIANT_IDS = [
  'python3',
  'bash-script',
  'bash-c',
  'shell-form',
  'busybox-sh-c',
  'dumb-init',
  'dumb-init-single',
  'tini',
  'docker-init',
  'docker-init-pgroup',
  'catatonit',
  's6-svscan',
  'app-reaps',
] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

export interface Variant {
  id: VariantId;
  /** Short name for the table. */
  label: string;
  /** The `docker run` line it corresponds to. */
  dockerRun: string;
  entrypoint?: string[];
  cmd: string[];
  /** HostConfig.Init (docker run --init). */
  init: boolean;
  env: Record<string, string>;
}

const APP = ['python3', '/work/app.py'];
const IMG = 'zombie-lab/workload';

export const VARIANTS: Record<VariantId, Variant> = {
  python3: { id: 'python3', label: 'python3 (no init)', dockerRun: `docker run ${IMG} python3 /work/app.py`, cmd: APP, init: false, env: {} },
  'bash-script': {
    id: 'bash-script',
    label: 'bash script, app as child',
    dockerRun: `docker run ${IMG} bash /work/start.sh`,
    cmd: ['bash', '/work/start.sh'],
    init: false,
    env: {},
  },
  'bash-c': {
    id: 'bash-c',
    label: "bash -c 'python3 app.py'",
    dockerRun: `docker run ${IMG} bash -c 'python3 /work/app.py'`,
    cmd: ['bash', '-c', 'python3 /work/app.py'],
    init: false,
    env: {},
  },
  'shell-form': {
    id: 'shell-form',
    label: 'CMD app.py (shell form)',
    // What Docker stores for `CMD python3 /work/app.py` in a Dockerfile: Debian's sh is dash, patched never to exec the command of -c.
    dockerRun: `docker run ${IMG} /bin/sh -c 'python3 /work/app.py'   # = CMD python3 /work/app.py`,
    cmd: ['/bin/sh', '-c', 'python3 /work/app.py'],
    init: false,
    env: {},
  },
  'busybox-sh-c': {
    id: 'busybox-sh-c',
    label: 'busybox sh -c (Alpine sh)',
    // BusyBox ash is Alpine's /bin/sh. No `exec` written: ash execs the last simple command of -c
    // by itself (Debian's dash does not), so this is what the same shell-form line does on Alpine.
    dockerRun: `docker run ${IMG} busybox sh -c 'cd /work && python3 app.py'`,
    cmd: ['busybox', 'sh', '-c', 'cd /work && python3 app.py'],
    init: false,
    env: {},
  },
  'dumb-init': { id: 'dumb-init', label: 'dumb-init', dockerRun: `docker run --entrypoint dumb-init ${IMG} python3 /work/app.py`, entrypoint: ['dumb-init'], cmd: APP, init: false, env: {} },
  'dumb-init-single': {
    id: 'dumb-init-single',
    label: 'dumb-init --single-child',
    dockerRun: `docker run --entrypoint dumb-init ${IMG} --single-child python3 /work/app.py`,
    entrypoint: ['dumb-init', '--single-child'],
    cmd: APP,
    init: false,
    env: {},
  },
  tini: { id: 'tini', label: 'tini --', dockerRun: `docker run --entrypoint tini ${IMG} -- python3 /work/app.py`, entrypoint: ['tini', '--'], cmd: APP, init: false, env: {} },
  'docker-init': { id: 'docker-init', label: 'docker --init', dockerRun: `docker run --init ${IMG} python3 /work/app.py`, cmd: APP, init: true, env: {} },
  'docker-init-pgroup': {
    id: 'docker-init-pgroup',
    label: '--init, KILL_PROCESS_GROUP',
    dockerRun: `docker run --init -e TINI_KILL_PROCESS_GROUP=1 ${IMG} python3 /work/app.py`,
    cmd: APP,
    init: true,
    env: { TINI_KILL_PROCESS_GROUP: '1' },
  },
  catatonit: { id: 'catatonit', label: 'catatonit --', dockerRun: `docker run --entrypoint catatonit ${IMG} -- python3 /work/app.py`, entrypoint: ['catatonit', '--'], cmd: APP, init: false, env: {} },
  's6-svscan': { id: 's6-svscan', label: 's6-svscan (bare)', dockerRun: `docker run ${IMG} s6-svscan /work/s6`, cmd: ['s6-svscan', '/work/s6'], init: false, env: {} },
  'app-reaps': {
    id: 'app-reaps',
    label: 'app reaps (SIGCHLD)',
    dockerRun: `docker run -e APP_REAP=1 ${IMG} python3 /work/app.py`,
    cmd: APP,
    init: false,
    env: { APP_REAP: '1' },
  },
};

export function isVariantId(v: string): v is VariantId {
  return (VARIANT_IDS as readonly string[]).includes(v);
}

export interface ScorecardSettings {
  /** How long the zombie workload runs before zombies are counted. */
  windowMs: number;
  /** Zombie rounds per second. */
  rate: number;
  /** docker stop -t. */
  stopTimeoutS: number;
  /** How long to wait for `exit 3` to end the container. */
  exitWaitMs: number;
  /** How long to wait for the helper to report the forwarded signal. */
  forwardWaitMs: number;
  pidsLimit: number;
  memoryMb: number;
  concurrency: number;
}

/**
 * Zombies are counted this many times, SETTLE_GAP_MS apart, at the end of the window, and the
 * fewest is shown: a child caught between its exit and its parent's wait() is not a zombie that
 * piles up, and one count can catch it (dumb-init once showed 1 that way).
 */
export const SETTLE_SAMPLES = 5;
export const SETTLE_GAP_MS = 100;

/** The fewest of the counts: the zombies that stayed through all of them. */
export function settledCount(counts: number[]): number | null {
  return counts.length ? Math.min(...counts) : null;
}

export const SCORECARD_DEFAULTS: ScorecardSettings = {
  windowMs: 3000,
  rate: 20,
  stopTimeoutS: 4,
  exitWaitMs: 5000,
  forwardWaitMs: 1500,
  pidsLimit: 256,
  memoryMb: 96,
  concurrency: 4,
};

/** The three runs each variant gets; they are independent, so they run in parallel. */
export const JOB_KINDS = ['zombies-stop', 'exit-code', 'forward'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export interface ScoreRow {
  variant: VariantId;
  /** The comm of the container's PID 1, read from the kernel. */
  pid1: string | null;
  /** Zombies that stay in the container at the end of the window: the fewest of SETTLE_SAMPLES counts. */
  zombies: number | null;
  /** How they were counted (sampler-choice.ts chooseSource): this host's cgroup or /proc, or a sidecar. */
  countedBy?: CountingSource;
  stopMs: number | null;
  /** The stop ended in less than half the timeout: SIGTERM reached the app. */
  stopFast: boolean | null;
  stopExitCode: number | null;
  /** The helper (a child of the app, in its process group) saw a SIGUSR1 sent to PID 1. */
  reachesGroup: boolean | null;
  /** The app itself saw the SIGUSR1 sent to PID 1. */
  reachesApp: boolean | null;
  /** Container exit code after the app did `exit 3`; null when it did not exit in time. */
  appExitCode: number | null;
  /** True when the container kept running after the app exited (e.g. a supervisor restarted it). */
  appExitStayedUp: boolean | null;
  errors: string[];
}

export function emptyRow(variant: VariantId): ScoreRow {
  return {
    variant,
    pid1: null,
    zombies: null,
    stopMs: null,
    stopFast: null,
    stopExitCode: null,
    reachesGroup: null,
    reachesApp: null,
    appExitCode: null,
    appExitStayedUp: null,
    errors: [],
  };
}

export function isStopFast(stopMs: number, timeoutS: number): boolean {
  return stopMs < (timeoutS * 1000) / 2;
}

const yesNo = (v: boolean | null) => (v === null ? '?' : v ? 'yes' : 'no');

function stopCell(r: ScoreRow): string {
  if (r.stopMs === null) return '?';
  return `${formatDuration(r.stopMs)}${r.stopFast ? '' : ' (timeout)'}`;
}

function exitCell(r: ScoreRow): string {
  if (r.appExitStayedUp) return 'stays up';
  return r.appExitCode === null ? '?' : String(r.appExitCode);
}

export const SCORE_HEAD = ['PID 1 variant', 'PID 1 is', 'zombies', 'docker stop', 'exit', 'USR1→app', 'USR1→group', 'exit 3 →'];

/** What the engine changes in the table: `--init` rows marked with `*` and explained under it (Podman's catatonit). */
export interface ScorecardEngineNote {
  /** Why `--init` behaves otherwise on this engine; null on Docker. */
  initNote: string | null;
}

export function scoreCells(r: ScoreRow, engine: ScorecardEngineNote = { initNote: null }): string[] {
  const mark = engine.initNote && VARIANTS[r.variant].init ? ' *' : '';
  return [
    `${VARIANTS[r.variant].label}${mark}`,
    r.pid1 ?? '?',
    r.zombies === null ? '?' : String(r.zombies),
    stopCell(r),
    r.stopExitCode === null ? '?' : String(r.stopExitCode),
    yesNo(r.reachesApp),
    yesNo(r.reachesGroup),
    exitCell(r),
  ];
}

const COUNTED_BY: Record<CountingSource, string> = {
  cgroup: "from this host's /proc",
  'host-proc': "from this host's /proc",
  sidecar: "by a sidecar in its PID namespace (the engine's /proc is not this host's)",
};

function countedByText(rows: ScoreRow[]): string {
  const by = [...new Set(rows.flatMap((r) => (r.countedBy ? [COUNTED_BY[r.countedBy]] : [])))];
  return by.length ? by.join(' or ') : "from the kernel's /proc";
}

export function renderScorecard(rows: ScoreRow[], settings: Pick<ScorecardSettings, 'windowMs' | 'rate' | 'stopTimeoutS'>, engine: ScorecardEngineNote = { initNote: null }): string[] {
  const lines = alignTable(SCORE_HEAD, rows.map((r) => scoreCells(r, engine)), 2);
  lines.push(
    '',
    `zombies: the fewest of ${SETTLE_SAMPLES} counts ${SETTLE_GAP_MS} ms apart at the end of a ${settings.windowMs / 1000} s window at ${settings.rate} orphans/s, counted in the container ${countedByText(rows)}`,
    `docker stop: -t ${settings.stopTimeoutS}; "(timeout)" = SIGTERM never reached the app, SIGKILL ended it`,
    'USR1→app / →group: SIGUSR1 sent to PID 1; did the app, and a helper child in its process group, get it?',
    'exit 3 →: the container exit code after the app calls exit(3)',
  );
  // A note on a row that is there: `--variants tini` gets no word about s6.
  if (rows.some((r) => r.variant === 's6-svscan')) lines.push('s6-svscan (bare): s6 itself, not s6-overlay; it brings its services down on SIGTERM and passes no signal on');
  if (engine.initNote && rows.some((r) => VARIANTS[r.variant].init)) lines.push(...wrapLine(`* ${engine.initNote}`, 100));
  for (const r of rows) for (const e of r.errors) lines.push(`! ${VARIANTS[r.variant].label}: ${e}`);
  return lines;
}
