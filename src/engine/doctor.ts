/**
 * The checks behind `zombie-lab doctor`, each independent, each with the fix for a failure.
 * Yields them one by one so a slow check does not hide the quick answers.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import type Docker from 'dockerode';
import { containerSpec } from '../core/container-spec.js';
import { engineFactChecks, missingImageChecks, nodeVersionCheck, type DoctorCheck } from '../core/doctor-check.js';
import { describeEndpoint, endpointFix } from '../core/engine-endpoint.js';
import type { CountingSource } from '../core/sampler-choice.js';
import { describeSweep, sweepLeftovers } from './sweep.js';
import { createAndStart, removeQuietly } from './containers.js';
import { connectDocker, resolveEndpoint } from './docker-connect.js';
import { factsOf } from './engine-facts.js';
import { limitProblemOf, sidecarCgroupnsHint } from '../core/engine-kind.js';
import { checkHostProc } from './host-proc.js';
import { countNow, planCounting, samplerChoiceFromEnv } from './zombie-count.js';
import { initBinaryCheck, pidLimitCheck } from './engine-probes.js';
import { imageExists, imageTags } from './images.js';
import { firstLine, problemOfError } from './lab-error.js';
import { newRunId, ownerFor } from './run-id.js';

function hasCommand(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the engine runs on this kernel, and so how the lab will count: decided on a probe
 * container by the one function every feature uses (zombie-count.ts planCounting), and proven
 * with a reading by that plan.
 */
async function countingChecks(docker: Docker, baseTag: string, limitHeld: boolean): Promise<DoctorCheck[]> {
  const owner = ownerFor(newRunId('doctor'));
  let choice;
  try {
    choice = samplerChoiceFromEnv();
  } catch (err) {
    const p = problemOfError(err);
    return [{ name: 'sampler', status: 'fail', detail: p.message, fix: p.fix }];
  }
  const started = await createAndStart(docker, containerSpec({ owner, kind: 'probe', image: baseTag, cmd: ['sleep', '30'], limits: { pidsLimit: 16, memoryMb: 32 } }), { diagnostic: true });
  try {
    const checks: DoctorCheck[] = [];
    const plan = planCounting(started, choice);
    const verdict = checkHostProc(started.initPid, started.id);
    checks.push(
      verdict.ok
        ? { name: 'this kernel', status: 'info', detail: `the engine runs on this machine's kernel: the probe's init (PID ${started.initPid}) is in this host's /proc, in the container's cgroup, in another PID namespace` }
        : verdict.onThisKernel
          ? { name: 'this kernel', status: 'info', detail: `the engine runs on this machine's kernel, but the lab cannot count from this host's /proc: ${verdict.reason}` }
          : { name: 'this kernel', status: 'info', detail: `the engine runs elsewhere (a VM such as Docker Desktop's, a remote host, or its own PID namespace): ${verdict.reason}` },
    );
    let reading;
    try {
      reading = await countNow(started, { docker, owner, sidecarImage: baseTag, plan, diagnostic: true });
    } catch (err) {
      const msg = firstLine(err);
      checks.push({ name: 'sampler', status: 'fail', detail: `${SOURCE_NAME[plan.source]} (${plan.why}), but it gave no reading: ${msg}`, fix: 'zombie-lab prepare (rebuilds the base image), then zombie-lab doctor again' });
      return checks;
    }
    const seen = reading.pid1 === 'sleep' && reading.live >= 1;
    checks.push(
      seen
        ? { name: 'sampler', status: 'pass', detail: `${SOURCE_NAME[plan.source]}, because ${plan.why}; it sees PID 1 ${reading.pid1} and ${reading.live} process(es)${sidecarWayText(reading, sidecarCgroupnsHint(await factsOf({ docker })))}` }
        : { name: 'sampler', status: 'fail', detail: `${SOURCE_NAME[plan.source]} (${plan.why}) sees PID 1 ${reading.pid1 ?? '?'}, not the probe's sleep`, fix: 'run zombie-lab doctor again; if it stays, report it with this line' },
    );
    if (reading.pidMax !== null) {
      checks.push({
        name: 'pid_max',
        status: 'info',
        detail: `${reading.pidMax}, as the engine's containers see it: ${limitHeld ? 'every lab container runs with a PID limit far below it' : 'nothing would keep a container below it on this engine (see the PID limit check above), so the lab runs no zombie-making container here'}`,
      });
    }
    return checks;
  } finally {
    await removeQuietly(started.container);
  }
}

const SOURCE_NAME: Record<CountingSource, string> = {
  cgroup: 'cgroup fast path (pids.current minus the listed threads, every tick), cross-checked against /proc',
  'host-proc': "this host's /proc on a worker thread",
  sidecar: "a sidecar container in each container's PID namespace, through the engine's API",
};

/** The endpoint the lab will use, with why; for a unix socket, whether it is there and ours to use. */
async function endpointChecks(): Promise<DoctorCheck[]> {
  let ep;
  try {
    ep = resolveEndpoint();
  } catch (err) {
    const p = problemOfError(err, 'check DOCKER_HOST and DOCKER_CONTEXT');
    return [{ name: 'engine endpoint', status: 'fail', detail: p.message, fix: p.fix }];
  }
  const out: DoctorCheck[] = [{ name: 'engine endpoint', status: 'info', detail: describeEndpoint(ep) }];
  if (ep.host.startsWith('unix://')) {
    const socket = ep.host.slice('unix://'.length);
    try {
      await access(socket, constants.R_OK | constants.W_OK);
      out.push(
        (await stat(socket)).isSocket()
          ? { name: 'socket', status: 'pass', detail: `${socket} is readable and writable` }
          : { name: 'socket', status: ep.reason.kind === 'default' ? 'warn' : 'fail', detail: `${socket} is there but is not a socket: no engine listens on it`, fix: endpointFix(ep) },
      );
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      out.push(
        code === 'ENOENT'
          ? { name: 'socket', status: ep.reason.kind === 'default' ? 'warn' : 'fail', detail: `${socket} does not exist${ep.reason.kind === 'default' ? ': looking for the sockets of Docker Desktop, Colima, Rancher Desktop, OrbStack, rootless Docker and Podman' : ''}`, fix: endpointFix(ep) }
          : { name: 'socket', status: 'fail', detail: `no permission on ${socket}`, fix: 'sudo usermod -aG docker $USER, then log out and in again (or: newgrp docker)' },
      );
    }
  }
  return out;
}

export async function* runDoctor(): AsyncGenerator<DoctorCheck> {
  yield nodeVersionCheck(process.version);
  for (const c of await endpointChecks()) yield c;

  let conn;
  try {
    conn = await connectDocker();
    yield { name: 'engine answers', status: 'pass', detail: `at ${conn.described}` };
  } catch (err) {
    const p = problemOfError(err, 'check that Docker runs');
    yield { name: 'engine answers', status: 'fail', detail: p.message, fix: p.fix };
    yield { name: 'images', status: 'info', detail: 'not checked: no engine' };
    return;
  }
  const { docker } = conn;
  yield* leftoverChecks(docker);

  let refusal = null;
  try {
    const facts = await factsOf(conn);
    refusal = limitProblemOf(facts);
    for (const c of engineFactChecks(facts)) yield c;
  } catch (err) {
    yield { name: 'engine', status: 'warn', detail: `the engine did not describe itself: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, fix: 'docker info shows what the engine says' };
  }

  const tags = await imageTags();
  const have = { base: await imageExists(docker, tags.base), zombie: await imageExists(docker, tags.zombie) };
  if (have.base && have.zombie) yield { name: 'images', status: 'pass', detail: `${tags.base} and ${tags.zombie} are built` };
  else for (const c of missingImageChecks({ tags, have, refusal, mmdebstrap: hasCommand('mmdebstrap') })) yield c;
  // Without the base image there is nothing to probe with: the lines above said why and what to do.
  if (have.base) {
    const limit = await pidLimitCheck(docker, tags.base);
    yield limit;
    yield await initBinaryCheck(docker, tags.base);
    try {
      for (const c of await countingChecks(docker, tags.base, limit.status === 'pass')) yield c;
    } catch (err) {
      const msg = firstLine(err);
      yield { name: 'sampler', status: 'fail', detail: `the probe container did not run: ${msg}`, fix: 'see the message; then run zombie-lab doctor again' };
    }
  }

}

/** The same sweep every start runs: what it found, what it removed (dead owners only), and the command for the rest. */
async function* leftoverChecks(docker: Docker): AsyncGenerator<DoctorCheck> {
  const name = 'leftovers';
  let r;
  try {
    r = await sweepLeftovers(docker);
  } catch (err) {
    yield { name, status: 'warn', detail: `could not look for leftovers: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`, fix: 'zombie-lab clean' };
    return;
  }
  const line = describeSweep(r);
  const live = r.containers.kept.length + r.host.kept.length;
  const failed = [...r.containers.failed.map((f) => `${f.c.name}: ${f.reason}`), ...r.host.failed.map((f) => `${f.path}: ${f.reason}`)];
  if (failed.length) {
    yield { name, status: 'warn', detail: `${line ? `${line}; ` : ''}could not remove ${failed.length}: ${failed[0]}`, fix: 'zombie-lab clean (as the user who ran the lab, or root)' };
  } else {
    yield { name, status: 'pass', detail: line ?? 'none from earlier runs' };
  }
  if (live) {
    const runs = new Set(r.containers.kept.map((c) => c.runId));
    yield {
      name: 'running labs',
      status: 'info',
      detail: `${r.containers.kept.length} container(s) of ${runs.size} run(s) and ${r.host.kept.length} temporary folder(s) belong to a lab process that is still running and removes them when it ends (to remove its containers now anyway: zombie-lab clean --all)`,
    };
  }
}

/** How the sidecar counts: the container's pids cgroup every tick (cgroup v2), or /proc and why not the cgroup. */
function sidecarWayText(reading: { sidecarWay?: { way: 'cgroup' | 'proc'; why: string | null } }, hint: string | null): string {
  const w = reading.sidecarWay;
  if (!w) return '';
  const why = [w.why, /cgroup namespace/.test(w.why ?? '') ? hint : null].filter(Boolean).join(': ');
  return w.way === 'cgroup'
    ? "; it reads the container's pids cgroup every tick (cgroup v2, the engine's cgroup tree read-only), with /proc as its cross-check"
    : `; it scans /proc${why ? ` (${why})` : ''}`;
}
