/**
 * The `sh -c` cases lint's shell model is held to, with what each real shell did with them
 * (Debian's dash 0.5.12, bash 5.2.15, BusyBox 1.35 ash). `APP` stands for the command that should
 * become PID 1; the real-shell test runs it as `cat /proc/$$/comm`, which prints the shell's name
 * when the shell stayed and `cat` when it exec'd. Data.
 */
import type { ShellKind } from './shell-kind.js';

export type ShellOutcome = 'execs' | 'stays';
export interface ShellCase {
  script: string;
  expect: Record<ShellKind, ShellOutcome>;
}

const all = (o: ShellOutcome): Record<ShellKind, ShellOutcome> => ({ dash: o, bash: o, ash: o });
const notDash: Record<ShellKind, ShellOutcome> = { dash: 'stays', bash: 'execs', ash: 'execs' };
const ashOnly: Record<ShellKind, ShellOutcome> = { dash: 'stays', bash: 'stays', ash: 'execs' };

export const SHELL_CASES: ShellCase[] = [
  { script: 'APP', expect: notDash },
  { script: 'exec APP', expect: all('execs') },
  { script: 'cd / && APP', expect: notDash },
  { script: 'cd / && exec APP', expect: all('execs') },
  { script: 'A=1; APP', expect: notDash },
  { script: 'export A=1; APP', expect: notDash },
  { script: 'A=1 APP', expect: notDash },
  { script: 'A=1 exec APP', expect: all('execs') },
  { script: 'x=$(true); APP', expect: notDash },
  { script: 'false || APP', expect: notDash },
  { script: 'true && APP', expect: notDash },
  { script: 'command APP', expect: notDash },
  { script: 'cd /tmp; cd /; APP', expect: notDash },
  { script: 'echo hi >/dev/null; APP', expect: notDash },
  { script: 'set -e; APP', expect: notDash },
  { script: 'APP; true', expect: all('stays') },
  { script: 'APP || true', expect: all('stays') },
  { script: 'APP | cat', expect: all('stays') },
  { script: 'APP & wait', expect: all('stays') },
  { script: '! APP', expect: all('stays') },
  { script: 'trap "echo x" TERM; APP', expect: all('stays') },
  { script: 'trap "true" EXIT; APP', expect: all('stays') },
  { script: 'trap "" USR1; APP', expect: notDash },
  { script: 'trap - TERM; APP', expect: notDash },
  { script: 'if true; then APP; fi', expect: ashOnly },
  { script: 'if false; then true; else APP; fi', expect: ashOnly },
  { script: 'if true; then exec APP; fi', expect: all('execs') },
  { script: '{ APP; }', expect: ashOnly },
  { script: '(APP)', expect: ashOnly },
  { script: 'case x in x) APP;; esac', expect: ashOnly },
  { script: 'APP < /dev/null', expect: ashOnly },
  { script: 'APP 2>&1', expect: ashOnly },
  { script: 'exec APP 2>&1', expect: all('execs') },
  { script: 'f() { APP; }; f', expect: all('stays') },
  { script: 'f() { exec APP; }; f', expect: all('execs') },
  { script: 'for i in 1; do APP; done', expect: all('stays') },
  { script: 'while true; do APP; break; done', expect: all('stays') },
];
