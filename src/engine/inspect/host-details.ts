/**
 * What inspect reads beyond the count where the engine runs on this kernel: every zombie's
 * start time (its identity across reads), and for the processes from PID 1 down to the app
 * their command line, signal masks and, for a shell, its script, read through
 * /proc/<pid>/root (the container's own files). Read-only; a process gone meanwhile is skipped.
 */
import { readFileSync, openSync, readSync, closeSync } from 'node:fs';
import path from 'node:path';
import { parseProcStat } from '../../core/proc-stat.js';
import { parseStatusMasks, type SignalMasks } from '../../core/signal-mask.js';
import { isShellProgram } from '../../core/inspect/pid1-kind.js';
import type { ScriptText } from '../../core/inspect/snapshot.js';
import { PROC } from '../host-proc.js';

/** Scripts longer than this are read only this far. */
const SCRIPT_MAX_BYTES = 256 * 1024;

export function startTicksOf(hostPid: number): number | undefined {
  try {
    return parseProcStat(readFileSync(`${PROC}/${hostPid}/stat`, 'utf8'))?.startTime;
  } catch {
    return undefined;
  }
}

export function masksOf(hostPid: number): SignalMasks | null {
  try {
    return parseStatusMasks(readFileSync(`${PROC}/${hostPid}/status`, 'utf8'));
  } catch {
    return null;
  }
}

/** The clock in start-time units (USER_HZ, 100 on Linux) now. */
export function nowTicks(): number | null {
  try {
    return Math.round(Number(readFileSync(`${PROC}/uptime`, 'utf8').split(' ')[0]) * 100);
  } catch {
    return null;
  }
}

function readHead(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(SCRIPT_MAX_BYTES);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** The script a shell runs, given its command line: `-c STRING`, or the first operand as a file (read in its own root). */
export function scriptOf(argv: readonly string[], hostPid: number | null): ScriptText | undefined {
  const a0 = argv[0] ?? '';
  let prog = a0.slice(a0.lastIndexOf('/') + 1);
  let rest = argv.slice(1);
  if (prog === 'busybox' && rest[0]) {
    prog = rest[0];
    rest = rest.slice(1);
  }
  if (!isShellProgram(prog)) return undefined;
  const c = rest.indexOf('-c');
  if (c >= 0 && rest.slice(0, c).every((o) => o.startsWith('-'))) return { path: '-c', text: rest[c + 1] ?? '' };
  const file = rest.find((o) => !o.startsWith('-'));
  if (!file) return undefined;
  if (hostPid === null) return { path: file, text: null, unreadable: 'read through the sampler sidecar, which does not read files' };
  const where = file.startsWith('/') ? `${PROC}/${hostPid}/root${file}` : path.join(`${PROC}/${hostPid}/cwd`, file);
  try {
    return { path: file, text: readHead(where) };
  } catch (err) {
    return { path: file, text: null, unreadable: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
}
