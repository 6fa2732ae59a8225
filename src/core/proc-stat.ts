/**
 * Parsing of /proc/PID/stat. The command name (field 2) is in parentheses and may itself
 * contain spaces and ')' characters, so the only safe split point is the LAST ')'.
 */
export interface ProcStat {
  pid: number;
  comm: string;
  /** One-letter state: R, S, D, Z, T, t, X, I, ... */
  state: string;
  ppid: number;
  /** Start time in clock ticks after boot: with pid, identifies a process across PID reuse. */
  startTime: number;
}

export function parseProcStat(line: string): ProcStat | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 1 || close < open) return null;
  const pid = Number(line.slice(0, open).trim());
  const comm = line.slice(open + 1, close);
  // After ") " come fields 3.. : state ppid pgrp session tty_nr tpgid flags minflt cminflt
  // majflt cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime
  const rest = line.slice(close + 2).trim().split(' ');
  const state = rest[0];
  const ppid = Number(rest[1]);
  const startTime = Number(rest[19]);
  if (!Number.isInteger(pid) || pid <= 0 || !state || !Number.isInteger(ppid)) return null;
  return { pid, comm, state, ppid, startTime: Number.isFinite(startTime) ? startTime : 0 };
}

export function isZombie(stat: Pick<ProcStat, 'state'>): boolean {
  return stat.state === 'Z';
}
