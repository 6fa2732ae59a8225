import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The package root, from src/engine (tests) or dist/engine (built) alike: both sit two levels down. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const IMAGES_DIR = path.join(PACKAGE_ROOT, 'images');
export const SLIDES_DIR = path.join(PACKAGE_ROOT, 'slides');
export const LABS_DIR = path.join(PACKAGE_ROOT, 'labs');
/** Real runs the app replays where no engine answers (the newest by name). */
export const RECORDINGS_DIR = path.join(PACKAGE_ROOT, 'recordings');
/** What `zombie-lab` runs: the bundle `npm run build` makes of dist/ (see rolldown.config.js). */
export const CLI_ENTRY = path.join(PACKAGE_ROOT, 'dist', 'bundle', 'cli.js');
