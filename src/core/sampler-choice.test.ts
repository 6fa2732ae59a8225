import { describe, expect, it } from 'vitest';
import { chooseSource, parseSamplerChoice } from './sampler-choice.js';

describe('parseSamplerChoice', () => {
  it('defaults to auto and accepts the forced paths in any case', () => {
    expect(parseSamplerChoice(undefined)).toBe('auto');
    expect(parseSamplerChoice('')).toBe('auto');
    expect(parseSamplerChoice('Sidecar')).toBe('sidecar');
    expect(parseSamplerChoice('proc')).toBe('proc');
  });
  it('names the choices when the value is wrong', () => {
    expect(() => parseSamplerChoice('ebpf')).toThrow(/auto, proc, sidecar.*"ebpf"/);
  });
});

describe('chooseSource: one choice for every feature', () => {
  const here = { ok: true } as const;
  const away = { ok: false, reason: 'PID 205 does not exist here' } as const;
  it('the fast path on this kernel, /proc where the cgroup is out of reach, the sidecar elsewhere', () => {
    expect(chooseSource({ choice: 'auto', hostSees: here, cgroupReadable: true }).source).toBe('cgroup');
    expect(chooseSource({ choice: 'auto', hostSees: here, cgroupReadable: false }).source).toBe('host-proc');
    const remote = chooseSource({ choice: 'auto', hostSees: away, cgroupReadable: false });
    expect(remote.source).toBe('sidecar');
    expect(remote.why).toMatch(/PID 205 does not exist here/);
  });
  it('ZOMBIE_LAB_SAMPLER forces a path, but /proc cannot be forced where this host does not see the container', () => {
    expect(chooseSource({ choice: 'sidecar', hostSees: here, cgroupReadable: true }).source).toBe('sidecar');
    expect(chooseSource({ choice: 'proc', hostSees: here, cgroupReadable: true }).source).toBe('host-proc');
    expect(chooseSource({ choice: 'proc', hostSees: away, cgroupReadable: false }).source).toBe('sidecar');
  });
});
