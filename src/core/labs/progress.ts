/**
 * Learner progress: where each lab was left and whether its check passed. Pure: parse and
 * update; the store (src/engine/labs/progress-store.ts) reads and writes the file.
 */
import { z } from 'zod';
import type { Lang } from '../lang.js';

export const LabProgressSchema = z.object({
  step: z.number().int().min(0),
  passed: z.boolean(),
  lastCheck: z.string().nullable(),
});

export const ProgressSchema = z.object({
  version: z.literal(1),
  labs: z.record(z.string(), LabProgressSchema),
});

export type LabProgress = z.infer<typeof LabProgressSchema>;
export type Progress = z.infer<typeof ProgressSchema>;

export function emptyProgress(): Progress {
  return { version: 1, labs: {} };
}

export type ProgressRead = { ok: true; progress: Progress } | { ok: false; progress: Progress; reason: string };

/** A file that is not valid progress is never fatal: the learner starts over, told why. */
export function parseProgress(text: string): ProgressRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, progress: emptyProgress(), reason: `not valid JSON (${(err as Error).message.split('\n')[0]})` };
  }
  const r = ProgressSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, progress: emptyProgress(), reason: `unexpected content at ${issue?.path.join('.') || 'the top'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, progress: r.data };
}

export function labProgress(p: Progress, id: string): LabProgress {
  return p.labs[id] ?? { step: 0, passed: false, lastCheck: null };
}

export function withStep(p: Progress, id: string, step: number): Progress {
  return { ...p, labs: { ...p.labs, [id]: { ...labProgress(p, id), step: Math.max(0, step) } } };
}

export function withCheck(p: Progress, id: string, passed: boolean, at: Date): Progress {
  const cur = labProgress(p, id);
  return { ...p, labs: { ...p.labs, [id]: { ...cur, passed: cur.passed || passed, lastCheck: at.toISOString() } } };
}

export function withoutLab(p: Progress, id: string): Progress {
  const labs = { ...p.labs };
  delete labs[id];
  return { ...p, labs };
}

const STATE_WORDS = {
  en: { passed: 'passed', notStarted: 'not started', atStep: 'at step' },
  de: { passed: 'bestanden', notStarted: 'nicht begonnen', atStep: 'bei Schritt' },
} as const;

/** How far a learner is with a lab, in their language: "✔ passed", "at step 2/4", "not started". */
export function labStateText(p: Progress, lab: { id: string; steps: unknown[] }, lang: Lang): string {
  const w = STATE_WORDS[lang];
  const lp = labProgress(p, lab.id);
  if (lp.passed) return `✔ ${w.passed}`;
  if (lp.step > 0 || lp.lastCheck) return `${w.atStep} ${lp.step + 1}/${lab.steps.length}`;
  return w.notStarted;
}
