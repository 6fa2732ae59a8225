/** Every lab check by id, and running one so that any failure becomes a check item, never a crash. */
import { resultOf, type CheckItem, type CheckResult } from '../../../core/labs/check-result.js';
import type { CheckId } from '../../../core/labs/types.js';
import { explainEngineError } from '../../docker-connect.js';
import { CheckStop, type CheckContext } from '../check-context.js';
import { checkAppReaps } from './app-reaps.js';
import { checkChoosingInit } from './choosing-init.js';
import { checkOwnContainers } from './own-containers.js';
import { checkPods } from './pods.js';
import { checkPidExhaustion } from './pid-exhaustion.js';
import { checkSignals } from './signals.js';
import { checkSubreaper } from './subreaper.js';
import { checkZombies } from './zombies.js';

export const CHECKS: Record<CheckId, (ctx: CheckContext) => Promise<CheckItem[]>> = {
  zombies: checkZombies,
  'pid-exhaustion': checkPidExhaustion,
  signals: checkSignals,
  'choosing-init': checkChoosingInit,
  subreaper: checkSubreaper,
  'app-reaps': checkAppReaps,
  'own-containers': checkOwnContainers,
  pods: checkPods,
};

export async function runCheck(id: CheckId, labId: string, ctx: CheckContext): Promise<CheckResult> {
  try {
    return resultOf(labId, await CHECKS[id](ctx));
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    if (err instanceof CheckStop) return resultOf(labId, [err.item]);
    const p = explainEngineError(err, { id: 'lab-check' }).problem;
    return resultOf(labId, [{ ok: false, what: 'the check could run', detail: p.message, tryThis: p.fix }]);
  }
}
