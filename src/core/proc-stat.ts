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

const RPAREN = 0x29;
const LPAREN = 0x28;
const SPACE = 0x20;

function readInt(buf: Uint8Array, from: number, end: number): { value: number; next: number } | null {
  let i = from;
  let neg = false;
  if (buf[i] === 0x2d) {
    neg = true;
    i++;
  }
  let v = 0;
  const start = i;
  while (i < end) {
    const c = buf[i] as number;
    if (c < 0x30 || c > 0x39) break;
    v = v * 10 + (c - 0x30);
    i++;
  }
  if (i === start) return null;
  return { value: neg ? -v : v, next: i };
}

/**
 * parseProcStat on the raw bytes of /proc/PID/stat, without making a string of the whole line:
 * the /proc scan reads every process ten times a second, and the string work cost more than
 * the read. Same rules: the name ends at the LAST ')'.
 */
export function parseProcStatBytes(buf: Uint8Array, len: number): ProcStat | null {
  const open = buf.indexOf(LPAREN);
  if (open < 1 || open >= len) return null;
  let close = len - 1;
  while (close > open && buf[close] !== RPAREN) close--;
  if (close <= open) return null;
  let pid = 0;
  for (let i = 0; i < open; i++) {
    const c = buf[i] as number;
    if (c === SPACE) continue;
    if (c < 0x30 || c > 0x39) return null;
    pid = pid * 10 + (c - 0x30);
  }
  if (pid <= 0 || close + 3 > len) return null;
  const stateAt = close + 2;
  let stateEnd = stateAt;
  while (stateEnd < len && buf[stateEnd] !== SPACE && buf[stateEnd] !== 0x0a) stateEnd++;
  if (stateEnd === stateAt) return null;
  const state = String.fromCharCode(...buf.subarray(stateAt, stateEnd));
  const ppid = readInt(buf, stateEnd + 1, len);
  if (!ppid) return null;
  // starttime is field 22: 18 fields after ppid (field 4).
  let i = ppid.next;
  let spaces = 0;
  while (i < len && spaces < 18) {
    if (buf[i] === SPACE) spaces++;
    i++;
  }
  const start = spaces === 18 ? readInt(buf, i, len) : null;
  const comm = Buffer.from(buf.buffer, buf.byteOffset + open + 1, close - open - 1).toString('utf8');
  return { pid, comm, state, ppid: ppid.value, startTime: start ? start.value : 0 };
}
