/**
 * Where handouts (the `e` key's SVG) go: $ZOMBIE_LAB_OUT, else $XDG_DATA_HOME/zombie-lab/handouts,
 * else ~/.local/share/zombie-lab/handouts. Never the package's folder, never the current folder
 * (in a checkout that would show up in `git status`) unless asked.
 */
import { homedir } from 'node:os';
import path from 'node:path';

function dataHome(env: Record<string, string | undefined>): string {
  return env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(homedir(), '.local', 'share');
}

export function handoutDir(env: Record<string, string | undefined> = process.env): string {
  if (env.ZOMBIE_LAB_OUT) return path.resolve(env.ZOMBIE_LAB_OUT);
  return path.join(dataHome(env), 'zombie-lab', 'handouts');
}

/**
 * Where `record` writes by default, and where the app looks first for a run to replay:
 * $XDG_DATA_HOME/zombie-lab/recordings (~/.local/share/…). The package's own recordings/ is
 * read-only material (an installed package may not even be writable).
 */
export function userRecordingsDir(env: Record<string, string | undefined> = process.env): string {
  return path.join(dataHome(env), 'zombie-lab', 'recordings');
}
