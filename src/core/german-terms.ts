/**
 * One German terminology for the lesson (slides, labs, the lab runner, problem texts): each old
 * term that must not come back, with the one to use. "Reaping (Abräumen)" is introduced once on
 * the reaping slide; after that it is always "abräumen".
 */
export interface OldTerm {
  old: RegExp;
  use: string;
}

export const OLD_GERMAN_TERMS: readonly OldTerm[] = [
  { old: /\b(gereapt|reapen|reapt|reapte)\b/, use: 'abräumen (Reaping is introduced once as „Reaping (Abräumen)“)' },
  { old: /aufräum|räumt auf\b|räumen auf\b|räumte auf\b/, use: 'abräumen' },
  { old: /\b(eine|einer|die) PID 1\b|\bPID 1, (die|das)\b/, use: 'der Prozess mit PID 1 … er' },
  { old: /\bStop\b(?!-?[A-Z]{3})|\bStop-/, use: 'Stopp' },
  { old: /\bStatus Z\b/, use: 'Zustand Z' },
  { old: /entschlüssel/i, use: 'dekodieren' },
  { old: /\bWorkspace\b/, use: 'Arbeitsordner' },
  { old: /\bFunde?\b/, use: 'Befund' },
  { old: /\bbeim Schritt (den|die|das|einen|eine)\b/, use: 'the dative step name: „beim Bau der Images“' },
];

/** Old terms in a German text, as "old → use" lines (empty when it uses the terminology). */
export function oldGermanTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of OLD_GERMAN_TERMS) {
    const m = t.old.exec(text);
    if (m) out.push(`„${m[0]}“ → ${t.use}`);
  }
  return out;
}
