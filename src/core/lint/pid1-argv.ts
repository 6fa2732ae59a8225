/**
 * What an argv (a Dockerfile's exec form, a compose command, a pod's command + args) makes PID 1:
 * an init in front, `sh -c` and what the shell does with it, an entrypoint script, or the app.
 * Shared by the Dockerfile, compose and Kubernetes rules. Pure.
 */
import { pid1OfShellC, type ShellCVerdict } from '../shell/shell-c.js';
import { isShellProgram, shellOfProgram, type ImageShell, type ShellKind } from '../shell/shell-kind.js';
import { baseName } from '../shell/syntax.js';
import { EXEC_WRAPPERS, INITS } from './known-programs.js';

export interface ShellCPart {
  /** The shell that runs the script: known, or unknown (`sh` on an image lint cannot see). */
  shell: ShellKind | 'unknown';
  script: string;
  /** The verdict under the shell; under Debian's dash (the worst case) when the shell is unknown. */
  verdict: ShellCVerdict;
  /** When the shell is unknown: BusyBox ash or bash would exec it (so it depends on the image). */
  dependsOnShell: boolean;
}

export interface ArgvPid1 {
  /** An init at the front (tini, dumb-init…), with its options. */
  init: { name: string; args: string[] } | null;
  shellC: ShellCPart | null;
  /** A script run by path (`/entrypoint.sh`, `bash /run.sh`): to be read and judged. */
  script: string | null;
  /** The program that ends up PID 1 (or under the init): null when a shell stays or a script decides. */
  app: string | null;
  /** The words from the app on (what `exec "$@"` in a script hands over). */
  appArgv: string[];
}

const SHELL_C_FLAG = /^-[a-z]*c[a-z]*$/;

/** Skips an init's own options: `tini -g --`, `dumb-init --single-child -r 15:2`, `catatonit -P --`. */
function skipInitOptions(name: string, argv: string[], i: number): number {
  while (i < argv.length) {
    const a = argv[i] ?? '';
    if (a === '--') return i + 1;
    if (!a.startsWith('-')) return i;
    // Options that take a value.
    if ((name === 'dumb-init' && /^(-r|--rewrite)$/.test(a)) || (/^tini/.test(name) && /^(-e|-p|-l)$/.test(a))) i += 2;
    else i += 1;
  }
  return i;
}

export function pid1OfArgv(argv: readonly string[], imageSh: ImageShell['sh'], looksLikeScript: (path: string) => boolean): ArgvPid1 {
  let init: ArgvPid1['init'] = null;
  let i = 0;
  for (let guard = 0; guard < 6 && i < argv.length; guard++) {
    const b = baseName(argv[i] ?? '');
    if (INITS.has(b) || b === '/init' || argv[i] === '/init') {
      const start = i + 1;
      i = skipInitOptions(b, [...argv], start);
      init ??= { name: argv[start - 1] === '/init' ? 's6-overlay /init' : b, args: argv.slice(start, i) };
      // supervisord, runsvdir, systemd, s6's /init run their own configuration: nothing after them is PID 1's child.
      if (!/^(tini|tini-static|dumb-init|catatonit|docker-init|podman-init)$/.test(b)) return { init, shellC: null, script: null, app: null, appArgv: [] };
      continue;
    }
    const skip = EXEC_WRAPPERS[b];
    if (skip !== undefined) {
      i += 1;
      // Options of the wrapper, then its fixed arguments (gosu USER).
      while (i < argv.length && (argv[i] ?? '').startsWith('-')) i++;
      if (b === 'env') while (i < argv.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(argv[i] ?? '')) i++;
      i += skip;
      continue;
    }
    break;
  }
  const rest = argv.slice(i);
  const first = rest[0];
  if (first === undefined) return { init, shellC: null, script: null, app: null, appArgv: [] };
  if (isShellProgram(first)) {
    // The shell's own options come before its first operand: `sh mqbroker -c conf` runs a script.
    const operand = rest.findIndex((a, k) => k > 0 && !a.startsWith('-'));
    const flag = rest.findIndex((a, k) => k > 0 && (operand === -1 || k < operand) && SHELL_C_FLAG.test(a));
    // `sh -c -- 'script'`: -- ends the shell's options, the script is the word after it.
    const at = rest[flag + 1] === '--' ? flag + 2 : flag + 1;
    if (flag > 0 && rest[at] !== undefined) {
      const script = rest[at] ?? '';
      const shell = shellOfProgram(first, imageSh) ?? 'unknown';
      if (shell === 'unknown') {
        const dash = pid1OfShellC('dash', script);
        const ash = pid1OfShellC('ash', script);
        return { init, shellC: { shell, script, verdict: dash, dependsOnShell: dash.stays && !ash.stays }, script: null, app: dash.stays ? null : dash.program, appArgv: dash.words };
      }
      const verdict = pid1OfShellC(shell, script);
      return { init, shellC: { shell, script, verdict, dependsOnShell: false }, script: null, app: verdict.stays ? null : verdict.program, appArgv: verdict.words };
    }
    // `bash /entrypoint.sh args`: the shell runs a script file.
    const file = rest.slice(1).find((a) => !a.startsWith('-'));
    return { init, shellC: null, script: file ?? null, app: null, appArgv: [] };
  }
  if (looksLikeScript(first)) return { init, shellC: null, script: first, app: null, appArgv: rest };
  return { init, shellC: null, script: null, app: baseName(first), appArgv: rest };
}
