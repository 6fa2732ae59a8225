/**
 * Naming at create time, against a fake engine: the name says what the container is, a second
 * one of the same role in a run gets -2, a sampler is named for the lane it samples, and a name
 * another process took (the same run id given twice) still creates the container.
 */
import { describe, expect, it } from 'vitest';
import { containerSpec, demoSpec, type ContainerSpec } from '../core/container-spec.js';
import { LABEL_TARGET } from '../core/labels.js';
import { createAndStart, removeQuietly } from './containers.js';
import type { CreatesContainers, LabContainer } from './engine-api.js';

function fakeEngine(taken: Set<string>) {
  const asked: (string | undefined)[] = [];
  let n = 0;
  const docker: CreatesContainers = {
    info: () => Promise.resolve({ CgroupVersion: '2', CgroupDriver: 'systemd', PidsLimit: true, KernelVersion: 'fake', Name: 'fake' }),
    version: () => Promise.resolve({ Version: '27.0.0', ApiVersion: '1.46' }),
    listContainers: () => Promise.resolve([]),
    getContainer: () => ({ inspect: () => Promise.resolve({}) }),
    createContainer: (spec: ContainerSpec) => {
      asked.push(spec.name);
      if (spec.name && taken.has(spec.name)) return Promise.reject(Object.assign(new Error(`Conflict. The container name "/${spec.name}" is already in use`), { statusCode: 409 }));
      if (spec.name) taken.add(spec.name);
      const id = `${String(++n).padStart(12, '0')}${'f'.repeat(52)}`;
      const container: LabContainer = {
        id,
        wait: () => new Promise(() => undefined),
        start: () => Promise.resolve(),
        inspect: () => Promise.resolve({ State: { Pid: 0 } }),
        remove: () => Promise.resolve(),
      };
      return Promise.resolve(container);
    },
  };
  return { docker, asked };
}

const owner = { runId: 'hst2-test-0000aaaa', pid: 1, host: 'h' };
const limits = { pidsLimit: 64, memoryMb: 64 };
const workload = { zombieRate: 1, ttlS: 60 };

describe('creating a lab container', () => {
  it('names it for what it is, the second of a role -2, and a sampler for its lane', async () => {
    const { docker, asked } = fakeEngine(new Set());
    const lane = await createAndStart(docker, demoSpec(owner, 'dumb-init', 'img', limits, workload));
    const again = await createAndStart(docker, demoSpec(owner, 'dumb-init', 'img', limits, workload));
    const sampler = await createAndStart(
      docker,
      containerSpec({ owner, kind: 'sampler', image: 'img', cmd: ['python3'], limits: { pidsLimit: 8, memoryMb: 64 }, pidMode: `container:${lane.id}`, labels: { [LABEL_TARGET]: lane.id.slice(0, 12) } }),
    );
    expect(asked).toEqual(['zombie-lab-hst2-test-0000aaaa-dumb-init', 'zombie-lab-hst2-test-0000aaaa-dumb-init-2', 'zombie-lab-hst2-test-0000aaaa-sampler-dumb-init']);
    for (const s of [sampler, again, lane]) await removeQuietly(s.container);
  });

  it('still creates it when another process holds the name', async () => {
    const other = { ...owner, runId: 'hst2-test-0000bbbb' };
    const { docker, asked } = fakeEngine(new Set(['zombie-lab-hst2-test-0000bbbb-init']));
    const s = await createAndStart(docker, demoSpec(other, 'init', 'img', limits, workload));
    expect(asked[0]).toBe('zombie-lab-hst2-test-0000bbbb-init');
    expect(asked[1]).toMatch(/^zombie-lab-hst2-test-0000bbbb-init-[0-9a-f]{4}$/);
    await removeQuietly(s.container);
  });
});
