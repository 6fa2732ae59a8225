// The app as users run it: dist/ (tsc's output) bundled with its UI libraries. Node loads one
// file far faster than the ~1,000 small modules behind ink and marked-terminal (ink's
// es-toolkit/compat alone is 400): the first frame comes up in about half the time.
// dockerode, tar-fs and ssh2 stay outside: CommonJS that loads files (and native addons) relative to itself.
import path from 'node:path';
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { cli: 'dist/cli.js', 'proc-worker': 'dist/engine/proc-worker.js' },
  platform: 'node',
  // react-devtools-core: ink imports it only under DEV=true, and it is not installed.
  external: [/^dockerode(\/|$)/, /^tar-fs(\/|$)/, /^ssh2(\/|$)/, 'react-devtools-core'],
  resolve: {
    // marked-terminal imports cli-highlight (and with it highlight.js) that the slides never use.
    alias: { 'cli-highlight': path.resolve('dist/ui/no-syntax-highlight.js') },
  },
  output: { dir: 'dist/bundle', format: 'esm', cleanDir: true },
});
