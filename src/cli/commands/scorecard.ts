import { Option, type Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerScorecard(program: Command, ctx: CommandContext): void {
  program
    .command('scorecard')
    .description('measure every PID 1 variant (no init, bash, sh -c under dash and BusyBox ash, dumb-init, tini, --init, catatonit, s6, an app that reaps): zombies, stop, signals, exit codes')
    .option('--json', 'print the rows as JSON (docs/scorecard.schema.json)')
    .option('--variants <list>', 'comma-separated variants (default: all)')
    .option('--concurrency <n>', 'runs at a time', String(4))
    .addOption(ctx.wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run').hideHelp())
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const { runScorecardCommand } = await import('../scorecard-command.js');
      ctx.setExitCode(await runScorecardCommand(o as Parameters<typeof runScorecardCommand>[0]));
    });
}
