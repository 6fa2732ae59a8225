import { describe, expect, it } from 'vitest';
import { parseSamplerChoice } from './sampler-choice.js';

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
