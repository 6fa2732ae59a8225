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
