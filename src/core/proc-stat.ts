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
  // majflt cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime.
  // Walk the spaces instead of splitting all ~50 fields: this runs for every process, 10 times a second.
  const at = close + 2;
  const ends: number[] = [];
  let i = at;
  while (ends.length < 20) {
    const sp = line.indexOf(' ', i);
    if (sp < 0) {
      ends.push(line.length);
      break;
    }
    ends.push(sp);
    i = sp + 1;
  }
  const field = (k: number) => (k < ends.length ? line.slice(k === 0 ? at : (ends[k - 1] as number) + 1, ends[k]) : '');
  const state = field(0);
  const ppid = Number(field(1));
  const startTime = Number(field(19).trim());
  if (!Number.isInteger(pid) || pid <= 0 || !state || !Number.isInteger(ppid)) return null;
  return { pid, comm, state, ppid, startTime: Number.isFinite(startTime) ? startTime : 0 };
}

export function isZombie(stat: Pick<ProcStat, 'state'>): boolean {
  return stat.state === 'Z';
}
