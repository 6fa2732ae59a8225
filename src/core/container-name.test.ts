import { describe, expect, it } from 'vitest';
import { containerName, containerRole } from './container-name.js';
import { demoSpec, containerSpec } from './container-spec.js';
import { LABEL_JOB, LABEL_LAB_CHECK, LABEL_TARGET, LABEL_VARIANT } from './labels.js';
import { MODE_IDS } from './modes.js';

const owner = { runId: 'hst2-compare-1a2b3c4d', pid: 1, host: 'h' };
const limits = { pidsLimit: 64, memoryMb: 64 };
const nameOf = (labels: Record<string, string>, targetRole?: string, nth?: number) => containerName(labels, containerRole(labels, targetRole), nth);

describe('lab container names', () => {
  it('name each lane for its mode, under the run', () => {
    const names = MODE_IDS.map((m) => nameOf(demoSpec(owner, m, 'img', limits, { zombieRate: 1, ttlS: 60 }).Labels));
    expect(names).toEqual(['zombie-lab-hst2-compare-1a2b3c4d-no-init', 'zombie-lab-hst2-compare-1a2b3c4d-dumb-init', 'zombie-lab-hst2-compare-1a2b3c4d-init']);
  });

  it('name a sampler for the lane it samples, else for its target id', () => {
    const labels = containerSpec({ owner, kind: 'sampler', image: 'i', cmd: ['python3'], limits, labels: { [LABEL_TARGET]: '0123456789ab' } }).Labels;
    expect(nameOf(labels, 'dumb-init')).toBe('zombie-lab-hst2-compare-1a2b3c4d-sampler-dumb-init');
    expect(nameOf(labels)).toBe('zombie-lab-hst2-compare-1a2b3c4d-sampler-0123456789ab');
  });

  it('name scorecard variants, lab checks and probes for what they run', () => {
    const variant = containerSpec({ owner, kind: 'probe', image: 'i', cmd: ['x'], limits, labels: { [LABEL_VARIANT]: 'bash-script', [LABEL_JOB]: 'zombies-stop' } }).Labels;
    expect(nameOf(variant)).toBe('zombie-lab-hst2-compare-1a2b3c4d-bash-script-zombies-stop');
    const check = containerSpec({ owner, kind: 'lab', image: 'i', cmd: ['x'], limits, labels: { [LABEL_LAB_CHECK]: 'App reaps!' } }).Labels;
    expect(nameOf(check)).toBe('zombie-lab-hst2-compare-1a2b3c4d-check-app-reaps');
    expect(nameOf(containerSpec({ owner, kind: 'probe', image: 'i', cmd: ['x'], limits }).Labels)).toBe('zombie-lab-hst2-compare-1a2b3c4d-probe');
  });

  it('stay apart within a run, and are only ever valid engine names', () => {
    const labels = demoSpec(owner, 'init', 'img', limits, { zombieRate: 1, ttlS: 60 }).Labels;
    expect(nameOf(labels, undefined, 2)).toBe('zombie-lab-hst2-compare-1a2b3c4d-init-2');
    const odd = containerName({ 'zombie-lab': 'Run/ID with spaces' }, '../Weird Role__');
    expect(odd).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/);
    expect(odd).toBe('zombie-lab-run-id-with-spaces-weird-role');
    expect(containerName({}, 'init')).toBeNull();
  });
});
