/**
 * lint's shell model against the real shells: every case of shell-cases.ts runs through Debian's
 * dash, bash and BusyBox's ash (`busybox sh`), and what each leaves as PID 1 must be what the model
 * says — so the model can never drift from the shells again. `cat /proc/$$/comm` prints the shell's
 * name when the shell stayed and `cat` when the shell exec'd it. Needs dash, bash and busybox
 * (Debian's packages; `.ci/run` installs them).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SHELL_CASES } from './shell-cases.js';
import { pid1OfShellC } from './shell-c.js';
import type { ShellKind } from './shell-kind.js';

const RUN: Record<ShellKind, { file: string; args: string[]; name: string }> = {
  dash: { file: 'dash', args: ['-c'], name: 'dash' },
  bash: { file: 'bash', args: ['-c'], name: 'bash' },
  ash: { file: 'busybox', args: ['sh', '-c'], name: 'busybox' },
};

function run(shell: ShellKind, script: string): string {
  const r = RUN[shell];
  // The status is not read: `! APP` fails on purpose. The first line is what cat printed.
  const p = spawnSync(r.file, [...r.args, script], { encoding: 'utf8', timeout: 5000 });
  if (p.error) throw new Error(`${r.file} could not run (${p.error.message}): apt-get install dash bash busybox`);
  return p.stdout.split('\n')[0] ?? '';
}

describe('the real shells agree with the model', () => {
  for (const c of SHELL_CASES) {
    for (const shell of Object.keys(RUN) as ShellKind[]) {
      const script = c.script.replaceAll('APP', () => 'cat /proc/$$/comm');
      it(`${shell} -c '${c.script}'`, () => {
        const printed = run(shell, script);
        const real = printed === 'cat' ? 'execs' : printed === RUN[shell].name ? 'stays' : `printed ${printed}`;
        expect(real, 'what the shell did').toBe(pid1OfShellC(shell, script).stays ? 'stays' : 'execs');
        expect(real, 'what shell-cases.ts records').toBe(c.expect[shell]);
      });
    }
  }
});
