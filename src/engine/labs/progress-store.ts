/**
 * Where learner progress lives: $ZOMBIE_LAB_STATE_DIR, else $XDG_STATE_HOME/zombie-lab, else
 * ~/.local/state/zombie-lab. A corrupt file is moved aside and the learner starts over.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { emptyProgress, parseProgress, type Progress } from '../../core/labs/progress.js';
import { problemOf } from '../../core/problem-text.js';
import type { Problem } from '../../core/run-events.js';
import { underVirtualFs } from '../../core/virtual-fs.js';
import { LabError } from '../lab-error.js';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(homedir(), '.local', 'state');
  const dir = env.ZOMBIE_LAB_STATE_DIR ? path.resolve(env.ZOMBIE_LAB_STATE_DIR) : path.join(base, 'zombie-lab');
  const root = underVirtualFs(dir);
  if (root) throw new LabError(`the lab state folder ${dir} is under ${root}, which is the kernel's, not a folder`, 'set ZOMBIE_LAB_STATE_DIR (or XDG_STATE_HOME) to a folder of yours, e.g. ~/.local/state/zombie-lab');
  return dir;
}

function stateWriteError(file: string, err: unknown): LabError {
  const code = (err as NodeJS.ErrnoException).code ?? 'error';
  const why = code === 'EACCES' || code === 'EPERM' ? 'no permission' : code === 'EISDIR' ? 'a folder is in the way' : code === 'EROFS' ? 'read-only file system' : code === 'ENOSPC' ? 'disk full' : code;
  return new LabError(
    `cannot save your lab progress to ${file} (${why}, ${code})`,
    code === 'EISDIR' ? `move that folder away (mv ${file} ${file}.old), then run the command again` : `make ${path.dirname(file)} writable for you, or set ZOMBIE_LAB_STATE_DIR to a folder you can write to`,
  );
}

export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(stateDir(env), 'progress.json');
}

export interface LoadedProgress {
  progress: Progress;
  /** Set when the file was unusable: say it once (in the learner's language), then carry on from nothing. */
  notice: Problem | null;
}

export async function loadProgress(file = progressFile()): Promise<LoadedProgress> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { progress: emptyProgress(), notice: null };
    return { progress: emptyProgress(), notice: problemOf({ id: 'progress-unreadable', file, code: code ?? 'error' }) };
  }
  const r = parseProgress(text);
  if (r.ok) return { progress: r.progress, notice: null };
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  return { progress: r.progress, notice: problemOf({ id: 'progress-unusable', reason: r.reason, aside }) };
}

/** Writes via a temporary file and rename, so a crash mid-write never leaves a torn file. */
export async function saveProgress(progress: Progress, file = progressFile()): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, `${JSON.stringify(progress, null, 2)}\n`);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw stateWriteError(file, err);
  }
}
