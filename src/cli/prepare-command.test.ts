/**
 * prepare on an engine the lab refuses (rootless Docker on cgroup v1): the gate's one line of
 * cause and fix, and no build started (there mmdebstrap failed with "exit 25: remove_tree failed").
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineInfo } from '../core/engine-kind.js';
import type { DescribesEngine } from '../engine/engine-api.js';

const built = vi.fn();
vi.mock('../engine/images.js', () => ({
  // Records that a build began, and ends it at once.
  readyImages: () => {
    built();
    return Promise.resolve({});
  },
}));
let info: EngineInfo = {};
vi.mock('./command-session.js', async (orig) => ({
  ...(await orig<typeof import('./command-session.js')>()),
  connectAndSweep: () =>
    Promise.resolve({
      // prepare asks this engine only info and version (images are mocked above).
      conn: { described: 'unix:///run/user/1000/docker.sock (DOCKER_HOST)', docker: { info: () => Promise.resolve(info), version: () => Promise.resolve({ Version: '27.0.3', ApiVersion: '1.46' }) } satisfies DescribesEngine },
      sweptLine: null,
    }),
}));
const { runPrepare } = await import('./prepare-command.js');

function capture() {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  return { text: () => err, restore: () => (spy.mockRestore(), out.mockRestore()) };
}

afterEach(() => built.mockClear());

describe('prepare where the lab refuses the engine', () => {
  it('fails in one line with the same cause and fix as every refused run, building nothing', async () => {
    info = { CgroupVersion: '1', CgroupDriver: 'none', SecurityOptions: ['name=rootless'], PidsLimit: false };
    const io = capture();
    const code = await runPrepare({}).finally(io.restore);
    expect(code).toBe(1);
    expect(built).not.toHaveBeenCalled();
    const lines = io.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      'zombie-lab: rootless Docker Engine 27.0.3 runs containers without cgroups (cgroup driver none, rootless on cgroup v1): a PID limit would not be applied, so the lab runs no zombie-making container there',
    );
    expect(lines[1]).toMatch(/^ {2}fix: use an engine with a pids cgroup: rootful Docker or Podman, or rootless on a cgroup v2 host/);
  });

  it('builds where the engine holds a PID limit', async () => {
    info = { CgroupVersion: '1', CgroupDriver: 'cgroupfs', PidsLimit: true };
    const io = capture();
    const code = await runPrepare({}).finally(io.restore);
    expect(io.text()).toBe('');
    expect(code).toBe(0);
    expect(built).toHaveBeenCalledOnce();
  });
});
