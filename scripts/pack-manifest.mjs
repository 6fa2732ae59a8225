/**
 * The package.json that goes into the tarball has no `prepare`: npm 11 names a package's prepare
 * among the "install scripts not yet covered by allowScripts" on every install of the tarball,
 * though prepare only runs in a checkout (where `npm ci` builds dist/ through it). `prepack` builds
 * and runs `strip`; `postpack` runs `restore`. The original waits in node_modules/.cache, so a pack
 * that was interrupted is put right by the next strip or restore.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const manifest = path.resolve('package.json');
const saved = path.resolve('node_modules', '.cache', 'zombie-lab-pack', 'package.json');

function restore() {
  if (!existsSync(saved)) return;
  writeFileSync(manifest, readFileSync(saved));
  rmSync(saved);
}

const what = process.argv[2];
if (what === 'strip') {
  restore();
  const text = readFileSync(manifest, 'utf8');
  mkdirSync(path.dirname(saved), { recursive: true });
  writeFileSync(saved, text);
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  writeFileSync(manifest, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (what === 'restore') {
  restore();
} else {
  process.stderr.write('usage: node scripts/pack-manifest.mjs strip|restore\n');
  process.exit(2);
}
