/**
 * Where handouts (the `e` key's SVG) go: $ZOMBIE_LAB_OUT, else $XDG_DATA_HOME/zombie-lab/handouts,
 * else ~/.local/share/zombie-lab/handouts. Never the package's folder, never the current folder
 * (in a checkout that would show up in `git status`) unless asked.
 */
import { homedir } from 'node:os';
import path from 'node:path';

export function handoutDir(env: Record<string, string | undefined> = process.env): string {
  if (env.ZOMBIE_LAB_OUT) return path.resolve(env.ZOMBIE_LAB_OUT);
  const base = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.join(homedir(), '.local', 'share');
  return path.join(base, 'zombie-lab', 'handouts');
}
