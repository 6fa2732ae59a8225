/**
 * What the lab leaves on the host besides containers: temporary folders (the offline build's
 * chroot and tarball) and cgroups (the limits of a learner's build). Each is named with its
 * owner's PID and start time (core/owner-mark), so a later start removes exactly those whose
 * owner is gone, and never anything of a live run or of another program.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { mountsUnder } from '../core/mountinfo.js';
import { ownerMark, parseOwnerMark } from '../core/owner-mark.js';
import { ownerProcessAlive, selfOwner } from './owner-process.js';

/** A temporary folder of this process, named for its owner. */
export function ownedTempDir(what: string, root = tmpdir()): Promise<string> {
  return mkdtemp(path.join(root, ownerMark(what, selfOwner())));
}

function mountinfo(): string {
  try {
    return readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    return '';
  }
}

/**
 * Removes a folder of ours, unmounting first whatever is mounted below it (a build killed by an
 * older version left its chroot's /proc, /sys and /dev mounted): a recursive remove through a
 * mounted /dev or /sys would delete the host's files. A mount that stays keeps the folder.
 */
export async function removeOwnedDir(dir: string): Promise<{ removed: boolean; unmounted: number; reason?: string }> {
  let unmounted = 0;
  for (const m of mountsUnder(mountinfo(), dir)) {
    const r = spawnSync('umount', ['--lazy', m], { stdio: 'ignore' });
    if (r.status === 0) unmounted++;
  }
  const left = mountsUnder(mountinfo(), dir);
  if (left.length > 0) return { removed: false, unmounted, reason: `still mounted: ${left.at(-1)} (unmount it as root: umount --lazy ${left.at(-1)})` };
  try {
    await rm(dir, { recursive: true, force: true, maxRetries: 2 });
    return { removed: true, unmounted };
  } catch (err) {
    return { removed: false, unmounted, reason: `${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
}

/**
 * After an interrupt: the lab must be gone within a second, and removing a 250 MB chroot takes
 * longer. A detached `rm` finishes the job after we exit (and the next start sweeps whatever it
 * did not); --one-file-system keeps it out of anything still mounted below.
 */
export function removeOwnedDirSoon(dir: string): void {
  for (const m of mountsUnder(mountinfo(), dir)) spawnSync('umount', ['--lazy', m], { stdio: 'ignore' });
  if (mountsUnder(mountinfo(), dir).length > 0) return;
  try {
    spawn('rm', ['-rf', '--one-file-system', '--', dir], { detached: true, stdio: 'ignore' }).on('error', () => undefined).unref();
  } catch {
    // the next start sweeps it
  }
}

export interface HostSweepReport {
  /** Folders and cgroups of dead owners, removed. */
  removed: string[];
  unmounted: number;
  /** Those that could not be removed, with why. */
  failed: { path: string; reason: string }[];
  /** Those of owners still running (left alone). */
  kept: string[];
}

/** Marked entries of `root` with their parsed owner. */
async function marked(root: string): Promise<{ path: string; alive: boolean }[]> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const owner = parseOwnerMark(n);
    return owner ? [{ path: path.join(root, n), alive: ownerProcessAlive(owner) }] : [];
  });
}

/** cgroup roots whose direct children may be ours: v2's single tree, or each v1 controller. */
function cgroupRoots(cgroupRoot: string): string[] {
  try {
    const entries = readdirSync(cgroupRoot, { withFileTypes: true });
    if (entries.some((e) => e.name === 'cgroup.controllers')) return [cgroupRoot];
    return entries.filter((e) => e.isDirectory()).map((e) => path.join(cgroupRoot, e.name));
  } catch {
    return [];
  }
}

/** Removes an empty cgroup tree bottom up (a cgroup is removed with rmdir, and only once it has no tasks). */
export function removeCgroupTree(dir: string): void {
  let children: string[] = [];
  try {
    children = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  } catch {
    return;
  }
  for (const c of children) removeCgroupTree(c);
  rmdirSync(dir);
}

/** Sweeps our temporary folders and cgroups whose owner is gone. */
export async function sweepHostLeftovers(opts: { tmpRoot?: string; cgroupRoot?: string } = {}): Promise<HostSweepReport> {
  const report: HostSweepReport = { removed: [], unmounted: 0, failed: [], kept: [] };
  for (const e of await marked(opts.tmpRoot ?? tmpdir())) {
    if (e.alive) {
      report.kept.push(e.path);
      continue;
    }
    const r = await removeOwnedDir(e.path);
    report.unmounted += r.unmounted;
    if (r.removed) report.removed.push(e.path);
    else report.failed.push({ path: e.path, reason: r.reason ?? 'unknown' });
  }
  for (const root of cgroupRoots(opts.cgroupRoot ?? '/sys/fs/cgroup')) {
    for (const e of await marked(root)) {
      if (e.alive) {
        report.kept.push(e.path);
        continue;
      }
      try {
        removeCgroupTree(e.path);
        report.removed.push(e.path);
      } catch (err) {
        report.failed.push({ path: e.path, reason: `${(err as NodeJS.ErrnoException).code ?? String(err)}` });
      }
    }
  }
  return report;
}
