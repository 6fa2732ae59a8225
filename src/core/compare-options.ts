/** Parsing and checking the options of `compare` (and the app's demo), with messages a person can act on. */
import { parseCommaList } from './comma-list.js';
import { MAX_PIDS_LIMIT, MIN_PIDS_LIMIT } from './container-spec.js';
import { isModeId, MODE_IDS, type ModeId } from './modes.js';

/** A usage error (a bad option value or argument): the CLI exits 2 for it, with `fix` when there is one. */
export class OptionError extends Error {
  constructor(
    message: string,
    readonly fix?: string,
  ) {
    super(message);
  }
}

/** "20s", "1m", "1m30s", "500ms" or a bare number of seconds → milliseconds. */
export function parseDuration(text: string): number {
  const t = text.trim();
  if (/^\d+(\.\d+)?$/.test(t)) return Math.round(Number(t) * 1000);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (const m of t.matchAll(re)) {
    const n = Number(m[1]);
    total += n * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const)[m[2] as 'ms' | 's' | 'm' | 'h'];
    consumed += m[0].length;
  }
  if (consumed !== t.length || t.length === 0) throw new OptionError(`not a duration: "${text}" (try 20s, 1m or 90s)`);
  return Math.round(total);
}

export function parseModes(text: string): ModeId[] {
  const { known, unknown: bad } = parseCommaList(text, isModeId);
  if (known.length + bad.length === 0) throw new OptionError(`no modes given (choose from ${MODE_IDS.join(', ')})`);
  if (bad.length) throw new OptionError(`unknown mode ${bad.map((b) => `"${b}"`).join(', ')} (choose from ${MODE_IDS.join(', ')})`);
  return known;
}

/** Decimal digits only: Number() would also take 0x100, 1e3 or " 12 ". */
export function parseIntIn(text: string, name: string, min: number, max: number): number {
  const n = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new OptionError(`${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

export interface CompareOptions {
  durationMs: number;
  modes: ModeId[];
  pidsLimit: number;
  memoryMb: number;
  stopTimeoutS: number;
  zombieRate: number;
  json: boolean;
}

export const COMPARE_DEFAULTS = {
  duration: '20s',
  modes: MODE_IDS.join(','),
  pidsLimit: '1024',
  memoryMb: '256',
  stopTimeout: '10',
  rate: '10',
} as const;

export interface RawCompareOptions {
  duration?: string;
  modes?: string;
  pidsLimit?: string;
  memory?: string;
  stopTimeout?: string;
  rate?: string;
  json?: boolean;
}

export function parseCompareOptions(raw: RawCompareOptions): CompareOptions {
  const durationMs = parseDuration(raw.duration ?? COMPARE_DEFAULTS.duration);
  if (durationMs < 1000 || durationMs > 30 * 60_000) throw new OptionError('--duration must be from 1s to 30m');
  return {
    durationMs,
    modes: parseModes(raw.modes ?? COMPARE_DEFAULTS.modes),
    pidsLimit: parseIntIn(raw.pidsLimit ?? COMPARE_DEFAULTS.pidsLimit, '--pids-limit', MIN_PIDS_LIMIT, MAX_PIDS_LIMIT),
    memoryMb: parseIntIn(raw.memory ?? COMPARE_DEFAULTS.memoryMb, '--memory (MB)', 16, 4096),
    stopTimeoutS: parseIntIn(raw.stopTimeout ?? COMPARE_DEFAULTS.stopTimeout, '--stop-timeout', 0, 300),
    zombieRate: parseIntIn(raw.rate ?? COMPARE_DEFAULTS.rate, '--rate', 1, 500),
    json: raw.json ?? false,
  };
}
