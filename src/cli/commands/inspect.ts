import { Option, type Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerInspect(program: Command, ctx: CommandContext): void {
  program
    .command('inspect [containers...]')
    .description("diagnose PID 1 of running containers live: what it is, signals and docker stop, zombies, PIDs; read-only")
    .option('--all', 'every running container on the engine')
    .option('--pod <name>', "a Podman pod: the shared PID namespace's PID 1 (the infra container) and each container's main process, or each container's own PID 1; zombies by parent")
    .option('--watch <time>', 'also watch the zombie count this long (e.g. 10s) and say whether it grows')
    .option('--json', 'print the result as JSON (docs/inspect.schema.json)')
    .option('--fail-on <list>', 'exit 1 only for these: zombies,sigterm,no-pids-limit,shell-pid1,pids')
    .addOption(ctx.langOption('language of the findings, fixes and verdicts (ids stay)'))
    .addOption(new Option('--run-id <id>', 'label value for the sampler containers inspect may start').hideHelp())
    .action(async (containers: string[], o: Record<string, string | boolean | undefined>) => {
      const lang = ctx.langGiven(o.lang);
      const { runInspect } = await import('../inspect-command.js');
      ctx.setExitCode(await runInspect(containers, { ...(o as Parameters<typeof runInspect>[1]), ...(lang ? { lang } : {}) }));
    });
}
