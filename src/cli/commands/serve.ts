import type { Command } from 'commander';
import type { Lang } from '../../core/lang.js';
import type { CommandContext } from './command-context.js';

export function registerServe(program: Command, ctx: CommandContext): void {
  program
    .command('serve')
    .description('the deck and the live lanes in a browser: prints a URL; / the deck (reveal.js), /lanes to embed in your own deck, /events the run as server-sent events')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on; any but loopback requires the token in the printed URL', '127.0.0.1')
    .addOption(ctx.langOption('language of the deck and lanes'))
    .option('--replay <file>', 'replay a recorded run instead of running live')
    .option('--follow', "show the presenter app's run on this machine (the terminal app runs and stops it) instead of running one")
    .option('--open', "open the deck in this desktop's browser once it listens")
    .action(async (o: { port: string; host: string; lang?: Lang; replay?: string; follow?: boolean; open?: boolean }) => {
      const lang = ctx.langGiven(o.lang);
      // --replay is also a program option (the app's): commander may hand it to the program.
      const replay = o.replay ?? program.opts<{ replay?: string }>().replay;
      const { runServe } = await import('../serve-command.js');
      ctx.setExitCode(
        await runServe({
          port: /^\d+$/.test(o.port) ? Number(o.port) : NaN,
          host: o.host,
          ...(lang ? { lang } : {}),
          ...(replay ? { replay } : {}),
          ...(o.follow ? { follow: true } : {}),
          ...(o.open ? { open: true } : {}),
          ...ctx.deckEnv(),
        }),
      );
    });
}
