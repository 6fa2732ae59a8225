import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { GATE_FIFO, gatedArgv, parsePodFile, podYamlForEngine, runnableProblems, type PodFile } from './pod-file.js';
import { lanesOf, type PodEvent, type PodLaneStart } from './pod-run.js';

const PODS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'images', 'pods');

function podOf(name: string): PodFile {
  const r = parsePodFile(name, readFileSync(path.join(PODS, name), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.pod;
}

describe("the lab's Pod YAML files", () => {
  it('are three pods: the app as PID 1, a shared PID namespace, tini; each with a leaking exec probe and a short grace period', () => {
    const [alone, shared, tini] = ['01-app-pid1.yaml', '02-shared-pid-ns.yaml', '03-tini.yaml'].map(podOf) as [PodFile, PodFile, PodFile];
    expect([alone.sharePid, shared.sharePid, tini.sharePid]).toEqual([false, true, false]);
    expect(alone.containers[0]?.argv).toEqual(['python3', '/root/fork.py']);
    expect(tini.containers[0]?.argv.slice(0, 2)).toEqual(['tini', '--']);
    for (const p of [alone, shared, tini]) {
      expect(runnableProblems(p)).toEqual([]);
      const probe = p.containers[0]?.probes[0];
      expect(probe?.kind).toBe('livenessProbe');
      // The child outlives the command and the timeout: what leaks.
      expect(probe?.command.join(' ')).toMatch(/&/);
      expect(probe?.timeoutS).toBe(1);
      expect(p.graceS).toBeLessThan(30);
    }
  });
});

describe('parsePodFile', () => {
  it('names the line of what is wrong', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  terminationGracePeriodSeconds: soon\n  containers:\n    - name: app\n      image: zombie-lab/zombie\n';
    const r = parsePodFile('p.yaml', text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'p.yaml', line: 6, message: expect.stringContaining('terminationGracePeriodSeconds') as unknown });
  });

  it('refuses what is not a Pod, and YAML that is not valid, with a line', () => {
    const dep = parsePodFile('d.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {containers: []}\n');
    expect(dep.ok).toBe(false);
    const bad = parsePodFile('b.yaml', 'kind: Pod\n  x: [\n');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]?.message).toMatch(/not valid YAML/);
  });

  it("takes Kubernetes' defaults: grace 30 s, probe period 10 s, timeout 1 s", () => {
    const r = parsePodFile('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: app\n      image: zombie-lab/zombie\n      command: [python3]\n      readinessProbe:\n        exec:\n          command: ["true"]\n');
    if (!r.ok) throw new Error('not parsed');
    expect(r.pod.graceS).toBe(30);
    expect(r.pod.containers[0]?.probes).toEqual([{ kind: 'readinessProbe', command: ['true'], periodS: 10, timeoutS: 1 }]);
  });

  it('runnableProblems: another image, no command, hostPID are refused with their lines', () => {
    const r = parsePodFile('p.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: nginx\n    - name: two\n      image: zombie-lab/zombie\n');
    if (!r.ok) throw new Error('not parsed');
    expect(runnableProblems(r.pod).map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [6, 'spec.hostPID'],
      [9, 'containers[0].image must be zombie-lab/zombie'],
      [10, 'containers[1] needs a command'],
    ]);
  });
});

describe('runnableProblems: volumes', () => {
  it('runs emptyDir volumes (they go with the pod) and refuses any other kind, with its line', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  volumes:\n    - name: scratch\n      emptyDir: {}\n    - name: data\n      persistentVolumeClaim:\n        claimName: d\n  containers:\n    - name: app\n      image: zombie-lab/zombie\n      command: [python3]\n';
    const r = parsePodFile('v.yaml', text);
    if (!r.ok) throw new Error('not parsed');
    expect(runnableProblems(r.pod).map((p) => [p.line, p.message.split(':')[0]])).toEqual([[9, 'spec.volumes[1]']]);
  });
});

describe('podYamlForEngine', () => {
  it("gives the engine our name, labels and image, every container's limits, the gate, and no probes", () => {
    const pod = podOf('01-app-pid1.yaml');
    const out = parse(podYamlForEngine(pod, { podName: 'zombie-lab-r1-pod-app-pid1', labels: { 'zombie-lab': 'r1' }, labImage: 'docker.io/zombie-lab/zombie:abc', memoryMb: 64, env: { ZOMBIE_LAB_TTL: '310' } })) as {
      metadata: { name: string; labels: Record<string, string> };
      spec: { containers: Record<string, unknown>[] };
    };
    expect(out.metadata).toEqual({ name: 'zombie-lab-r1-pod-app-pid1', labels: { 'zombie-lab': 'r1' } });
    const c = out.spec.containers[0] as Record<string, unknown>;
    expect(c.image).toBe('docker.io/zombie-lab/zombie:abc');
    expect(c.command).toEqual(gatedArgv(['python3', '/root/fork.py']));
    expect(c.livenessProbe).toBeUndefined();
    expect(c.securityContext).toEqual({ allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    // The file's own limit stays; env keeps the file's and adds the time to live.
    expect(c.resources).toEqual({ limits: { memory: '128Mi' } });
    expect(c.env).toEqual([
      { name: 'ZOMBIE_RATE', value: '10' },
      { name: 'ZOMBIE_LAB_TTL', value: '310' },
    ]);
    // The parsed file itself is untouched (the slide shows it as written).
    expect(pod.doc.getIn(['metadata', 'name'])).toBe('app-pid1');
  });

  it('the gate execs the command in its own place: the app keeps PID 1', () => {
    const argv = gatedArgv(['tini', '--', 'python3']);
    expect(argv.slice(0, 2)).toEqual(['/bin/sh', '-c']);
    expect(argv[2]).toContain(`read -r go < ${GATE_FIFO}`);
    expect(argv[2]).toMatch(/exec "\$0" "\$@"$/);
    expect(argv.slice(3)).toEqual(['tini', '--', 'python3']);
  });
});

describe('lanesOf', () => {
  const start = (pod: string): PodLaneStart => ({ pod, file: `${pod}.yaml`, engineName: `zl-${pod}`, sharePid: false, graceS: 5, stopSignal: null, pid1: 'python3', appNsPid: 1, pidsLimit: 64, pidsMaxRead: 64, probe: null });
  it('adds events up per pod; peaks count only before the stop began', () => {
    const events: PodEvent[] = [
      { type: 'started', lane: start('a') },
      { type: 'sample', pod: 'a', t: 100, zombies: 3, probeZombies: null },
      { type: 'probe', pod: 'a', t: 100, exitCode: null, timedOut: true },
      { type: 'probe', pod: 'a', t: 1100, exitCode: 0, timedOut: false },
      { type: 'sample', pod: 'a', t: 200, zombies: 5, probeZombies: 1 },
      { type: 'stopping', pod: 'a', t: 300, graceS: 5, signal: 'SIGTERM' },
      { type: 'sample', pod: 'a', t: 400, zombies: 50, probeZombies: 9 },
      { type: 'stopped', pod: 'a', t: 5400, stopMs: 5100, exitCode: 137 },
    ];
    const [a] = lanesOf(events);
    expect(a).toMatchObject({ zombiesPeak: 5, probeZombiesPeak: 1, probeRuns: 2, probeTimeouts: 1, stopAt: 300, stopMs: 5100, exitCode: 137 });
    expect(a?.samples).toHaveLength(3);
  });
});
