import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerClean(program: Command, ctx: CommandContext): void {
  program
    .command('clean')
    .description('remove the containers (and with --images the images) the lab made, and nothing else')
    .option('--images', 'also remove the lab images')
    .option('--all', "also remove containers of a lab that is still running")
    .action(async (o: { images?: boolean; all?: boolean }) => {
      const { runClean } = await import('../clean-command.js');
      ctx.setExitCode(await runClean(o));
    });
}
