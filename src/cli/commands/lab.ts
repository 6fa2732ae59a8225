import { Option, type Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerLab(program: Command, ctx: CommandContext): void {
  program
    .command('lab [id]')
    .description('guided labs: a menu, one lab (by number or id), or --check to check your work')
    .option('--check', 'check your work for the lab: exit 0 when it passes, else what failed and what to try')
    .option('--json', 'with --check: print the result as JSON (docs/lab-check.schema.json)')
    .addOption(ctx.langOption('language'))
    .option('--workspace <dir>', 'folder for your lab files (default ~/zombie-lab-work or $ZOMBIE_LAB_WORKSPACE)')
    .option('--reset', 'start the lab over (your files are kept)')
    .option('--restore-files', 'put the starting files back (asks before overwriting your changes)')
    .option('--yes', 'with --restore-files: overwrite without asking')
    .addOption(ctx.wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run').hideHelp())
    .action(async (id: string | undefined, o: Record<string, string | boolean | undefined>) => {
      const lang = ctx.langGiven(o.lang);
      const { runLabCommand } = await import('../lab-command.js');
      ctx.setExitCode(await runLabCommand(id, { ...(o as Parameters<typeof runLabCommand>[1]), ...(lang ? { lang } : {}) }));
    });
}
