import { formatCheck, type DoctorCheck } from '../core/doctor-check.js';
import { runDoctor } from '../engine/doctor.js';
import { progressLevel } from './progress-line.js';

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
  // With --json the checks still show on a terminal as they come (the probe takes seconds); a log gets the JSON alone.
  const echo = o.json && progressLevel(true, !!process.stderr.isTTY) === 'all';
  for await (const c of runDoctor()) {
    checks.push(c);
    if (!o.json) process.stdout.write(`${formatCheck(c)}\n`);
    else if (echo) process.stderr.write(`${formatCheck(c)}\n`);
  }
  const report = doctorReport(checks);
  if (o.json) process.stdout.write(`${JSON.stringify(report, null, process.stdout.isTTY ? 2 : undefined)}\n`);
  else process.stdout.write(report.failed ? `\n${report.failed} check(s) failed: fix those first.\n` : '\nall set.\n');
  return report.exitCode;
}
