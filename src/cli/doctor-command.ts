import { formatCheck } from '../core/doctor-check.js';
import { runDoctor } from '../engine/doctor.js';

export async function runDoctorCommand(): Promise<number> {
  let failed = 0;
  for await (const c of runDoctor()) {
    if (c.status === 'fail') failed++;
    process.stdout.write(`${formatCheck(c)}\n`);
  }
  process.stdout.write(failed ? `\n${failed} check(s) failed: fix those first.\n` : '\nall set.\n');
  return failed ? 1 : 0;
}
