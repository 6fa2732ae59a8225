import { describe, expect, it } from 'vitest';
import { appCommsOf, mainPidsOf, podJson, podShapeOf, zombieOwners } from './pod-report.js';
import { podHeaderText, zombieOwnersText } from './pod-text.js';
import type { ProcInfo } from './snapshot.js';

const id = (c: string) => c.repeat(64);
const info = (shared: boolean) => ({
  Id: id('a'),
  Name: 'web',
  InfraContainerID: id('0'),
  SharedNamespaces: shared ? ['ipc', 'net', 'uts', 'pid'] : ['ipc', 'net', 'uts'],
  Containers: [
    { Id: id('1'), Name: 'web-app', State: 'running' },
    { Id: id('0'), Name: 'web-infra', State: 'running' },
  ],
});

const p = (pid: number, ppid: number, comm: string, state = 'S'): ProcInfo => ({ pid, ppid, comm, state });

describe('podShapeOf', () => {
  it('a shared PID namespace: the infra container first, as the namespace PID 1, then the app as a main process', () => {
    const s = podShapeOf(info(true));
    expect(s.sharedPid).toBe(true);
    expect(s.members.map((m) => [m.name, m.role])).toEqual([
      ['web-infra', 'namespace-pid1'],
      ['web-app', 'main-process'],
    ]);
  });

  it('unshared: each app container is its own PID 1, and the infra container is left out', () => {
    const s = podShapeOf(info(false));
    expect(s.sharedPid).toBe(false);
    expect(s.members.map((m) => [m.name, m.role])).toEqual([['web-app', 'pid1']]);
  });
});

describe('zombies by parent: the app\'s and those exec\'d commands left', () => {
  // Shared namespace: catatonit PID 1; the app (python3, started from outside: ppid 0) with two
  // zombie children of its own; a probe's `sh -c "sleep 3 & sleep 2"` whose sleep was orphaned to PID 1.
  const shared = [p(1, 0, 'catatonit'), p(7, 0, 'python3'), p(8, 7, 'python3', 'Z'), p(9, 7, 'python3', 'Z'), p(12, 1, 'sleep', 'Z'), p(13, 0, 'sh')];

  it('finds the main processes by their command among those started from outside the namespace', () => {
    expect(mainPidsOf(shared, new Set(['python3']), true)).toEqual([7]);
    expect(mainPidsOf(shared, new Set(['python3']), false)).toEqual([1]);
  });

  it("the app's commands are its main process's and its live descendants', not an exec'd shell's", () => {
    expect([...appCommsOf(shared, [7])]).toEqual(['python3']);
    const withInit = [p(1, 0, 'tini'), p(2, 1, 'python3'), p(3, 2, 'python3', 'Z'), p(4, 0, 'sh')];
    expect([...appCommsOf(withInit, [1])].sort()).toEqual(['python3', 'tini']);
  });

  it('groups zombies by parent, most first, split into the app\'s and the others', () => {
    expect(zombieOwners(shared, new Set(['python3']))).toEqual([
      { parentPid: 7, parentComm: 'python3', isPid1: false, app: 2, exec: 0 },
      { parentPid: 1, parentComm: 'catatonit', isPid1: true, app: 0, exec: 1 },
    ]);
  });

  it('podJson: a shared namespace\'s zombies once, under its PID 1; the main process carries none', () => {
    const pod = podShapeOf(info(true));
    const readings = new Map([
      [id('0'), { procs: shared, pid1Comm: 'catatonit' }],
      [id('1'), { procs: shared, pid1Comm: 'python3' }],
    ]);
    const j = podJson(pod, readings);
    expect(j.members.map((m) => [m.role, m.zombiesByParent?.map((z) => [z.parentPid, z.app, z.exec]) ?? null])).toEqual([
      ['namespace-pid1', [[7, 2, 0], [1, 0, 1]]],
      ['main-process', null],
    ]);
  });

  it('podJson: a container that could not be read has no zombies to show', () => {
    const j = podJson(podShapeOf(info(false)), new Map());
    expect(j.members[0]?.zombiesByParent).toBeNull();
  });
});

describe('pod text, in both languages', () => {
  it('says how the namespace is shared, and whose the zombies are', () => {
    expect(podHeaderText(podShapeOf(info(true)))).toContain('one PID namespace shared by its 1 container');
    expect(podHeaderText(podShapeOf(info(false)), 'de')).toContain('eigenen PID-Namespace');
    const rows = zombieOwners([p(1, 0, 'python3'), p(3, 1, 'sleep', 'Z'), p(4, 1, 'python3', 'Z')], new Set(['python3']));
    expect(zombieOwnersText(rows)).toBe("  zombies by parent: 2 under PID 1 (python3): 1 the app's, 1 left by commands exec'd into the container (a probe)");
    expect(zombieOwnersText([], 'de')).toBe('  Zombies nach Elternprozess: keine');
  });
});
