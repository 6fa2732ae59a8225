import { Option, type Command } from 'commander';
import { COMPARE_DEFAULTS } from '../../core/compare-options.js';
import type { CommandContext } from './command-context.js';

export function registerCompare(program: Command, ctx: CommandContext): void {
  program
    .command('compare')
    .description('run no init, dumb-init and docker --init side by side and compare zombies, PIDs and stop times')
    .option('--duration <time>', 'how long to run before stopping (e.g. 20s, 1m)', COMPARE_DEFAULTS.duration)
    .option('--modes <list>', 'comma-separated modes: no-init,dumb-init,init', COMPARE_DEFAULTS.modes)
    .option('--pids-limit <n>', 'PID limit of each container', COMPARE_DEFAULTS.pidsLimit)
    .option('--memory <mb>', 'memory limit of each container in MB', COMPARE_DEFAULTS.memoryMb)
    .option('--stop-timeout <s>', 'seconds docker stop waits before SIGKILL', COMPARE_DEFAULTS.stopTimeout)
    .option('--rate <n>', 'zombies the workload makes per second', COMPARE_DEFAULTS.rate)
    .option('--json', 'print the whole time series and results as JSON (docs/compare.schema.json)')
    .option('--svg <file>', 'also save the plot as an SVG handout')
    .addOption(ctx.wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run (tests use it to find their containers)').hideHelp())
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const { runCompare } = await import('../compare-command.js');
      ctx.setExitCode(await runCompare(o as Parameters<typeof runCompare>[0]));
    });
}
