import { Option, type Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerPrepare(program: Command, ctx: CommandContext): void {
  program
    .command('prepare')
    .description('build the base and zombie images (offline from Debian packages when no registry is reachable)')
    .addOption(ctx.wayOption())
    // Tests build from a copy of images/ under tags of their own, never touching the real ones.
    .addOption(new Option('--images-dir <dir>', 'build from this copy of images/').hideHelp())
    .action(async (o: { way: 'auto' | 'registry' | 'offline'; imagesDir?: string }) => {
      const { runPrepare } = await import('../prepare-command.js');
      ctx.setExitCode(await runPrepare({ way: o.way, ...(o.imagesDir ? { imagesDir: o.imagesDir } : {}) }));
    });
}
