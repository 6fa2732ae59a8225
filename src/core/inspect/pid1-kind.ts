/**
 * What a container's PID 1 is, from its command line (and the image config that started it):
 * a known init, a shell, Kubernetes' pause, or the application itself. Pure.
 */
export const INIT_IDS = ['tini', 'docker-init', 'dumb-init', 'catatonit', 's6-svscan', 'runit', 'runsvdir', 'supervisord', 'systemd', 'busybox-init', 'pause'] as const;
export type InitId = (typeof INIT_IDS)[number];

export type Pid1Kind = 'init' | 'shell' | 'app';

export interface Pid1Identity {
  kind: Pid1Kind;
  /** The program's base name, e.g. "python3", "tini", "sh". */
  program: string;
  /** For kind "init": which one. */
  init?: InitId;
  /** For kind "shell": the shell's base name. */
  shell?: string;
  /** A shell-form CMD or ENTRYPOINT (`/bin/sh -c "..."`) started this container. */
  shellForm: boolean;
  /** The shell is PID 1 because of that shell form (it did not exec the command). */
  shellFromShellForm: boolean;
  /** For a shell running a script file: its path. */
  script?: string;
}

const SHELLS = new Set(['sh', 'dash', 'bash', 'ash', 'zsh', 'ksh', 'mksh', 'busybox']);
/** A shell's program name (a command-line's base name or a comm). */
export const isShellProgram = (program: string): boolean => SHELLS.has(program);
/** Interpreters whose first argument names the real program (supervisord is a Python script). */
const INTERPRETERS = /^(python[0-9.]*|perl|ruby|node)$/;

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

function initOf(program: string, args: string[]): InitId | undefined {
  switch (program) {
    case 'tini':
    case 'tini-static':
      return 'tini';
    case 'docker-init':
      return 'docker-init';
    case 'dumb-init':
      return 'dumb-init';
    case 'catatonit':
      return 'catatonit';
    case 's6-svscan':
      return 's6-svscan';
    case 'runit':
      return 'runit';
    case 'runsvdir':
      return 'runsvdir';
    case 'supervisord':
      return 'supervisord';
    case 'systemd':
      return 'systemd';
    case 'init':
      // /sbin/init is usually systemd; it is only judged as one when the name says so.
      return args[0] === '/lib/systemd/systemd' || args[0] === '/usr/lib/systemd/systemd' ? 'systemd' : undefined;
    case 'busybox-init':
      return 'busybox-init';
    case 'pause':
      return 'pause';
    default:
      return undefined;
  }
}

/** `/bin/sh -c "..."` as Docker writes a shell-form CMD or ENTRYPOINT into the image config. */
export function isShellForm(argv: readonly string[] | null | undefined): boolean {
  return !!argv && argv.length >= 3 && (argv[0] === '/bin/sh' || argv[0] === 'sh') && argv[1] === '-c';
}

export interface StartConfig {
  /** Config.Entrypoint and Config.Cmd as the engine reports them. */
  entrypoint: string[] | null;
  cmd: string[] | null;
}

/**
 * Classifies PID 1. `cmdline` is /proc/1/cmdline split at NULs; `comm` is /proc/1/comm, used when
 * the command line is empty (a zombie-ish or kernel-hidden PID 1).
 */
export function identifyPid1(cmdline: readonly string[], comm: string | null, start: StartConfig): Pid1Identity {
  const argv = cmdline.length > 0 ? [...cmdline] : comm ? [comm] : [];
  let program = base(argv[0] ?? comm ?? '?');
  let rest = argv.slice(1);
  // `busybox APPLET …` runs the applet: `busybox sh` is a shell, `busybox init` BusyBox's init.
  if (program === 'busybox' && rest[0] && /^[a-z0-9_.-]+$/.test(rest[0])) {
    program = rest[0] === 'init' ? 'busybox-init' : rest[0];
    rest = rest.slice(1);
  }
  // An interpreter running a known init script (supervisord) counts as that init.
  if (INTERPRETERS.test(program) && rest[0] && initOf(base(rest[0]), rest.slice(1))) {
    program = base(rest[0]);
    rest = rest.slice(1);
  }
  const shellForm = isShellForm(start.entrypoint) || (!start.entrypoint?.length && isShellForm(start.cmd));
  const init = initOf(program, [argv[0] ?? '', ...rest]);
  if (init) return { kind: 'init', program, init, shellForm, shellFromShellForm: false };
  if (SHELLS.has(program)) {
    const script = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined;
    return {
      kind: 'shell',
      program,
      shell: program,
      shellForm,
      shellFromShellForm: shellForm && rest[0] === '-c',
      ...(script ? { script } : {}),
    };
  }
  return { kind: 'app', program, shellForm, shellFromShellForm: false };
}
