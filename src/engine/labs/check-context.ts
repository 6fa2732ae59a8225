/**
 * What every lab check is given and how it fails: the context (the engine, the learner's folder,
 * the images built for the check, where its lines go), the learner's language, and CheckStop,
 * a step that cannot go on and becomes a failed item instead of a crash.
 */
import type Docker from 'dockerode';
import type { CheckItem } from '../../core/labs/check-result.js';
import type { Lang } from '../../core/lang.js';

export interface CheckContext {
  docker: Docker;
  runId: string;
  /** The learner's workspace folder for this lab. */
  dir: string;
  /** Base and workload image tags (built before the check starts). */
  baseTag: string;
  workloadTag: string;
  signal: AbortSignal;
  onLine: (line: string) => void;
  /** A line the learner must see, said once (the CLI prints it; the default is onLine). */
  onNotice?: (line: string) => void;
  /** Language of the learner: check messages follow it. */
  lang?: Lang;
}

/** Picks the message in the learner's language. */
export function tr(ctx: Pick<CheckContext, 'lang'>): (en: string, de: string) => string {
  return (en, de) => (ctx.lang === 'de' ? de : en);
}

/** A check step that cannot go on: it becomes a failed item, not a crash. */
export class CheckStop extends Error {
  constructor(readonly item: CheckItem) {
    super(item.detail);
  }
}
