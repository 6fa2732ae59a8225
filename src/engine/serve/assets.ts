/**
 * The files `serve` hands out, by name: a fixed table, so no path from a request ever reaches the
 * file system. Libraries come from the installed packages (reveal.js, uPlot), our browser scripts
 * from the package's web/ folder; nothing from a network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { PACKAGE_ROOT } from '../package-paths.js';

export interface Asset {
  file: string;
  type: string;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

function asset(file: string): Asset {
  return { file, type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
}

/** Folder of an installed package's main file (resolved like an import from here: works from src/, dist/ and the bundle). */
function distOf(pkg: string): string {
  return path.dirname(createRequire(import.meta.url).resolve(pkg));
}

export const WEB_DIR = path.join(PACKAGE_ROOT, 'web');

export function serveAssets(): Record<string, Asset> {
  const reveal = distOf('reveal.js');
  const uplot = distOf('uplot');
  return {
    'reveal.js': asset(path.join(reveal, 'reveal.js')),
    'reveal.css': asset(path.join(reveal, 'reveal.css')),
    // black: its fonts are inside the CSS; the other themes fetch theirs from a font CDN.
    'theme.css': asset(path.join(reveal, 'theme', 'black.css')),
    'notes.js': asset(path.join(reveal, 'plugin', 'notes.js')),
    'uplot.js': asset(path.join(uplot, 'uPlot.iife.min.js')),
    'uplot.css': asset(path.join(uplot, 'uPlot.min.css')),
    'lanes.js': asset(path.join(WEB_DIR, 'lanes.js')),
    'lanes.css': asset(path.join(WEB_DIR, 'lanes.css')),
    'deck.js': asset(path.join(WEB_DIR, 'deck.js')),
    'deck.css': asset(path.join(WEB_DIR, 'deck.css')),
  };
}
