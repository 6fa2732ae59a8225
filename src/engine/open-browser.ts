/**
 * Opens a URL in the desktop's browser for `serve --open`, with the platform's own opener
 * (xdg-open, open, start): a presenter's one step fewer. Never a reason to fail: on a machine with
 * no desktop (SSH, CI) it says so in one line and the server goes on.
 */
import { spawn } from 'node:child_process';

export function openerFor(platform: NodeJS.Platform): { cmd: string; args: (url: string) => string[] } {
  if (platform === 'darwin') return { cmd: 'open', args: (u) => [u] };
  // `start`'s first quoted argument is a window title: an empty one, so the URL is the target.
  if (platform === 'win32') return { cmd: 'cmd', args: (u) => ['/c', 'start', '""', u] };
  return { cmd: 'xdg-open', args: (u) => [u] };
}

/** Starts the opener detached; resolves with null when it started, else the line to show. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): Promise<string | null> {
  const { cmd, args } = openerFor(platform);
  return new Promise((resolve) => {
    const child = spawn(cmd, args(url), { detached: true, stdio: 'ignore', env });
    child.once('error', (err: NodeJS.ErrnoException) =>
      resolve(`could not open a browser (${cmd}: ${err.code === 'ENOENT' ? 'not found' : err.message}); open the URL yourself`),
    );
    child.once('spawn', () => {
      child.unref();
      resolve(null);
    });
  });
}
