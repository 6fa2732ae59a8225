/** Development entry for the presenter app until the command is wired in main.ts: `node dist/cli/app-dev.js [--replay FILE] [--lang de|en] [--theme high-contrast]`. */

// React's development build costs several ms a frame; it is chosen when React is first loaded,
// so this is set before the app's modules are imported.
process.env['NODE_ENV'] ??= 'production';
// Raw mode before the (slow) module loading, so keys pressed meanwhile reach the app, not the echo.
if (process.stdin.isTTY && process.stdout.isTTY) process.stdin.setRawMode(true);
const { runApp } = await import('./app-command.js');

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

runApp({
  lang: opt('--lang'),
  theme: opt('--theme'),
  replay: opt('--replay'),
  noColor: args.includes('--no-color'),
  runIdPrefix: process.env['ZOMBIE_LAB_RUN_PREFIX'],
}).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`zombie-lab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
