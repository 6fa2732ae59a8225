/**
 * The command line: the program's own setup, then each command registers itself from
 * src/cli/commands/ (its options, help and action). A command's work (src/cli/<name>-command.ts)
 * is imported only when it runs, so the presenter app does not wait for dockerode, zod and yaml to load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { installExitCleanup } from './exit-cleanup.js';
import { EXIT_USAGE } from './exit-codes.js';
import { registerApp } from './commands/app.js';
import { registerClean } from './commands/clean.js';
import { commandContext } from './commands/command-context.js';
import { registerCompare } from './commands/compare.js';
import { registerDoctor } from './commands/doctor.js';
import { registerInspect } from './commands/inspect.js';
import { registerLab } from './commands/lab.js';
import { registerLint } from './commands/lint.js';
import { registerNotes } from './commands/notes.js';
import { registerPods } from './commands/pods.js';
import { registerPrepare } from './commands/prepare.js';
import { registerRecord } from './commands/record.js';
import { registerScorecard } from './commands/scorecard.js';
import { registerServe } from './commands/serve.js';

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function main(argv: string[]): Promise<number> {
  installExitCleanup();
  let code = 0;
  const program = new Command()
    .name('zombie-lab')
    .description('A terminal teaching lab about PID 1 in containers: how to reap zombies.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show the help of a command')
    // Anything after the options is looked at by the app's action: a word there is an unknown command.
    .allowExcessArguments(true)
    // One line on stderr for every usage error, with where to look.
    .configureOutput({
      outputError: (str, write) => write(`zombie-lab: ${str.replace(/^error: /, '').trim()} (zombie-lab --help lists the commands and options)\n`),
    })
    .exitOverride();

  // Commander's actions return nothing to parseAsync: each command leaves its exit code here.
  const ctx = commandContext(program, (c) => {
    code = c;
  });
  registerDoctor(program, ctx);
  registerPrepare(program, ctx);
  registerCompare(program, ctx);
  registerScorecard(program, ctx);
  registerLab(program, ctx);
  registerInspect(program, ctx);
  registerLint(program, ctx);
  registerClean(program, ctx);
  registerPods(program, ctx);
  registerRecord(program, ctx);
  registerNotes(program, ctx);
  registerServe(program, ctx);
  registerApp(program, ctx);

  // A usage error of a subcommand points to that command's own help, where its options are.
  for (const sub of program.commands) {
    sub.configureOutput({
      outputError: (str, write) => write(`zombie-lab: ${str.replace(/^error: /, '').trim()} (zombie-lab ${sub.name()} --help lists its options)\n`),
    });
  }

  // `help <name>` of no command: commander prints the whole help to stderr and exits 1; this is a usage error like any other.
  const [first, second] = argv.slice(2);
  if (first === 'help' && second !== undefined && !program.commands.some((c) => c.name() === second || c.aliases().includes(second))) {
    process.stderr.write(`zombie-lab: unknown command "${second}" (zombie-lab --help lists the commands)\n`);
    return EXIT_USAGE;
  }

  try {
    await program.parseAsync(argv);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
    // Commander's own errors are all usage errors: unknown option, missing or bad value.
    return e.code?.startsWith('commander.') ? EXIT_USAGE : (e.exitCode ?? EXIT_USAGE);
  }
  return code;
}
