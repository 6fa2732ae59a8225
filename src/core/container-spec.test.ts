import { describe, expect, it } from 'vitest';
import { BENCH_SPARE_PIDS, benchPidsAllowance, checkLimits, containerSpec, demoSpec, MAX_PIDS_LIMIT, noPidsLimitFor } from './container-spec.js';
import { LABEL_KIND, LABEL_MODE, LABEL_RUN, isLabImage, LABEL_IMAGE } from './labels.js';
import { MODE_IDS } from './modes.js';

const owner = { runId: 'run-1', pid: 4242, host: 'h' };
const workload = { zombieRate: 10, ttlS: 600 };

describe('demoSpec', () => {
  it.each(MODE_IDS)('%s gets every safety limit and our labels', (mode) => {
    const s = demoSpec(owner, mode, 'img:1', { pidsLimit: 300, memoryMb: 64 }, workload);
    expect(s.HostConfig.PidsLimit).toBe(300);
    expect(s.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(s.HostConfig.NetworkMode).toBe('none');
    expect(s.HostConfig.CapDrop).toEqual(['ALL']);
    expect(s.HostConfig.SecurityOpt).toEqual(['no-new-privileges']);
    expect(s.Labels[LABEL_RUN]).toBe('run-1');
    expect(s.Labels[LABEL_KIND]).toBe('demo');
    expect(s.Labels[LABEL_MODE]).toBe(mode);
    expect(s.Env).toContain('ZOMBIE_LAB_TTL=600');
  });

  it('maps the three modes to what docker run does', () => {
    const lim = { pidsLimit: 100, memoryMb: 64 };
    expect(demoSpec(owner, 'no-init', 'i', lim, workload)).toMatchObject({ Cmd: ['python3', '/root/fork.py'], HostConfig: { Init: false } });
    expect(demoSpec(owner, 'no-init', 'i', lim, workload).Entrypoint).toBeUndefined();
    expect(demoSpec(owner, 'dumb-init', 'i', lim, workload)).toMatchObject({ Entrypoint: ['dumb-init'], HostConfig: { Init: false } });
    expect(demoSpec(owner, 'init', 'i', lim, workload)).toMatchObject({ HostConfig: { Init: true } });
  });

  it('a demo that waits for its start line keeps stdin open; one that does not, does not', () => {
    const lim = { pidsLimit: 100, memoryMb: 64 };
    const waiting = demoSpec(owner, 'dumb-init', 'i', lim, { ...workload, waitForGo: true });
    expect(waiting).toMatchObject({ OpenStdin: true, StdinOnce: true });
    expect(waiting.Env).toContain('ZOMBIE_LAB_WAIT=stdin');
    const plain = demoSpec(owner, 'dumb-init', 'i', lim, workload);
    expect(plain.OpenStdin).toBeUndefined();
    expect(plain.Env.some((e) => e.startsWith('ZOMBIE_LAB_WAIT'))).toBe(false);
  });
});

describe('checkLimits', () => {
  it('refuses a missing, zero or huge PID limit', () => {
    expect(() => checkLimits({ pidsLimit: 0, memoryMb: 64 })).toThrow(/PID limit/);
    expect(() => checkLimits({ pidsLimit: NaN, memoryMb: 64 })).toThrow(/PID limit/);
    expect(() => checkLimits({ pidsLimit: MAX_PIDS_LIMIT + 1, memoryMb: 64 })).toThrow(/PID limit/);
    expect(() => checkLimits({ pidsLimit: 64, memoryMb: 1 })).toThrow(/memory/);
    expect(() => checkLimits({ pidsLimit: 64, memoryMb: 64 })).not.toThrow();
  });
});

describe('isLabImage', () => {
  it('needs both our label and the tag it names', () => {
    expect(isLabImage({ [LABEL_IMAGE]: 'zombie-lab/base:abc' }, ['zombie-lab/base:abc'])).toBe(true);
    // A user's image built FROM ours inherits the label but not the tag.
    expect(isLabImage({ [LABEL_IMAGE]: 'zombie-lab/base:abc' }, ['mine:latest'])).toBe(false);
    expect(isLabImage({}, ['zombie-lab/base:abc'])).toBe(false);
    expect(isLabImage(null, null)).toBe(false);
  });
});

describe('benchPidsAllowance', () => {
  it('grants a limit above MAX_PIDS_LIMIT only while the host keeps its spare PIDs', () => {
    const a = benchPidsAllowance(20_100, 32_768, 400);
    expect(a.max).toBe(20_100);
    expect(() => checkLimits({ pidsLimit: 20_100, memoryMb: 512 })).toThrow(/PID limit/);
    expect(() => checkLimits({ pidsLimit: 20_100, memoryMb: 512 }, a)).not.toThrow();
    expect(() => checkLimits({ pidsLimit: 20_101, memoryMb: 512 }, a)).toThrow(/PID limit/);
  });
  it(`refuses when fewer than ${BENCH_SPARE_PIDS} PIDs would stay free`, () => {
    expect(() => benchPidsAllowance(20_100, 32_768, 9_000)).toThrow(/spare/);
    expect(() => benchPidsAllowance(20_100, 24_000, 100)).toThrow(/spare/);
  });
});

describe('sampler sidecar spec', () => {
  it('joins a PID namespace with stdin kept open, and keeps every safety limit', () => {
    const s = containerSpec({ owner, kind: 'sampler', image: 'b', cmd: ['python3'], limits: { pidsLimit: 8, memoryMb: 64 }, pidMode: 'container:abc', openStdin: true });
    expect(s).toMatchObject({ OpenStdin: true, StdinOnce: true, HostConfig: { PidMode: 'container:abc', PidsLimit: 8, NetworkMode: 'none', CapDrop: ['ALL'] } });
    expect(s.Labels[LABEL_KIND]).toBe('sampler');
    expect(s.HostConfig.CgroupnsMode).toBeUndefined();
  });

  it("takes the engine's cgroup namespace only when asked, with every limit still there", () => {
    const s = containerSpec({ owner, kind: 'sampler', image: 'b', cmd: ['python3'], limits: { pidsLimit: 8, memoryMb: 64 }, pidMode: 'container:abc', cgroupnsHost: true });
    expect(s.HostConfig).toMatchObject({ CgroupnsMode: 'host', PidsLimit: 8, Memory: 64 << 20, NetworkMode: 'none', CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] });
    expect(s.Labels[LABEL_KIND]).toBe('sampler');
  });
});

describe('noPidsLimit', () => {
  const base = { owner: { runId: 'insp-t', pid: 1, host: 'h' }, kind: 'probe' as const, image: 'img', limits: { pidsLimit: 64, memoryMb: 32 } };
  it('drops the PID limit only for a command that never forks, keeping the other limits', () => {
    const s = containerSpec({ ...base, cmd: ['sleep', '60'], noPidsLimit: noPidsLimitFor(['sleep', '60'], 'test') });
    expect(s.HostConfig).toMatchObject({ PidsLimit: -1, NetworkMode: 'none', CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], Memory: 32 * 1024 * 1024 });
    expect(s.Labels['zombie-lab']).toBe('insp-t');
  });
  it('refuses anything else', () => {
    expect(() => noPidsLimitFor(['python3', 'app.py'], 'test')).toThrow(/may only run sleep or pause/);
    expect(() => containerSpec({ ...base, cmd: ['sh', '-c', 'sleep 1'], noPidsLimit: { why: 'forged' } })).toThrow(/may only run/);
  });
});
