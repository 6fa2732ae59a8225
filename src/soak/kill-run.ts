/**
 * Kill the lab at a chosen moment and look for what it left: the kill-during-build test and
 * `npm run soak` both use this. A leak is anything of the killed process still there after the
 * next start: a mount, a temporary folder, a process, a container, a cgroup.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { mountPoints } from '../core/mountinfo.js';
import { parseOwnerMark } from '../core/owner-mark.js';
import { LABEL_OWNER_PID } from '../core/labels.js';
import { CGROUP_ROOT } from '../engine/host-proc.js';
import { runCli } from '../test-support/run-cli.js';

export type KillSignal = 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGKILL';
export const KILL_SIGNALS: readonly KillSignal[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL'];

/** What a shell reports for a command ended by each signal the lab handles. */
export const EXPECTED_EXIT: Record<Exclude<KillSignal, 'SIGKILL'>, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

export interface KillPlan {
  signal: KillSignal;
  /** To the whole process group, as a terminal's Ctrl-C or hang-up does. */
  toGroup: boolean;
  /** Wait for an output line matching this first (null: count from the start). */
  trigger: RegExp | null;
  delayMs: number;
}

export interface KillOutcome {
  pid: number;
  /** False when the command ended before the kill went out. */
  killed: boolean;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the kill to the exit. */
  exitMs: number | null;
  output: string;
}

export function describePlan(p: KillPlan): string {
  return `${p.signal}${p.toGroup ? ' to the group' : ''} ${p.delayMs} ms after ${p.trigger ? `/${p.trigger.source}/` : 'the start'}`;
}

/** Runs the CLI with `args` in a process group of its own (as a shell runs a job) and kills it as planned. */
export async function runAndKill(args: string[], plan: KillPlan, opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<KillOutcome> {
  let killedAt: number | null = null;
  let armed = false;
  const arm = (child: ChildProcess) => {
    if (armed) return;
    armed = true;
    setTimeout(() => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      killedAt = Date.now();
      process.kill(plan.toGroup ? -child.pid : child.pid, plan.signal);
    }, plan.delayMs);
  };
  const r = await runCli(args, {
    env: { NO_COLOR: '1', ...opts.env },
    detached: true,
    timeoutMs: opts.timeoutMs ?? 300_000,
    onSpawn: (child) => {
      if (!plan.trigger) arm(child);
    },
    onOutput: (text, child) => {
      if (plan.trigger && plan.trigger.test(text)) arm(child);
    },
  });
  return { pid: r.pid, killed: killedAt !== null, code: r.code, signal: r.signal, exitMs: killedAt === null ? null : Date.now() - killedAt, output: r.output };
}

/** Everything of process `pid` still on this host and engine. */
export async function leaksOf(pid: number, docker: Docker | null): Promise<string[]> {
  const out: string[] = [];
  const ours = (name: string) => parseOwnerMark(name)?.pid === pid;
  const marked = (p: string) => p.split('/').some(ours);
  for (const m of mountPoints(readFileSync('/proc/self/mountinfo', 'utf8'))) if (marked(m)) out.push(`mount ${m}`);
  for (const n of readdirSync(tmpdir())) if (ours(n)) out.push(`temporary folder ${path.join(tmpdir(), n)}`);
  for (const p of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    let cmd = '';
    try {
      cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
    } catch {
      continue;
    }
    if (cmd.split(/[\s/]/).some(ours)) out.push(`process ${p}: ${cmd.slice(0, 120)}`);
  }
  try {
    const roots = readdirSync(CGROUP_ROOT).map((n) => path.join(CGROUP_ROOT, n));
    for (const r of [CGROUP_ROOT, ...roots]) {
      try {
        for (const n of readdirSync(r)) if (ours(n)) out.push(`cgroup ${path.join(r, n)}`);
      } catch {
        // not a folder
      }
    }
  } catch {
    // no cgroup file system here
  }
  if (docker) {
    const cs = await docker.listContainers({ all: true, filters: { label: [`${LABEL_OWNER_PID}=${pid}`] } });
    for (const c of cs) out.push(`container ${c.Names?.[0] ?? c.Id} (${c.State})`);
  }
  return out;
}

/**
 * leaksOf once the owner's own detached cleanup has had its moment: after an interrupt the lab
 * leaves a `rm -rf` of its build folder running on purpose (host-leftovers.ts removeOwnedDirSoon),
 * and it may still be exiting when the next start has swept. Only processes get that grace,
 * bounded by `ms`; a mount, folder, cgroup or container left counts at once.
 */
export async function leaksAfterCleanup(pid: number, docker: Docker | null, ms = 10_000): Promise<string[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const left = await leaksOf(pid, docker);
    if (left.length === 0 || !left.every((l) => l.startsWith('process ')) || Date.now() > deadline) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}
