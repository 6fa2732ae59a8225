import { Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.js';
import { THEME_NAMES, type ThemeName } from '../../core/theme.js';
import { EXIT_USAGE } from '../exit-codes.js';
import { preferLiveRendering } from '../live-rendering.js';
import type { CommandContext } from './command-context.js';

/** No command: the presenter app, as the program's own options and action (loaded lazily: ink and marked take a second to import). */
export function registerApp(program: Command, ctx: CommandContext): void {
  program
    .addOption(ctx.langOption('slide language'))
    .addOption(new Option('--theme <theme>', 'default or high-contrast (for projectors)').choices(THEME_NAMES).default('default'))
    .option('--replay <file>', 'replay a recorded run instead of running live')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .action(async (o: { lang?: Lang; theme?: ThemeName; replay?: string; color?: boolean }, cmd: Command) => {
      if (cmd.args.length > 0) {
        process.stderr.write(`zombie-lab: unknown command "${cmd.args[0]}" (zombie-lab --help lists the commands)\n`);
        ctx.setExitCode(EXIT_USAGE);
        return;
      }
      preferLiveRendering();
      const { runApp } = await import('../app-command.js');
      ctx.setExitCode(
        await runApp({
          ...(o.lang ? { lang: o.lang } : {}),
          ...(o.theme ? { theme: o.theme } : {}),
          ...(o.replay ? { replay: o.replay } : {}),
          noColor: o.color === false,
          ...ctx.deckEnv(),
        }),
      );
    });
}
