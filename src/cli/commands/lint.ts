import { Option, type Command } from 'commander';
import type { Lang } from '../../core/lang.js';
import type { CommandContext } from './command-context.js';

export function registerLint(program: Command, ctx: CommandContext): void {
  program
    .command('lint [files...]')
    .description('check Dockerfiles, compose files, Kubernetes pod specs and entrypoint scripts for PID 1 mistakes (no engine needed)')
    .addOption(new Option('--format <format>', 'text, json (docs/lint.schema.json) or sarif (for code-scanning UIs)').choices(['text', 'json', 'sarif']).default('text'))
    .option('--json', 'same as --format json (docs/lint.schema.json)')
    .addOption(ctx.langOption('language of the messages and fixes (rule ids stay)'))
    .action(async (files: string[], o: { format?: 'text' | 'json' | 'sarif'; json?: boolean; lang?: Lang }) => {
      const lang = ctx.langGiven(o.lang);
      const { runLint } = await import('../lint-command.js');
      ctx.setExitCode(await runLint(files, { ...o, ...(lang ? { lang } : {}) }));
    });
}
