import { formatCheck, type DoctorCheck } from '../core/doctor-check.js';
import { runDoctor } from '../engine/doctor.js';
import { CommandOutput } from './command-output.js';

/** Version of `doctor --json` (docs/doctor.schema.json). */
export const DOCTOR_JSON_VERSION = 1;

/** `doctor --json`'s document: every check in the order run, and the exit code the command returns. */
export function doctorReport(checks: readonly DoctorCheck[]) {
  const failed = checks.filter((c) => c.status === 'fail').length;
  return {
    version: DOCTOR_JSON_VERSION,
    checks: checks.map((c) => ({ name: c.name, status: c.status, detail: c.detail, fix: c.fix ?? null })),
    failed,
    exitCode: failed ? 1 : 0,
  };
}

export async function runDoctorCommand(o: { json?: boolean } = {}): Promise<number> {
  const checks: DoctorCheck[] = [];
  const output = new CommandOutput(!!o.json);
  for await (const c of runDoctor()) {
    checks.push(c);
    // The checks are doctor's result; with --json they still show on a terminal as they come (the
    // probe takes seconds), each on its own line, and a log gets the JSON alone.
    if (!o.json) output.result(`${formatCheck(c)}\n`);
    else if (output.level === 'all') output.say(formatCheck(c));
  }
  const report = doctorReport(checks);
  if (o.json) output.json(report);
  else output.result(report.failed ? `\n${report.failed} check(s) failed: fix those first.\n` : '\nall set.\n');
  return report.exitCode;
}
