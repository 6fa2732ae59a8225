/**
 * The learner's `docker-run-flags.txt`: the few `docker run` flags a lab check honours. The
 * check sets the safety limits itself, so anything else is refused with the file and line.
 */
import type { LabFileError } from './types.js';

export interface RunFlags {
  init: boolean;
  env: Record<string, string>;
  entrypoint: string[] | null;
}

export type RunFlagsResult = { ok: true; flags: RunFlags } | { ok: false; errors: LabFileError[] };

/** Splits on blanks, honouring single and double quotes (enough for one flag per line). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3] ?? '');
  return out;
}

export function parseRunFlags(file: string, text: string): RunFlagsResult {
  const flags: RunFlags = { init: false, env: {}, entrypoint: null };
  const errors: LabFileError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) return;
    const w = words(line);
    const at = i + 1;
    const [flag, ...args] = w;
    const joined = flag?.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1), ...args] : w;
    const [name, value, ...extra] = joined;
    if (name === '--init' && joined.length === 1) flags.init = true;
    else if ((name === '-e' || name === '--env') && value && extra.length === 0) {
      const eq = value.indexOf('=');
      if (eq <= 0) errors.push({ file, line: at, message: `${name} needs NAME=value, like -e TINI_KILL_PROCESS_GROUP=1` });
      else flags.env[value.slice(0, eq)] = value.slice(eq + 1);
    } else if (name === '--entrypoint' && value && extra.length === 0) flags.entrypoint = [value];
    else
      errors.push({
        file,
        line: at,
        message: `"${line}" is not supported here: use --init, --entrypoint <program> or -e NAME=value (one per line); the check sets PID and memory limits and the network itself`,
      });
  });
  return errors.length ? { ok: false, errors } : { ok: true, flags };
}
