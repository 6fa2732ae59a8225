/**
 * The learner's workspace: a folder per lab with starting files copied from
 * `labs/workspaces/<id>/`. The learner's files are theirs: never overwritten unless asked.
 */
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { underVirtualFs } from '../../core/virtual-fs.js';
import { LabError } from '../lab-error.js';
import { LABS_DIR } from '../package-paths.js';

/** `--workspace`, else $ZOMBIE_LAB_WORKSPACE, else ~/zombie-lab-work. */
export function workspaceRoot(option?: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = path.resolve(option ?? env.ZOMBIE_LAB_WORKSPACE ?? path.join(homedir(), 'zombie-lab-work'));
  const root = underVirtualFs(dir);
  if (root) throw LabError.of({ id: 'workspace-kernel', dir, root });
  return dir;
}

/** The starting files of a lab; a missing folder means a broken install, said with its path. */
async function startingFiles(labId: string, labsRoot: string): Promise<string[]> {
  const from = startingFilesDir(labId, labsRoot);
  try {
    return (await readdir(from)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw LabError.of({ id: 'lab-files-missing', labId, from, code });
  }
}

/** Copies one starting file; a failure names the file, why, and what to do. */
async function copyStarting(src: string, target: string): Promise<void> {
  try {
    await copyFile(src, target);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw LabError.of({ id: 'workspace-write', target, code });
  }
}

export function labWorkspace(root: string, lab: { number: string; id: string }): string {
  return path.join(root, `${lab.number}-${lab.id}`);
}

export function startingFilesDir(labId: string, labsRoot = LABS_DIR): string {
  return path.join(labsRoot, 'workspaces', labId);
}

export interface WorkspaceReport {
  dir: string;
  created: string[];
  kept: string[];
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Creates the folder and copies the starting files that are missing; files already there are kept. */
/** A folder the learner cannot write to is their problem to fix, told in one line. */
async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    throw LabError.of({ id: 'workspace-create', dir, code });
  }
}

export async function ensureWorkspace(dir: string, labId: string, labsRoot = LABS_DIR): Promise<WorkspaceReport> {
  await makeDir(dir);
  const report: WorkspaceReport = { dir, created: [], kept: [] };
  const from = startingFilesDir(labId, labsRoot);
  for (const name of await startingFiles(labId, labsRoot)) {
    const target = path.join(dir, name);
    if (await exists(target)) report.kept.push(name);
    else {
      await copyStarting(path.join(from, name), target);
      report.created.push(name);
    }
  }
  return report;
}

/** Files that differ from the starting version: what a restore would overwrite. */
export async function changedFiles(dir: string, labId: string, labsRoot = LABS_DIR): Promise<string[]> {
  const from = startingFilesDir(labId, labsRoot);
  const out: string[] = [];
  for (const name of await startingFiles(labId, labsRoot)) {
    const mine = await readFile(path.join(dir, name)).catch(() => null);
    if (mine && !mine.equals(await readFile(path.join(from, name)))) out.push(name);
  }
  return out;
}

/** Puts the starting files back, overwriting the learner's: only after the learner said yes. */
export async function restoreWorkspace(dir: string, labId: string, labsRoot = LABS_DIR): Promise<string[]> {
  await makeDir(dir);
  const from = startingFilesDir(labId, labsRoot);
  const names = await startingFiles(labId, labsRoot);
  for (const name of names) await copyStarting(path.join(from, name), path.join(dir, name));
  return names;
}
