import { parseCommaList } from '../core/comma-list.js';
import { OptionError, parseIntIn } from '../core/compare-options.js';
/** `zombie-lab scorecard`: every PID 1 variant measured on the real engine, as a table or JSON. */
import { renderScorecard, SCORECARD_DEFAULTS, VARIANT_IDS, VARIANTS, isVariantId, type ScorecardSettings, type VariantId } from '../core/scorecard.js';
import { removeLabContainers } from '../engine/cleanup.js';
import { ENGINE_KINDS } from '../core/engine-kind.js';
import { assertPidLimitHolds, factsOf } from '../engine/engine-facts.js';
import { ensureExtraImage, WORKLOAD_REPO, type WayChoice } from '../engine/images.js';
import { newRunId } from '../engine/run-id.js';
import { runScorecard } from '../engine/scorecard.js';
import { connectAndSweep, engineLine, interruptScope } from './command-session.js';
import { CommandOutput } from './command-output.js';
import { reportProblem } from './report-problem.js';

export interface ScorecardCliOptions {
  json?: boolean;
  variants?: string;
  concurrency?: string;
  way?: WayChoice;
  runId?: string;
}

export function parseVariants(raw: string | undefined): VariantId[] {
  if (!raw) return [...VARIANT_IDS];
  // `tini,tini` measures tini once.
  const { known, unknown: bad } = parseCommaList(raw, isVariantId);
  if (bad.length) throw new OptionError(`unknown variant ${bad.join(', ')}`, `use some of: ${VARIANT_IDS.join(',')}`);
  return known;
}

/** `4/6 runs done · now: tini: stop`; without `· now:` once nothing runs (the last line of all). */
export function scorecardProgress(done: number, total: number, running: readonly string[]): string {
  const head = `${String(done).padStart(2)}/${total} runs done`;
  return running.length ? `${head} · now: ${running.join(', ')}` : head;
}

export async function runScorecardCommand(o: ScorecardCliOptions): Promise<number> {
  let variants: VariantId[];
  const settings: ScorecardSettings = { ...SCORECARD_DEFAULTS };
  try {
    variants = parseVariants(o.variants);
    if (o.concurrency !== undefined) {
      settings.concurrency = parseIntIn(String(o.concurrency), '--concurrency', 1, 16);
    }
  } catch (err) {
    return reportProblem(err);
  }
  const runId = o.runId ?? newRunId('scorecard');
  // Progress and messages on stderr, the table or JSON alone on stdout.
  const output = new CommandOutput(!!o.json);

  let docker;
  let engine;
  try {
    const { conn } = await connectAndSweep();
    docker = conn.docker;
    engine = { endpoint: conn.endpoint, why: conn.described, version: conn.version };
    output.say(engineLine(conn));
  } catch (err) {
    return reportProblem(err);
  }
  const scope = interruptScope();
  try {
    await assertPidLimitHolds(docker);
    const { tag, built } = await ensureExtraImage(docker, 'workload', WORKLOAD_REPO, {
      signal: scope.signal,
      way: o.way,
      onLine: (l) => output.update(l),
    });
    output.say(`image ${tag}: ${built ? 'built' : 'up to date'}`);
    output.say(`measuring ${variants.length} PID 1 variants, ${settings.concurrency} runs at a time...`);
    const running = new Set<string>();
    let doneN = 0;
    const rows = await runScorecard(docker, {
      runId,
      image: tag,
      variants,
      settings,
      signal: scope.signal,
      onEvent: (e) => {
        if (e.type === 'job-start') running.add(`${VARIANTS[e.variant].label}: ${e.job}`);
        if (e.type === 'job-done') running.delete(`${VARIANTS[e.variant].label}: ${e.job}`);
        if (e.type === 'job-done') doneN = e.done;
        // A start too only where the line is rewritten in place: in a log, one line per finished run is plenty.
        if (e.type === 'job-done' || (e.type === 'job-start' && output.out.isTTY)) {
          output.update(scorecardProgress(doneN, variants.length * 3, [...running]));
        }
        if (e.type === 'done') output.say(`all runs done in ${(e.ms / 1000).toFixed(1)} s`);
      },
    });
    output.done();
    const kind = ENGINE_KINDS[(await factsOf({ docker })).kind];
    if (o.json) {
      const described = { ...engine, kind: kind.id, init: kind.init.comm, initNote: kind.initNote };
      output.json({ runId, engine: described, image: tag, settings, variants: variants.map((v) => VARIANTS[v]), rows });
    } else {
      output.result(`\n${renderScorecard(rows, settings, kind).join('\n')}\n`);
    }
    const failed = rows.filter((r) => r.errors.length > 0);
    if (failed.length) {
      output.problem({ message: `${failed.length} variant(s) could not be measured completely; see the lines marked !` });
      return 1;
    }
    return 0;
  } catch (err) {
    output.done();
    const interrupted = scope.interrupted();
    if (interrupted) {
      return output.interrupted(interrupted, `interrupted by ${interrupted}; the containers of run ${runId} were removed`);
    }
    return reportProblem(err);
  } finally {
    scope.dispose();
    await removeLabContainers(docker, { runId }).catch(() => undefined);
  }
}
