import { describeFacts, limitProblemOf, type EngineFacts, type LimitProblem } from './engine-kind.js';

/** One line of `zombie-lab doctor`. */
export interface DoctorCheck {
  name: string;
  status: 'pass' | 'fail' | 'warn' | 'info';
  detail: string;
  fix?: string;
}

const MARK: Record<DoctorCheck['status'], string> = { pass: 'ok  ', fail: 'FAIL', warn: 'warn', info: 'info' };

export function formatCheck(c: DoctorCheck): string {
  const fix = c.fix && (c.status === 'fail' || c.status === 'warn') ? `\n        fix: ${c.fix}` : '';
  return `[${MARK[c.status]}] ${c.name}: ${c.detail}${fix}`;
}

/** Node >= 20 is what ink 6 and the rest of the stack need. */
export function nodeVersionCheck(version: string): DoctorCheck {
  const major = Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
  return major >= 20
    ? { name: 'Node.js', status: 'pass', detail: version }
    : { name: 'Node.js', status: 'fail', detail: `${version} is too old`, fix: 'install Node.js 20 or newer (https://nodejs.org)' };
}

/** What doctor says about the engine itself, from its own info (never from this machine). */
export function engineFactChecks(f: EngineFacts): DoctorCheck[] {
  const checks: DoctorCheck[] = [
    { name: 'engine', status: 'info', detail: describeFacts(f) },
    {
      name: 'rootless',
      status: 'info',
      detail: f.rootless
        ? `yes: the engine runs as an ordinary user (${f.kind === 'podman' ? "in Podman's own user namespace" : 'rootlesskit'}); PID limits need cgroup v2 with delegation there`
        : 'no',
    },
  ];
  // The same words as the gate that refuses zombie-making containers (engine-kind.ts limitProblemOf).
  const problem = limitProblemOf(f);
  if (problem) checks.push({ name: 'PID limits', status: 'fail', detail: problem.message, fix: problem.fix });
  else checks.push({ name: 'PID limits', status: f.pidsLimitSupported ? 'pass' : 'info', detail: f.pidsLimitSupported ? 'the engine applies them (PidsLimit in its info)' : 'the engine does not say whether it applies them' });
  // Whether --init really starts, and what it runs, is doctor's --init probe (engine-probes.ts).
  return checks;
}

export interface ImagesState {
  tags: { base: string; zombie: string };
  have: { base: boolean; zombie: boolean };
  /** Why the lab runs no zombie-making container on this engine (the gate's problem), if it does not. */
  refusal: LimitProblem | null;
  /** Whether mmdebstrap is installed here (the offline build needs it). */
  mmdebstrap: boolean;
}

/**
 * Doctor's lines on the images while one is missing. Where the lab refuses the engine, building
 * them would not help (and `prepare` refuses there too): no line points to prepare, the PID limit
 * line above has the cause and the fix. Once both are built, the probes take over (engine/doctor.ts).
 */
export function missingImageChecks(s: ImagesState): DoctorCheck[] {
  const missing = [!s.have.base && s.tags.base, !s.have.zombie && s.tags.zombie].filter(Boolean).join(', ');
  if (s.refusal) {
    return [
      { name: 'images', status: 'info', detail: `not built (${missing}), and not built on this engine: the lab runs no zombie-making container here (see PID limits above)` },
      { name: 'sampler', status: 'info', detail: 'not checked: nothing to count on this engine (see PID limits above)' },
    ];
  }
  const out: DoctorCheck[] = [{ name: 'images', status: 'warn', detail: `missing: ${missing}`, fix: 'zombie-lab prepare (compare and the app also build them when needed)' }];
  if (!s.have.base) {
    out.push(
      s.mmdebstrap
        ? { name: 'offline build', status: 'pass', detail: 'mmdebstrap is installed: the base image can be built without a registry' }
        : { name: 'offline build', status: 'warn', detail: 'mmdebstrap is not installed: without a registry the base image cannot be built', fix: 'sudo apt-get install mmdebstrap' },
      { name: 'sampler', status: 'info', detail: 'not checked yet: needs the base image (zombie-lab prepare)' },
    );
  }
  return out;
}
