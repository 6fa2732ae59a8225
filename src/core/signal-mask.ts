/** Decoding the SigCgt / SigIgn / SigBlk masks of /proc/<pid>/status into signal names (Linux x86/arm numbering). */
const NAMES = [
  '', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP', 'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV',
  'SIGUSR2', 'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT', 'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU',
  'SIGURG', 'SIGXCPU', 'SIGXFSZ', 'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS',
];

/** Bit n-1 set means signal n is in the set. */
export function decodeSignalMask(hex: string): string[] {
  const v = BigInt(`0x${hex.trim() || '0'}`);
  const out: string[] = [];
  for (let n = 1; n <= 64; n++) {
    if ((v >> BigInt(n - 1)) & 1n) out.push(NAMES[n] ?? `SIGRT${n - 32}`);
  }
  return out;
}

export interface SignalMasks {
  caught: string[];
  ignored: string[];
  blocked: string[];
}

export function parseStatusMasks(status: string): SignalMasks | null {
  const get = (key: string) => new RegExp(`^${key}:\\s*([0-9a-fA-F]+)`, 'm').exec(status)?.[1];
  const cgt = get('SigCgt');
  const ign = get('SigIgn');
  const blk = get('SigBlk');
  if (cgt === undefined || ign === undefined || blk === undefined) return null;
  return { caught: decodeSignalMask(cgt), ignored: decodeSignalMask(ign), blocked: decodeSignalMask(blk) };
}

/** Normalises what a learner writes: "int, SIGPIPE xfsz" → ["SIGINT", "SIGPIPE", "SIGXFSZ"]. */
export function parseSignalList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((w) => w.trim().toUpperCase())
        .filter((w) => w && w !== 'NONE' && w !== '-')
        .map((w) => (w.startsWith('SIG') ? w : `SIG${w}`)),
    ),
  ].sort();
}

/** How a learner's list of signals differs from the live one: right, or how many are missing and which are extra. */
export function compareSignalLists(said: readonly string[], actual: readonly string[]): { right: boolean; missing: number; extra: string[] } {
  const extra = said.filter((s) => !actual.includes(s));
  const missing = actual.filter((s) => !said.includes(s)).length;
  return { right: extra.length === 0 && missing === 0, missing, extra };
}
