import { Option, type Command } from 'commander';
import { COMPARE_DEFAULTS } from '../../core/compare-options.js';
import { EXIT_USAGE } from '../exit-codes.js';
import type { CommandContext } from './command-context.js';

/** compare's options that mean nothing to a pods run: given with --pods, a usage error. */
const NOT_WITH_PODS = ['modes', 'stopTimeout', 'rate', 'svg', 'way'] as const;

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
    .option('--pods', "an alias of `zombie-lab pods` (the same run: the lab's Pod YAML files side by side, docs/pods.schema.json for --json), printed compare's way: progress on stderr, the table on stdout; takes --duration, --pids-limit, --memory and --json with pods' defaults (10s, 1024, 256)")
    .addOption(ctx.wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run (tests use it to find their containers)').hideHelp())
    .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
      const given = (name: string) => cmd.getOptionValueSource(name) === 'cli';
      if (o.pods) {
        const wrong = NOT_WITH_PODS.filter(given);
        if (wrong.length > 0) {
          process.stderr.write(`zombie-lab compare: --pods runs the pods; ${wrong.map((w) => `--${w.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')} belong${wrong.length === 1 ? 's' : ''} to the modes run\n  (zombie-lab compare --help for the options)\n`);
          ctx.setExitCode(EXIT_USAGE);
          return;
        }
        // The one pods run (pods-command.ts); compare's own defaults are for its modes, not the pods.
        const [{ runPodsCommand }, { CommandOutput }] = await Promise.all([import('../pods-command.js'), import('../command-output.js')]);
        const pick = (name: 'duration' | 'pidsLimit' | 'memory') => (given(name) ? { [name]: o[name] as string } : {});
        const raw = { json: o.json === true, ...pick('duration'), ...pick('pidsLimit'), ...pick('memory'), ...(typeof o.runId === 'string' ? { runId: o.runId } : {}) };
        ctx.setExitCode(await runPodsCommand(raw, new CommandOutput(raw.json)));
        return;
      }
      const { runCompare } = await import('../compare-command.js');
      ctx.setExitCode(await runCompare(o as Parameters<typeof runCompare>[0]));
    });
}
