/**
 * What `npm run build` does, once per test run: tsc's dist/ (workers, the sidecar's script) and
 * the app's bundle, so the tests run the real binary. The engine matrix needs no more than this.
 */
import { execFileSync } from 'node:child_process';
import { PACKAGE_ROOT } from '../engine/package-paths.js';

export default function buildDist(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
  execFileSync(process.execPath, ['node_modules/rolldown/bin/cli.mjs', '-c', '--logLevel', 'warn'], { cwd: PACKAGE_ROOT, stdio: 'inherit' });
}
