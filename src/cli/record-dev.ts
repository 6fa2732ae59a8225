/** Development entry for `record` until it is wired in main.ts: `node dist/cli/record-dev.js [--out FILE] [--duration S]`. */
import { runRecord } from './record-command.js';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const d = opt('--duration');

runRecord({ out: opt('--out'), durationS: d === undefined ? undefined : Number(d), runIdPrefix: process.env['ZOMBIE_LAB_RUN_PREFIX'] }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`zombie-lab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
