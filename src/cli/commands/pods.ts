import { Option, type Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerPods(program: Command, ctx: CommandContext): void {
  program
    .command('pods')
    .description('run the lab\'s Pod YAML files side by side (Podman: real pods; Docker: emulated with a pause container): PID 1, zombies, exec-probe zombies, grace period')
    .option('--duration <time>', 'how long the pods run before they are stopped (e.g. 10s, 1m)', '10s')
    .option('--pids-limit <n>', 'PID limit of every container of the pods', '1024')
    .option('--memory <mb>', 'memory limit of a container whose Pod YAML sets none, in MB', '256')
    .option('--json', 'print one JSON document with a lane per pod (docs/pods.schema.json)')
    .addOption(new Option('--run-id <id>', 'label value for this run').hideHelp())
    .addOption(new Option('--pods-dir <dir>', 'run the Pod YAML files of this folder').hideHelp())
    .action(async (o: { duration: string; pidsLimit: string; memory: string; json?: boolean; runId?: string; podsDir?: string }) => {
      const { runPodsCommand } = await import('../pods-command.js');
      ctx.setExitCode(await runPodsCommand(o));
    });
}
