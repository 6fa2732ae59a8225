/**
 * Where learner progress lives: $ZOMBIE_LAB_STATE_DIR, else $XDG_STATE_HOME/zombie-lab, else
 * ~/.local/state/zombie-lab. A corrupt file is moved aside and the learner starts over.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { emptyProgress, parseProgress, type Progress } from '../../core/labs/progress.js';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ZOMBIE_LAB_STATE_DIR) return path.resolve(env.ZOMBIE_LAB_STATE_DIR);
  const base = env.XDG_STATE_HOME && path.isAbsolute(env.XDG_STATE_HOME) ? env.XDG_STATE_HOME : path.join(homedir(), '.local', 'state');
  return path.join(base, 'zombie-lab');
}

export function progressFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(stateDir(env), 'progress.json');
}

export interface LoadedProgress {
  progress: Progress;
  /** Set when the file was unusable: say it once, then carry on from nothing. */
  notice: string | null;
}

export async function loadProgress(file = progressFile()): Promise<LoadedProgress> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { progress: emptyProgress(), notice: null };
    return { progress: emptyProgress(), notice: `could not read your lab progress at ${file} (${code ?? 'error'}); starting over` };
  }
  const r = parseProgress(text);
  if (r.ok) return { progress: r.progress, notice: null };
  const aside = `${file}.corrupt-${Date.now()}`;
  await rename(file, aside).catch(() => undefined);
  return { progress: r.progress, notice: `your lab progress file was unusable (${r.reason}); starting over (the old file is kept as ${aside})` };
}

/** Writes via a temporary file and rename, so a crash mid-write never leaves a torn file. */
export async function saveProgress(progress: Progress, file = progressFile()): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(progress, null, 2)}\n`);
  await rename(tmp, file);
}
