/**
 * What the commands share while they register: the options several of them take, the program's
 * --lang, and where an action leaves its exit code (commander's action returns nothing to main).
 */
import { Option, type Command } from 'commander';
import { LANGS, type Lang } from '../../core/lang.js';

export interface CommandContext {
  /** A command's own --lang, else the program's: commander hands `lab 3 --lang de` to the program rather than the command. */
  langGiven(own: unknown): Lang | undefined;
  wayOption(): Option;
  langOption(what: string): Option;
  setExitCode(code: number): void;
  /** The presenter app's and serve's settings from the environment: the run-id prefix and a deck of one's own (or a test's). */
  deckEnv(): { runIdPrefix?: string; slidesRoot?: string };
}

export function commandContext(program: Command, setExitCode: (code: number) => void): CommandContext {
  return {
    langGiven: (own) => (own as Lang | undefined) ?? program.opts<{ lang?: Lang }>().lang,
    wayOption: () => new Option('--way <way>', 'how to build the base image').choices(['auto', 'registry', 'offline']).default('auto'),
    langOption: (what) => new Option('--lang <lang>', `${what}: de or en (default: from the locale)`).choices(LANGS),
    setExitCode,
    deckEnv: () => ({
      ...(process.env.ZOMBIE_LAB_RUN_PREFIX ? { runIdPrefix: process.env.ZOMBIE_LAB_RUN_PREFIX } : {}),
      // A folder with de/ and en/ in the slide format.
      ...(process.env.ZOMBIE_LAB_SLIDES ? { slidesRoot: process.env.ZOMBIE_LAB_SLIDES } : {}),
    }),
  };
}
