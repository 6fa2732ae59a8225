import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerNotes(program: Command, ctx: CommandContext): void {
  program
    .command('notes')
    .description("speaker notes in a second terminal: follows the presenter app on this machine (current slide's notes, next title, clock)")
    .action(async () => {
      const lang = ctx.langGiven(undefined);
      const { runNotes } = await import('../notes-command.js');
      ctx.setExitCode(await runNotes(lang ? { lang } : {}));
    });
}
