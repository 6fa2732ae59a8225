import type { Command } from 'commander';
import { parseDuration } from '../../core/compare-options.js';
import { reportProblem } from '../report-problem.js';
import type { CommandContext } from './command-context.js';

export function registerRecord(program: Command, ctx: CommandContext): void {
  program
    .command('record')
    .description('record a real run on this engine, for the app to replay where no engine is reachable')
    .option('--out <file>', 'where to write the recording (default: ~/.local/share/zombie-lab/recordings/<date>-docker-<version>.json, or under $XDG_DATA_HOME)')
    .option('--duration <time>', 'how long to run before stopping', '20s')
    .option('--pods', "after the demo, record the pods slide's pods run too (as zombie-lab pods runs them), for the pods slide to replay")
    .action(async (o: { out?: string; duration: string; pods?: boolean }) => {
      let durationS: number;
      try {
        durationS = parseDuration(o.duration) / 1000;
      } catch (err) {
        ctx.setExitCode(reportProblem(err));
        return;
      }
      const { runRecord } = await import('../record-command.js');
      ctx.setExitCode(await runRecord({ ...(o.out ? { out: o.out } : {}), durationS, ...(o.pods ? { pods: true } : {}) }));
    });
}
