/**
 * Which sampler the lab uses. 'auto': the cgroup fast path on this host (with /proc as its
 * cross-check, and alone where the cgroup cannot be read), the sidecar where the engine is
 * not on this kernel. 'proc' and 'sidecar' force one path (to compare them, or to test the
 * remote path on a local engine). Set by ZOMBIE_LAB_SAMPLER.
 */
export const SAMPLER_CHOICES = ['auto', 'proc', 'sidecar'] as const;
export type SamplerChoice = (typeof SAMPLER_CHOICES)[number];

export function parseSamplerChoice(value: string | undefined): SamplerChoice {
  const v = (value ?? '').trim().toLowerCase();
  if (v === '') return 'auto';
  if ((SAMPLER_CHOICES as readonly string[]).includes(v)) return v as SamplerChoice;
  throw new RangeError(`ZOMBIE_LAB_SAMPLER must be one of ${SAMPLER_CHOICES.join(', ')}, got "${value}"`);
}

/** What the engine side found out about one container, for the choice below. */
export interface SourceFacts {
  choice: SamplerChoice;
  /** Whether this host's /proc holds the container (its init PID exists here, in its cgroup, in another PID namespace), and if not why. */
  hostSees: { ok: true } | { ok: false; reason: string };
  /** Whether the container's pids cgroup can be read from here. */
  cgroupReadable: boolean;
}

export type CountingSource = 'cgroup' | 'host-proc' | 'sidecar';

/**
 * The one choice of how to count a container's zombies, used by every feature (the demo,
 * compare, the app, record, scorecard, lab checks, doctor): the pids cgroup on this kernel,
 * this host's /proc where the cgroup cannot be read, a sidecar in the container's PID namespace
 * where the engine is not on this kernel (Docker Desktop, a remote DOCKER_HOST).
 */
export function chooseSource(f: SourceFacts): { source: CountingSource; why: string } {
  if (f.choice === 'sidecar') return { source: 'sidecar', why: 'forced by ZOMBIE_LAB_SAMPLER=sidecar' };
  if (!f.hostSees.ok) return { source: 'sidecar', why: `this host's /proc cannot count the container: ${f.hostSees.reason}` };
  if (f.choice === 'proc') return { source: 'host-proc', why: 'forced by ZOMBIE_LAB_SAMPLER=proc' };
  if (f.cgroupReadable) return { source: 'cgroup', why: "the engine runs on this kernel and the container's pids cgroup is readable" };
  return { source: 'host-proc', why: "the engine runs on this kernel, but the container's pids cgroup is not readable from here" };
}
