/**
 * lint's shell model against the real shells: every case of shell-cases.ts runs through Debian's
 * dash, bash and BusyBox's ash (`busybox sh`), and what each leaves as PID 1 must be what the model
 * says — so the model can never drift from the shells again. `cat /proc/$$/comm` prints the shell's
 * name when the shell stayed and `cat` when the shell exec'd it. Needs dash, bash and busybox
 * (Debian's packages; `.ci/run` installs them).
 */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHELL_CASES } from './shell-cases.js';
import { pid1OfShellC } from './shell-c.js';
import type { ShellKind } from './shell-kind.js';

const RUN: Record<ShellKind, { file: string; args: string[]; name: string }> = {
  dash: { file: 'dash', args: ['-c'], name: 'dash' },
  bash: { file: 'bash', args: ['-c'], name: 'bash' },
  ash: { file: 'busybox', args: ['sh', '-c'], name: 'busybox' },
};

/** Ends each case's output in the driver's stream. */
const END = '\n--zombie-lab-case-end--\n';

/**
 * What each script printed first under one shell. One small bash runs every case, each as its own
 * `SHELL -c SCRIPT` process with no input, in 30 s at most (a hang names its case): a spawn per
 * case from this test's worker (a large process to fork) cost more than the shells. The status is
 * not read: `! APP` fails on purpose. The first line is what cat printed.
 */
function runAll(shell: ShellKind, scripts: string[]): string[] {
  const r = RUN[shell];
  const driver = `for s in "$@"; do ${[r.file, ...r.args].join(' ')} "$s" </dev/null; printf '${END.replaceAll('\n', '\\n')}'; done`;
  const p = spawnSync('bash', ['-c', driver, 'driver', ...scripts], { encoding: 'utf8', timeout: 30_000, maxBuffer: 16 << 20 });
  const outs = p.stdout.split(END);
  if (p.signal) throw new Error(`${r.file} -c '${scripts[outs.length - 1] ?? '?'}' did not end`);
  if (p.error || p.status !== 0) throw new Error(`${r.file} could not run (${p.error?.message ?? p.stderr}): apt-get install dash bash busybox`);
  if (outs.length !== scripts.length + 1) throw new Error(`${r.file}: ${outs.length - 1} of ${scripts.length} cases reported`);
  return outs.slice(0, -1).map((o) => o.split('\n')[0] ?? '');
}

const SHELLS = Object.keys(RUN) as ShellKind[];
const scriptOf = (c: (typeof SHELL_CASES)[number]) => c.script.replaceAll('APP', () => 'cat /proc/$$/comm');
const printed = new Map<ShellKind, string[]>();

beforeAll(() => {
  for (const shell of SHELLS) printed.set(shell, runAll(shell, SHELL_CASES.map(scriptOf)));
}, 60_000);

describe('the real shells agree with the model', () => {
  SHELL_CASES.forEach((c, i) => {
    for (const shell of SHELLS) {
      const script = scriptOf(c);
      it(`${shell} -c '${c.script}'`, () => {
        const first = printed.get(shell)?.[i];
        const real = first === 'cat' ? 'execs' : first === RUN[shell].name ? 'stays' : `printed ${first}`;
        expect(real, 'what the shell did').toBe(pid1OfShellC(shell, script).stays ? 'stays' : 'execs');
        expect(real, 'what shell-cases.ts records').toBe(c.expect[shell]);
      });
    }
  });
});
