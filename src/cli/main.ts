/**
 * The command line: each command lives in its own file; this wires them to commander. Each is
 * imported when it runs, so the presenter app does not wait for dockerode, zod and yaml to load.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { COMPARE_DEFAULTS, parseDuration } from '../core/compare-options.js';
import { LANGS, type Lang } from '../core/lang.js';
import { THEME_NAMES, type ThemeName } from '../core/theme.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import { installExitCleanup } from './exit-cleanup.js';
import { preferLiveRendering } from './live-rendering.js';
import { reportProblem } from './report-problem.js';
import { EXIT_USAGE } from './exit-codes.js';

function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const wayOption = () => new Option('--way <way>', 'how to build the base image').choices(['auto', 'registry', 'offline']).default('auto');
const langOption = (what: string) => new Option('--lang <lang>', `${what}: de or en (default: from the locale)`).choices(LANGS);

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

  // --lang (and the app's --replay) are also program options: commander hands `lab 3 --lang de`
  // to the program rather than the command, so a command takes its own, else the program's.
  const langGiven = (own: unknown): Lang | undefined => (own as Lang | undefined) ?? program.opts<{ lang?: Lang }>().lang;

  program
    .command('doctor')
    .description('check Node, the Docker engine, permissions, /proc and the images; each failure with its fix')
    .option('--json', 'every check as JSON on stdout (docs/doctor.schema.json)')
    .action(async (o: { json?: boolean }) => {
      const { runDoctorCommand } = await import('./doctor-command.js');
      code = await runDoctorCommand(o);
    });

  program
    .command('prepare')
    .description('build the base and zombie images (offline from Debian packages when no registry is reachable)')
    .addOption(wayOption())
    // Tests build from a copy of images/ under tags of their own, never touching the real ones.
    .addOption(new Option('--images-dir <dir>', 'build from this copy of images/').hideHelp())
    .action(async (o: { way: 'auto' | 'registry' | 'offline'; imagesDir?: string }) => {
      const { runPrepare } = await import('./prepare-command.js');
      code = await runPrepare({ way: o.way, ...(o.imagesDir ? { imagesDir: o.imagesDir } : {}) });
    });

  program
    .command('compare')
    .description('run no init, dumb-init and docker --init side by side and compare zombies, PIDs and stop times')
    .option('--duration <time>', 'how long to run before stopping (e.g. 20s, 1m)', COMPARE_DEFAULTS.duration)
    .option('--modes <list>', 'comma-separated modes: no-init,dumb-init,init', COMPARE_DEFAULTS.modes)
    .option('--pids-limit <n>', 'PID limit of each container', COMPARE_DEFAULTS.pidsLimit)
    .option('--memory <mb>', 'memory limit of each container in MB', COMPARE_DEFAULTS.memoryMb)
    .option('--stop-timeout <s>', 'seconds docker stop waits before SIGKILL', COMPARE_DEFAULTS.stopTimeout)
    .option('--rate <n>', 'zombies the workload makes per second', COMPARE_DEFAULTS.rate)
    .option('--json', 'print the whole time series and results as JSON (docs/compare.schema.json)')
    .option('--svg <file>', 'also save the plot as an SVG handout')
    .addOption(wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run (tests use it to find their containers)').hideHelp())
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const { runCompare } = await import('./compare-command.js');
      code = await runCompare(o as Parameters<typeof runCompare>[0]);
    });

  program
    .command('scorecard')
    .description('measure every PID 1 variant (no init, bash, sh -c under dash and BusyBox ash, dumb-init, tini, --init, catatonit, s6, an app that reaps): zombies, stop, signals, exit codes')
    .option('--json', 'print the rows as JSON (docs/scorecard.schema.json)')
    .option('--variants <list>', 'comma-separated variants (default: all)')
    .option('--concurrency <n>', 'runs at a time', String(4))
    .addOption(wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run').hideHelp())
    .action(async (o: Record<string, string | boolean | undefined>) => {
      const { runScorecardCommand } = await import('./scorecard-command.js');
      code = await runScorecardCommand(o as Parameters<typeof runScorecardCommand>[0]);
    });

  program
    .command('lab [id]')
    .description('guided labs: a menu, one lab (by number or id), or --check to check your work')
    .option('--check', 'check your work for the lab: exit 0 when it passes, else what failed and what to try')
    .option('--json', 'with --check: print the result as JSON (docs/lab-check.schema.json)')
    .addOption(langOption('language'))
    .option('--workspace <dir>', 'folder for your lab files (default ~/zombie-lab-work or $ZOMBIE_LAB_WORKSPACE)')
    .option('--reset', 'start the lab over (your files are kept)')
    .option('--restore-files', 'put the starting files back (asks before overwriting your changes)')
    .option('--yes', 'with --restore-files: overwrite without asking')
    .addOption(wayOption())
    .addOption(new Option('--run-id <id>', 'label value for this run').hideHelp())
    .action(async (id: string | undefined, o: Record<string, string | boolean | undefined>) => {
      const lang = langGiven(o.lang);
      const { runLabCommand } = await import('./lab-command.js');
      code = await runLabCommand(id, { ...(o as Parameters<typeof runLabCommand>[1]), ...(lang ? { lang } : {}) });
    });

  program
    .command('inspect [containers...]')
    .description("diagnose PID 1 of running containers live: what it is, signals and docker stop, zombies, PIDs; read-only")
    .option('--all', 'every running container on the engine')
    .option('--watch <time>', 'also watch the zombie count this long (e.g. 10s) and say whether it grows')
    .option('--json', 'print the result as JSON (docs/inspect.schema.json)')
    .option('--fail-on <list>', 'exit 1 only for these: zombies,sigterm,no-pids-limit,shell-pid1,pids')
    .addOption(langOption('language of the findings, fixes and verdicts (ids stay)'))
    .addOption(new Option('--run-id <id>', 'label value for the sampler containers inspect may start').hideHelp())
    .action(async (containers: string[], o: Record<string, string | boolean | undefined>) => {
      const lang = langGiven(o.lang);
      const { runInspect } = await import('./inspect-command.js');
      code = await runInspect(containers, { ...(o as Parameters<typeof runInspect>[1]), ...(lang ? { lang } : {}) });
    });

  program
    .command('lint [files...]')
    .description('check Dockerfiles, compose files, Kubernetes pod specs and entrypoint scripts for PID 1 mistakes (no engine needed)')
    .addOption(new Option('--format <format>', 'text, json (docs/lint.schema.json) or sarif (for code-scanning UIs)').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'same as --format json (docs/lint.schema.json)')
    .addOption(langOption('language of the messages and fixes (rule ids stay)'))
    .action(async (files: string[], o: { format?: 'text' | 'json' | 'sarif'; json?: boolean; lang?: Lang }) => {
      const lang = langGiven(o.lang);
      const { runLint } = await import('./lint-command.js');
      code = await runLint(files, { ...o, ...(lang ? { lang } : {}) });
    });

  program
    .command('clean')
    .description('remove the containers (and with --images the images) the lab made, and nothing else')
    .option('--images', 'also remove the lab images')
    .option('--all', "also remove containers of a lab that is still running")
    .action(async (o: { images?: boolean; all?: boolean }) => {
      const { runClean } = await import('./clean-command.js');
      code = await runClean(o);
    });

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
      const { runPodsCommand } = await import('./pods-command.js');
      code = await runPodsCommand(o);
    });

  program
    .command('record')
    .description('record a real run on this engine, for the app to replay where no engine is reachable')
    .option('--out <file>', 'where to write the recording (default: ~/.local/share/zombie-lab/recordings/<date>-docker-<version>.json, or under $XDG_DATA_HOME)')
    .option('--duration <time>', 'how long to run before stopping', '20s')
    .action(async (o: { out?: string; duration: string }) => {
      let durationS: number;
      try {
        durationS = parseDuration(o.duration) / 1000;
      } catch (err) {
        code = reportProblem(err);
        return;
      }
      const { runRecord } = await import('./record-command.js');
      code = await runRecord({ ...(o.out ? { out: o.out } : {}), durationS });
    });

  program
    .command('notes')
    .description("speaker notes in a second terminal: follows the presenter app on this machine (current slide's notes, next title, clock)")
    .action(async () => {
      const lang = langGiven(undefined);
      const { runNotes } = await import('./notes-command.js');
      code = await runNotes(lang ? { lang } : {});
    });

  program
    .command('serve')
    .description('the deck and the live lanes in a browser: prints a URL; / the deck (reveal.js), /lanes to embed in your own deck, /events the run as server-sent events')
    .option('--port <port>', 'port to listen on (0: any free port)', '8080')
    .option('--host <host>', 'address to listen on; any but loopback requires the token in the printed URL', '127.0.0.1')
    .addOption(langOption('language of the deck and lanes'))
    .option('--replay <file>', 'replay a recorded run instead of running live')
    .option('--follow', "show the presenter app's run on this machine (the terminal app runs and stops it) instead of running one")
    .option('--open', "open the deck in this desktop's browser once it listens")
    .action(async (o: { port: string; host: string; lang?: Lang; replay?: string; follow?: boolean; open?: boolean }) => {
      const lang = langGiven(o.lang);
      const replay = o.replay ?? program.opts<{ replay?: string }>().replay;
      const { runServe } = await import('./serve-command.js');
      code = await runServe({
        port: /^\d+$/.test(o.port) ? Number(o.port) : NaN,
        host: o.host,
        ...(lang ? { lang } : {}),
        ...(replay ? { replay } : {}),
        ...(o.follow ? { follow: true } : {}),
        ...(o.open ? { open: true } : {}),
        ...(process.env.ZOMBIE_LAB_RUN_PREFIX ? { runIdPrefix: process.env.ZOMBIE_LAB_RUN_PREFIX } : {}),
        ...(process.env.ZOMBIE_LAB_SLIDES ? { slidesRoot: process.env.ZOMBIE_LAB_SLIDES } : {}),
      });
    });

  // No command: the presenter app (loaded lazily: ink and marked take a second to import).
  program
    .addOption(langOption('slide language'))
    .addOption(new Option('--theme <theme>', 'default or high-contrast (for projectors)').choices(THEME_NAMES).default('default'))
    .option('--replay <file>', 'replay a recorded run instead of running live')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .action(async (o: { lang?: Lang; theme?: ThemeName; replay?: string; color?: boolean }, cmd: Command) => {
      if (cmd.args.length > 0) {
        process.stderr.write(`zombie-lab: unknown command "${cmd.args[0]}" (zombie-lab --help lists the commands)\n`);
        code = EXIT_USAGE;
        return;
      }
      preferLiveRendering();
      const { runApp } = await import('./app-command.js');
      code = await runApp({
        ...(o.lang ? { lang: o.lang } : {}),
        ...(o.theme ? { theme: o.theme } : {}),
        ...(o.replay ? { replay: o.replay } : {}),
        noColor: o.color === false,
        ...(process.env.ZOMBIE_LAB_RUN_PREFIX ? { runIdPrefix: process.env.ZOMBIE_LAB_RUN_PREFIX } : {}),
        // A deck of your own (a folder with de/ and en/ in the slide format), or a test's.
        ...(process.env.ZOMBIE_LAB_SLIDES ? { slidesRoot: process.env.ZOMBIE_LAB_SLIDES } : {}),
      });
    });

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
