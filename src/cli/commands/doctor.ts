import type { Command } from 'commander';
import type { CommandContext } from './command-context.js';

export function registerDoctor(program: Command, ctx: CommandContext): void {
  program
    .command('doctor')
    .description('check Node, the Docker engine, permissions, /proc and the images; each failure with its fix')
    .option('--json', 'every check as JSON on stdout (docs/doctor.schema.json)')
    .action(async (o: { json?: boolean }) => {
      const { runDoctorCommand } = await import('../doctor-command.js');
      ctx.setExitCode(await runDoctorCommand(o));
    });
}
