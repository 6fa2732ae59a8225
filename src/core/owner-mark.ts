/**
 * Names of what the lab leaves on the host while it works (temporary folders, cgroups): each
 * carries the PID and start time of the lab process that made it, so a later start can tell a
 * leftover of a dead run from the work of a live one, across PID reuse, and touch nothing else.
 */
export interface OwnerProcess {
  pid: number;
  /** Start time in clock ticks after boot (/proc/PID/stat field 22); 0 where unknown. */
  startTime: number;
}

export const OWNER_MARK_PREFIX = 'zombie-lab-';

/** `zombie-lab-<what>-<pid>-<start>-`: the caller appends something unique (mkdtemp does). */
export function ownerMark(what: string, owner: OwnerProcess): string {
  if (!/^[a-z]+$/.test(what)) throw new RangeError(`owner mark kind must be lowercase letters, got "${what}"`);
  return `${OWNER_MARK_PREFIX}${what}-${owner.pid}-${owner.startTime}-`;
}

export interface ParsedMark extends OwnerProcess {
  what: string;
}

const MARK = /^zombie-lab-([a-z]+)-(\d{1,10})-(\d{1,20})-[A-Za-z0-9]+$/;

/** The owner of a marked name, or null for any name the lab did not make this way. */
export function parseOwnerMark(name: string): ParsedMark | null {
  const m = MARK.exec(name);
  if (!m) return null;
  const pid = Number(m[2]);
  const startTime = Number(m[3]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || !Number.isSafeInteger(startTime)) return null;
  return { what: m[1] as string, pid, startTime };
}
