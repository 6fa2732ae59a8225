/**
 * The checks behind `zombie-lab doctor`, each independent, each with the fix for a failure.
 * Yields them one by one so a slow check does not hide the quick answers.
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import type Docker from 'dockerode';
import { containerSpec } from '../core/container-spec.js';
import { nodeVersionCheck, type DoctorCheck } from '../core/doctor-check.js';
import { listLabContainers } from './cleanup.js';
import { createAndStart, removeQuietly } from './containers.js';
import { connectDocker, engineEndpoint } from './docker-connect.js';
import { parseSamplerChoice } from '../core/sampler-choice.js';
import { checkHostProc, pidsCgroupOf, readPidsAccounting } from './host-proc.js';
import { startSidecar } from './sidecar.js';
import { initBinaryCheck, pidLimitCheck } from './engine-probes.js';
import { imageExists, imageTags } from './images.js';
import { isLabError } from './lab-error.js';
import { newRunId, ownerFor } from './run-id.js';

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether this host's /proc and cgroups show the containers, and so which sampler the lab will use. */
async function hostProcCheck(docker: Docker, baseTag: string): Promise<DoctorCheck[]> {
  const name = "host /proc shows the container's processes";
  const owner = ownerFor(newRunId('doctor'));
  const started = await createAndStart(docker, containerSpec({ owner, kind: 'probe', image: baseTag, cmd: ['sleep', '30'], limits: { pidsLimit: 16, memoryMb: 32 } }), { diagnostic: true });
  try {
    let choice;
    try {
      choice = parseSamplerChoice(process.env.ZOMBIE_LAB_SAMPLER);
    } catch (err) {
      return [{ name: 'sampler', status: 'fail', detail: err instanceof Error ? err.message : String(err), fix: 'unset ZOMBIE_LAB_SAMPLER, or set it to auto, proc or sidecar' }];
    }
    const checks: DoctorCheck[] = [];
    const v = checkHostProc(started.initPid, started.id);
    const cg = v.ok ? pidsCgroupOf(started.initPid, undefined, started.id) : null;
    if (v.ok) {
      checks.push({ name, status: 'pass', detail: `yes; pids cgroup ${cg ? `v${cg.version} at ${cg.dir}` : 'not readable (PIDs used will show as -)'}` });
    } else {
      checks.push({ name, status: 'info', detail: `no: ${v.reason}; the lab samples through a sidecar container instead` });
    }
    if (v.ok && choice !== 'sidecar') {
      const fast = choice === 'auto' && readPidsAccounting(cg) !== null;
      checks.push({
        name: 'sampler',
        status: 'pass',
        detail: fast
          ? `cgroup fast path (pids.current minus the listed threads, every tick), cross-checked against /proc`
          : `this host's /proc on a worker thread${choice === 'proc' ? ' (ZOMBIE_LAB_SAMPLER=proc)' : ' (the pids cgroup is not readable)'}`,
      });
      return checks;
    }
    // The remote path: prove it on the probe, as compare would use it.
    const sc = await startSidecar(docker, { owner, image: baseTag, targetId: started.id, ttlS: 30, diagnostic: true });
    try {
      const first = await Promise.race([sc.readings.next(), new Promise<null>((r) => setTimeout(() => r(null), 10_000).unref())]);
      const r = first && !first.done ? first.value : null;
      checks.push(
        r
          ? { name: 'sampler', status: 'pass', detail: `sidecar in the container's PID namespace${choice === 'sidecar' ? ' (ZOMBIE_LAB_SAMPLER=sidecar)' : ''}: sees PID 1 ${r.pid1 ?? '?'}, ${r.live} process(es), ${r.costUs} µs a sample` }
          : { name: 'sampler', status: 'fail', detail: `the sidecar sampler gave no reading${sc.stderrTail() ? `: ${sc.stderrTail().split('\n').at(-1)}` : ''}`, fix: 'zombie-lab prepare (rebuilds the base image), then zombie-lab doctor again' },
      );
    } finally {
      await sc.close();
    }
    return checks;
  } finally {
    await removeQuietly(started.container);
  }
}

export async function* runDoctor(): AsyncGenerator<DoctorCheck> {
  yield nodeVersionCheck(process.version);
  const endpoint = engineEndpoint();
  if (endpoint.startsWith('unix://')) {
    const socket = endpoint.slice('unix://'.length);
    try {
      await access(socket, constants.R_OK | constants.W_OK);
      yield { name: 'Docker socket', status: 'pass', detail: `${socket} is readable and writable` };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      yield code === 'ENOENT'
        ? { name: 'Docker socket', status: 'fail', detail: `${socket} does not exist`, fix: 'start Docker (sudo systemctl start docker, or as root: scripts/setup-docker.sh), or set DOCKER_HOST' }
        : { name: 'Docker socket', status: 'fail', detail: `no permission on ${socket}`, fix: 'sudo usermod -aG docker $USER, then log out and in again (or: newgrp docker)' };
    }
  } else {
    yield { name: 'Docker endpoint', status: 'info', detail: `DOCKER_HOST=${endpoint}` };
  }

  let conn;
  try {
    conn = await connectDocker();
    yield { name: 'Docker engine', status: 'pass', detail: `${conn.version} (API ${conn.apiVersion}) at ${conn.endpoint}` };
  } catch (err) {
    const p = isLabError(err) ? err.problem : { message: String(err), fix: 'check that Docker runs' };
    yield { name: 'Docker engine', status: 'fail', detail: p.message, fix: p.fix };
    yield { name: 'images', status: 'info', detail: 'not checked: no engine' };
    return;
  }
  const { docker } = conn;

  try {
    const pidMax = (await readFile('/proc/sys/kernel/pid_max', 'utf8')).trim();
    const v2 = await access('/sys/fs/cgroup/cgroup.controllers').then(
      () => true,
      () => false,
    );
    yield { name: 'host kernel', status: 'info', detail: `pid_max ${pidMax}, cgroup ${v2 ? 'v2' : 'v1'}: every lab container runs with a PID limit` };
  } catch {
    yield { name: 'host kernel', status: 'info', detail: 'not Linux here: the engine runs elsewhere' };
  }

  const tags = await imageTags();
  const have = { base: await imageExists(docker, tags.base), zombie: await imageExists(docker, tags.zombie) };
  yield have.base && have.zombie
    ? { name: 'images', status: 'pass', detail: `${tags.base} and ${tags.zombie} are built` }
    : { name: 'images', status: 'warn', detail: `missing: ${[!have.base && tags.base, !have.zombie && tags.zombie].filter(Boolean).join(', ')}`, fix: 'zombie-lab prepare (compare and the app also build them when needed)' };
  if (!have.base) {
    yield hasCommand('mmdebstrap')
      ? { name: 'offline build', status: 'pass', detail: 'mmdebstrap is installed: the base image can be built without a registry' }
      : { name: 'offline build', status: 'warn', detail: 'mmdebstrap is not installed: without a registry the base image cannot be built', fix: 'sudo apt-get install mmdebstrap' };
    yield { name: "host /proc shows the container's processes", status: 'info', detail: 'not checked yet: needs the base image (zombie-lab prepare)' };
  } else {
    yield await pidLimitCheck(docker, tags.base);
    yield await initBinaryCheck(docker, tags.base);
    try {
      for (const c of await hostProcCheck(docker, tags.base)) yield c;
    } catch (err) {
      const msg = isLabError(err) ? err.problem.message : err instanceof Error ? err.message.split('\n')[0] : String(err);
      yield { name: "host /proc shows the container's processes", status: 'fail', detail: `the probe container did not run: ${msg}`, fix: 'see the message; then run zombie-lab doctor again' };
    }
  }

  const left = await listLabContainers(docker);
  const stale = left.filter((c) => !c.ownerAlive);
  yield stale.length
    ? { name: 'leftovers', status: 'warn', detail: `${stale.length} container(s) of earlier runs are still there`, fix: 'zombie-lab clean' }
    : { name: 'leftovers', status: 'pass', detail: left.length ? `none (${left.length} belong to a lab that is running now)` : 'none' };
}
