/** `inspect --json` as the tests read it: parsed and held to docs/inspect.schema.json (tight: unknown fields fail). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { InspectReport } from '../core/inspect/report.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import type { CliRun } from './run-cli.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'docs', 'inspect.schema.json'), 'utf8')) as object);

export function inspectReport(r: CliRun): InspectReport {
  const doc = JSON.parse(r.stdout) as unknown;
  if (!validate(doc)) throw new Error(`inspect --json does not match docs/inspect.schema.json: ${ajv.errorsText(validate.errors)}`);
  return doc as InspectReport;
}

/** A SIGTERM handler that exits 0: a PID 1 that stops at once. */
export const SIGTERM_HANDLER = ['python3', '-c', 'import signal, sys, time\nsignal.signal(signal.SIGTERM, lambda *a: sys.exit(0))\nwhile True: time.sleep(1)'];
