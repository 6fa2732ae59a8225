/** `pods --json` as the tests read it: parsed and held to docs/pods.schema.json (tight: unknown fields fail). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { PodLane, PodsWay } from '../core/pods/pod-run.js';
import { PACKAGE_ROOT } from '../engine/package-paths.js';
import type { CliRun } from './run-cli.js';

const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'docs', 'pods.schema.json'), 'utf8')) as object);

export interface PodsReport {
  runId: string;
  way: PodsWay;
  emulated: boolean;
  note: string | null;
  options: { durationMs: number; pidsLimit: number; memoryMb: number };
  lanes: PodLane[];
}

/** Any run's stdout: the CLI's here, or the lab's run inside a VM over ssh. */
export function podsReport(r: Pick<CliRun, 'stdout'>): PodsReport {
  const doc = JSON.parse(r.stdout) as unknown;
  if (!validate(doc)) throw new Error(`pods --json does not match docs/pods.schema.json: ${ajv.errorsText(validate.errors)}`);
  return doc as PodsReport;
}

/** A lane by its pod's name, or a failure naming the lanes there are. */
export function laneOf(report: PodsReport, pod: string): PodLane {
  const lane = report.lanes.find((l) => l.pod === pod);
  if (!lane) throw new Error(`no lane ${pod} in ${report.lanes.map((l) => l.pod).join(', ')}`);
  return lane;
}

/** The three pods' lanes of images/pods/: the app as PID 1, the shared PID namespace, tini. */
export function threeLanes(report: PodsReport): { alone: PodLane; shared: PodLane; tini: PodLane } {
  return { alone: laneOf(report, 'app-pid1'), shared: laneOf(report, 'shared-pid-ns'), tini: laneOf(report, 'tini') };
}
